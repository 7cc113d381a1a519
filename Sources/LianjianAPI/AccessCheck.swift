import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore
import Logging

/// Applies a route's rule from ``AccessPolicy`` to a caller, including the object-level check
/// on `{id}`: an object outside the caller's reach is a 404, exactly like one that does not
/// exist. ``AccessMiddleware`` runs it on every request; minting a download link runs it on the
/// route the link will open, so nobody can sign a link to what they could not read.
struct AccessCheck: Sendable {
    let owners: OwnerRepository

    /// Throws the refusal the caller would get from `key` (`METHOD /path` as the router spells it)
    /// with `idText` as its `{id}`.
    func authorize(_ key: String, _ principal: Principal, id idText: String?, logger: Logger) async throws {
        let rule = AccessPolicy.rules[key]
        // With an id, refusing looks exactly like the object not existing.
        let denied = idText == nil
            ? APIError(.forbidden, code: "forbidden", message: "this token may not do that")
            : APIError.notFound(rule?.object?.displayName ?? "object")
        guard let rule else {
            logger.error("route without an access rule", metadata: ["route": "\(key)"])
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
