import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// Authenticates every request but the public ones, applies the rate limit and the route's
/// rule from ``AccessPolicy``, including the object-level check on `{id}`: an object outside
/// the caller's reach is a 404, exactly like one that does not exist.
struct AccessMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let tokens: TokenRepository
    let owners: OwnerRepository
    let limiter: RateLimiter

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard let path = context.endpointPath, path != "NotFound" else { return try await next(request, context) }
        let key = "\(request.method.rawValue) \(path)"
        if AccessPolicy.publicRoutes.contains(key) { return try await next(request, context) }
        let principal = try await authenticate(request)
        guard limiter.take(principal.tokenID) else {
            throw APIError(.tooManyRequests, code: "rate_limited", message: "too many requests for this token; slow down")
        }
        try await authorize(key, principal, context)
        var context = context
        context.principal = principal
        return try await AuditActor.$current.withValue(principal.auditName) { try await next(request, context) }
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

    private func authorize(_ key: String, _ principal: Principal, _ context: AppContext) async throws {
        let idText = context.parameters.get("id")
        let rule = AccessPolicy.rules[key]
        // With an id, refusing looks exactly like the object not existing.
        let denied = idText == nil
            ? APIError(.forbidden, code: "forbidden", message: "this token may not do that")
            : APIError.notFound(rule?.object?.displayName ?? "object")
        guard let rule else {
            context.logger.error("route without an access rule", metadata: ["route": "\(key)"])
            throw denied
        }
        guard let reach = rule.roles[principal.role] else { throw denied }
        guard reach != .any, let kind = rule.object else { return }
        guard let idText, let id = UUID(uuidString: idText) else { throw denied }
        let owner = try await owner(of: kind, id)
        guard let owner, reach == .own ? principal.covers(owner) : principal.serves(owner) else { throw denied }
    }

    // Untyped throws on purpose: the Swift 6.3 release optimiser crashes (signal 11, coroutine
    // splitting) on the typed-throws call when it sits inside `authorize`.
    private func owner(of kind: OwnerRepository.Kind, _ id: UUID) async throws -> Principal.Owner? {
        try await owners.owner(of: kind, id)
    }
}

extension OwnerRepository.Kind {
    /// The name the handlers use in their own "not found" messages.
    var displayName: String {
        switch self {
        case .unit: "partner unit"
        case .project: "joint project"
        case .plan: "service plan"
        default: rawValue
        }
    }
}
