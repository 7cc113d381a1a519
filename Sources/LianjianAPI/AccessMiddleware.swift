import Foundation
import HTTPTypes
import Hummingbird
import LianjianDomain
import LianjianStore

/// Authenticates every request but the public ones — by its bearer token, or on a download
/// route by a signed link (``DownloadLinks``) — applies the rate limit and the route's rule
/// (``AccessCheck``). A link's request reaches the handler as its token's, without the link.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let tokens: TokenRepository
    let check: AccessCheck
    let links: DownloadLinks
    let limiter: RateLimiter

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard let path = context.endpointPath, path != "NotFound" else { return try await next(request, context) }
        let key = "\(request.method.rawValue) \(path)"
        if AccessPolicy.publicRoutes.contains(key) { return try await next(request, context) }
        // Console pages: signed in by session cookie, under ``ConsolePolicy`` (``ConsoleMiddleware``).
        if ConsolePolicy.pages[key] != nil { return try await next(request, context) }
        var request = request
        let principal: Principal
        let address = DownloadLinks.Address(path: request.uri.path, query: request.uri.query)
        if AccessPolicy.downloads.contains(key), let link = DownloadLinks.link(in: address) {
            principal = try await authenticate(link: link, address)
            var head = request.head
            head.path = DownloadLinks.withoutLink(address)
            request = Request(head: head, body: request.body)
            // Ids only: who opened which download by link, for the log.
            context.logger.info("download by link", metadata: ["route": "\(key)", "token": "\(principal.tokenID.uuidString.lowercased())"])
        } else {
            principal = try await authenticate(request)
        }
        guard limiter.take(principal.tokenID) else {
            throw APIError(.tooManyRequests, code: "rate_limited", message: "too many requests for this token; slow down")
        }
        try await check.authorize(key, principal, id: context.parameters.get("id"), logger: context.logger)
        var context = context
        context.principal = principal
        return try await AuditActor.$current.withValue(principal.auditName) { [request] in try await next(request, context) }
    }

    private func authenticate(_ request: Request) async throws -> Principal {
        guard let header = request.headers[.authorization] else {
            throw APIError(.unauthorized, code: "unauthorized", message: "send Authorization: Bearer <token>", field: "Authorization")
        }
        // The scheme is case-insensitive (RFC 9110 §11.1): `bearer` and `BEARER` are the same.
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer",
              let principal = try await tokens.authenticate(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw APIError(.unauthorized, code: "unauthorized", message: "the token is unknown, expired or revoked", field: "Authorization")
        }
        return principal
    }

    /// The principal of a signed link: its MAC and expiry hold, and its token is still valid.
    private func authenticate(link: String, _ address: DownloadLinks.Address) async throws -> Principal {
        switch try await links.check(link, for: address) {
        case .invalid:
            throw APIError(.unauthorized, code: "unauthorized", message: "the download link is not valid for this address", field: DownloadLinks.parameter)
        case .expired:
            throw APIError(.unauthorized, code: "link_expired", message: "the download link has expired; make a new one", field: DownloadLinks.parameter)
        case .valid(let tokenID):
            guard let principal = try await tokens.principal(tokenID: tokenID) else {
                throw APIError(.unauthorized, code: "unauthorized", message: "the token behind this download link is expired or revoked",
                               field: DownloadLinks.parameter)
            }
            return principal
        }
    }
}
