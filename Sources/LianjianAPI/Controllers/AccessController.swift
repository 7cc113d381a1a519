import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// Tokens (issued and revoked by admins) and the audit log.
struct AccessController {
    let database: Database

    struct TokenRequest: Decodable {
        var role: String
        var communityID: Community.ID?
        var unitID: PartnerUnit.ID?
        var volunteerID: Volunteer.ID?
        var label: String?
        var expiresInDays: Int?

        enum CodingKeys: String, CodingKey {
            case role, label
            case communityID = "community_id"
            case unitID = "unit_id"
            case volunteerID = "volunteer_id"
            case expiresInDays = "expires_in_days"
        }

        /// The scope asked for, checked: each role takes exactly its one kind of scope.
        func scope() throws -> Principal {
            guard let role = Principal.Role(rawValue: role) else {
                throw APIError.invalid("must be one of admin, organiser, liaison, volunteer", field: "role")
            }
            let given: [(String, Bool)] = [("community_id", communityID != nil), ("unit_id", unitID != nil), ("volunteer_id", volunteerID != nil)]
            let needed: String? = switch role {
            case .admin: nil
            case .organiser: "community_id"
            case .liaison: "unit_id"
            case .volunteer: "volunteer_id"
            }
            for (field, present) in given where present != (field == needed) {
                throw APIError.invalid(present ? "is not allowed for role \(role.rawValue)" : "is required for role \(role.rawValue)", field: field)
            }
            guard (1...3660).contains(expiresInDays ?? 90) else { throw APIError.invalid("must be between 1 and 3660", field: "expires_in_days") }
            guard (label ?? "").count <= 100 else { throw APIError.invalid("must be at most 100 characters", field: "label") }
            return Principal(tokenID: UUID(), role: role, community: communityID, unit: unitID, volunteer: volunteerID)
        }
    }

    struct Issued: Encodable {
        var token: TokenRepository.Token
        /// The bearer secret: shown once, stored only as a hash.
        var secret: String
    }

    func register(on v1: RouterGroup<AppContext>) {
        let tokens = TokenRepository(database)
        v1.get("tokens") { _, _ in JSON.response(try await tokens.list()) }
        v1.post("tokens") { request, _ in
            let ask = try await JSON.decode(TokenRequest.self, from: request)
            let scope = try ask.scope()
            let expires = Date().addingTimeInterval(Double(ask.expiresInDays ?? 90) * 86_400)
            let (token, secret) = try await tokens.create(scope, label: ask.label ?? "", expiresAt: expires)
            return JSON.response(Issued(token: token, secret: secret), status: .created)
        }
        v1.delete("tokens/:id") { _, context in
            JSON.response(try await tokens.revoke(try pathID(context, "token")))
        }
        v1.get("audit") { request, _ in
            let q = request.uri.queryParameters
            let limit = try q.get("limit").map { text -> Int in
                guard let n = Int(text), (1...1000).contains(n) else { throw APIError.badRequest("must be 1–1000", field: "limit") }
                return n
            } ?? 100
            let before = try q.get("before").map { text -> Int in
                guard let n = Int(text) else { throw APIError.badRequest("must be an entry id", field: "before") }
                return n
            }
            let entries = try await AuditRepository(database).list(limit: limit, before: before, table: q.get("table"), rowID: q.get("row_id"))
            return JSON.response(data: Self.encode(entries))
        }
    }

    /// The entries with `before` and `after` as JSON objects rather than text.
    static func encode(_ entries: [AuditRepository.Entry]) -> Data {
        let objects: [[String: Any]] = entries.map { e in
            func json(_ text: String?) -> Any { text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } ?? NSNull() }
            return ["id": e.id, "at": e.at.rfc3339, "actor": e.actor, "table": e.table, "operation": e.operation,
                    "row_id": e.rowID ?? NSNull(), "before": json(e.before), "after": json(e.after)]
        }
        return (try? JSONSerialization.data(withJSONObject: ["items": objects], options: [.sortedKeys])) ?? Data()
    }
}
