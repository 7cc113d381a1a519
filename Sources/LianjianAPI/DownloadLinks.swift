import Crypto
import Foundation
import Hummingbird
import LianjianStore
import Synchronization

/// Short-lived signed links to one download — an event's sheet, a facility's timetable, a
/// roster's CSV — that a browser opens without an `Authorization` header. Never a token in a URL.
///
/// A link is the resource's own URL with `link=<token id>.<expiry>.<HMAC-SHA256>` added. The MAC
/// covers the path and the other query parameters (so it opens that one resource only), the
/// expiry and the id of the token that asked; at download time ``AccessMiddleware`` checks the
/// MAC in constant time, then the expiry, then that the token is still valid, then the route's
/// access rule as that token, exactly as if it had sent the request itself. Revoking the token
/// ends its links.
///
/// The key is `app.download_key` when configured, else a random key made once and kept in the
/// database (``DownloadKeyRepository``), so that every server process signs and checks alike.
public final class DownloadLinks: Sendable {
    /// What links are signed with, how long they work, and the clock they are checked against.
    public struct Settings: Sendable {
        /// The configured secret; `nil` uses the database's key.
        public var key: String?
        /// How long a link works, from when it is made.
        public var lifetimeSeconds: Int
        /// The current time (tests move it on instead of waiting).
        public var now: @Sendable () -> Date

        public init(key: String? = nil, lifetimeSeconds: Int = 600, now: @escaping @Sendable () -> Date = { Date() }) {
            self.key = key
            self.lifetimeSeconds = lifetimeSeconds
            self.now = now
        }
    }

    /// What a link says once its MAC has been checked.
    enum Check: Equatable {
        case valid(tokenID: UUID)
        case expired
        case invalid
    }

    /// The query parameter a link adds to the resource's URL.
    static let parameter = "link"

    /// A path and its raw (still percent-encoded) query, as a request carries them.
    struct Address: Equatable {
        var path: String
        var query: String?

        init(path: String, query: String?) {
            self.path = path
            self.query = query
        }

        /// `/v1/…?a=1&b=2` split at its first `?`.
        init(_ text: String) {
            let parts = text.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
            path = String(parts[0])
            query = parts.count > 1 ? String(parts[1]) : nil
        }
    }

    let settings: Settings
    private let store: DownloadKeyRepository
    private let cached = Mutex<SymmetricKey?>(nil)

    public init(database: Database, settings: Settings) {
        self.settings = settings
        store = DownloadKeyRepository(database)
        if let key = settings.key { cached.withLock { $0 = SymmetricKey(data: Data(key.utf8)) } }
    }

    /// A link to `address` (path and query, without a `link` parameter) for the token `tokenID`.
    func sign(_ address: Address, by tokenID: UUID) async throws -> (url: String, expires: Date) {
        let expires = Int(settings.now().timeIntervalSince1970.rounded(.down)) + settings.lifetimeSeconds
        let resource = Self.resource(of: address)
        let id = tokenID.uuidString.lowercased()
        let mac = HMAC<SHA256>.authenticationCode(for: Self.message(resource: resource, token: id, expires: expires), using: try await key())
        let link = "\(Self.parameter)=\(id).\(expires).\(Self.base64url(Data(mac)))"
        let url = address.path + "?" + (Self.pairs(of: address) + [link]).joined(separator: "&")
        return (url, Date(timeIntervalSince1970: TimeInterval(expires)))
    }

    /// Checks the `link` of a request for `address`: its MAC, then its expiry.
    func check(_ link: String, for address: Address) async throws -> Check {
        let parts = link.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let tokenID = UUID(uuidString: String(parts[0])), let expires = Int(parts[1]),
              let mac = Self.unbase64url(String(parts[2])) else { return .invalid }
        let message = Self.message(resource: Self.resource(of: address), token: String(parts[0]), expires: expires)
        // Constant time: a wrong MAC takes as long to refuse whatever its first wrong byte.
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: message, using: try await key()) else { return .invalid }
        return Double(expires) > settings.now().timeIntervalSince1970 ? .valid(tokenID: tokenID) : .expired
    }

    /// The value of the `link` parameter of `address`, if it has one.
    static func link(in address: Address) -> String? {
        rawPairs(of: address).last { $0.hasPrefix("\(parameter)=") }.map { String($0.dropFirst(parameter.count + 1)) }
    }

    /// `address` without its `link` parameter, as the handler behind a link sees it.
    static func withoutLink(_ address: Address) -> String {
        let kept = Self.pairs(of: address)
        return kept.isEmpty ? address.path : address.path + "?" + kept.joined(separator: "&")
    }

    // MARK: - What is signed

    /// The query's `name=value` pairs as sent, but the link's own.
    private static func pairs(of address: Address) -> [String] {
        rawPairs(of: address).filter { !$0.hasPrefix("\(parameter)=") && $0 != parameter }
    }

    private static func rawPairs(of address: Address) -> [String] {
        (address.query ?? "").split(separator: "&", omittingEmptySubsequences: true).map(String.init)
    }

    /// The path and the sorted query pairs: the one resource a link opens, whatever order a
    /// browser keeps the parameters in.
    static func resource(of address: Address) -> String {
        let sorted = pairs(of: address).sorted()
        return sorted.isEmpty ? address.path : address.path + "?" + sorted.joined(separator: "&")
    }

    private static func message(resource: String, token: String, expires: Int) -> Data {
        Data("lianjian-download/1\n\(token.lowercased())\n\(expires)\nGET \(resource)".utf8)
    }

    private func key() async throws -> SymmetricKey {
        if let key = cached.withLock({ $0 }) { return key }
        let key = SymmetricKey(data: try await store.key())
        cached.withLock { $0 = key }
        return key
    }

    private static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func unbase64url(_ text: String) -> Data? {
        guard text.count == 43, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        return Data(base64Encoded: text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "=")
    }
}
