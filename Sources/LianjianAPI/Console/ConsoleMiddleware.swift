import Crypto
import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore
import MultipartKit

/// Signs console requests in by their session cookie, checks the form token of every POST,
/// applies the rate limit and the page's ``ConsolePolicy`` rule. A page nobody signed in may
/// open sends the browser to the sign-in page.
struct ConsoleMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let sessions: SessionRepository
    let limiter: RateLimiter

    static let sessionCookie = "lj_session"
    /// The form token of the sign-in forms, before there is a session (a double-submit cookie).
    static let formCookie = "lj_form"
    static let csrfField = "_csrf"
    /// The largest form the console takes.
    static let maxForm = 64 << 10

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        let key = "\(request.method.rawValue) \(context.endpointPath ?? "")"
        guard let rule = ConsolePolicy.pages[key] else { throw APIError.notFound("page") }
        var context = context, request = request
        if let secret = request.cookies[Self.sessionCookie]?.value, let session = try await sessions.find(secret: secret) {
            context.session = session
            context.principal = session.principal
        }
        guard limiter.take(context.session?.id ?? Self.addressKey(context.remoteAddress)) else {
            throw APIError(.tooManyRequests, code: "rate_limited", message: "too many requests for this token; slow down")
        }
        if request.method == .post {
            let sent = try await Self.formToken(&request)
            let expected = context.session?.csrfToken ?? request.cookies[Self.formCookie]?.value
            guard let sent, let expected, Self.same(sent, expected) else { throw ConsoleRefusal.badForm }
        }
        if case .roles(let roles) = rule {
            guard let session = context.session else {
                if request.method == .get {
                    // A phone that scanned an event's QR code is a volunteer's: their sign-in is by text message.
                    let login = request.uri.path.hasPrefix("/checkin/") ? "/login/code" : "/login"
                    return ConsolePages.redirect("\(login)?next=\(Self.escaped(request.uri.path))")
                }
                throw ConsoleRefusal.signedOut
            }
            guard roles.contains(session.principal.role) else { throw ConsoleRefusal.forbidden }
            return try await AuditActor.$current.withValue("console \(session.principal.auditName)") { [request, context] in
                try await next(request, context)
            }
        }
        return try await next(request, context)
    }

    /// The form token a POST sent: a field of a URL-encoded form (at most 64 kB), or a part of a
    /// `multipart/form-data` upload (at most ``ConsoleController/maxUpload``).
    static func formToken(_ request: inout Request) async throws -> String? {
        if let type = request.headers[.contentType], let boundary = Upload.boundary(type) {
            let body = try await request.collectBody(upTo: ConsoleController.maxUpload)
            struct Token: Decodable { var _csrf: String }
            return try? FormDataDecoder().decode(Token.self, from: body, boundary: boundary)._csrf
        }
        return Self.field(Self.csrfField, in: String(buffer: try await request.collectBody(upTo: Self.maxForm)))
    }

    /// A form field's value from an `application/x-www-form-urlencoded` body.
    static func field(_ name: String, in body: String) -> String? {
        fields(name, in: body).first
    }

    /// Every value of a field that repeats (a group of checkboxes), in order.
    static func fields(_ name: String, in body: String) -> [String] {
        body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            // Names are percent-decoded too: a client may encode `_` as `%5F`.
            guard parts.count == 2, String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding == name else { return nil }
            return String(parts[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
        }
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = SHA256.hash(data: Data(a.utf8)), y = SHA256.hash(data: Data(b.utf8))
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A stable bucket id per address for the rate limiter.
    static func addressKey(_ address: String) -> UUID {
        let digest = Array(SHA256.hash(data: Data(("address " + address).utf8)))
        return UUID(uuid: (digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
                           digest[8], digest[9], digest[10], digest[11], digest[12], digest[13], digest[14], digest[15]))
    }

    static func escaped(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_."))) ?? "/"
    }
}

/// Why the console refused a request: shown as a page in the reader's language.
enum ConsoleRefusal: Error {
    case badForm, forbidden, signedOut
}
