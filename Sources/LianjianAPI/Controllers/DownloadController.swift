import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// `POST /v1/downloads`: a short-lived signed link to one download the caller may read, for a
/// browser that cannot send a token (see ``DownloadLinks``).
struct DownloadController {
    let check: AccessCheck
    let links: DownloadLinks

    /// `{"path": "/v1/events/…/sheet"}`: what the link opens, with its query if any.
    struct Ask: Decodable {
        var path: String
    }

    struct Link: Encodable {
        var url: String
        var expiresAt: String
        enum CodingKeys: String, CodingKey {
            case url
            case expiresAt = "expires_at"
        }
    }

    func register(on v1: RouterGroup<AppContext>) {
        v1.post("downloads") { request, context in
            let caller = try context.caller
            let ask = try await JSON.decode(Ask.self, from: request)
            let (uri, route, id) = try Self.download(ask.path)
            // As if the caller opened it now: a resource they cannot read is a 404 here too.
            try await check.authorize(route, caller, id: id, logger: context.logger)
            let (url, expires) = try await links.sign(uri, by: caller.tokenID)
            return JSON.response(Link(url: url, expiresAt: expires.rfc3339), status: .created)
        }
    }

    /// The download `path` names: its URI, its route (`GET /v1/…/{id}/…`) and its `{id}`.
    static func download(_ path: String) throws -> (DownloadLinks.Address, String, String?) {
        let unreadable = APIError.invalid("must be the address of an event sheet, a facility timetable or a roster CSV", field: "path")
        guard path.count <= 2000, path.hasPrefix("/v1/"),
              path.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F && $0 != "#" }) else { throw unreadable }
        let uri = DownloadLinks.Address(path)
        guard DownloadLinks.link(in: uri) == nil else {
            throw APIError.invalid("is already a download link; ask with the address alone", field: "path")
        }
        let segments = uri.path.split(separator: "/", omittingEmptySubsequences: false)
        for route in AccessPolicy.downloads.sorted() {
            let pattern = route.dropFirst("GET ".count).split(separator: "/", omittingEmptySubsequences: false)
            guard pattern.count == segments.count else { continue }
            var id: String?
            let matches = zip(pattern, segments).allSatisfy { p, s in
                if p.hasPrefix("{") { id = String(s); return !s.isEmpty }
                return p == s
            }
            if matches { return (uri, route, id) }
        }
        throw unreadable
    }
}
