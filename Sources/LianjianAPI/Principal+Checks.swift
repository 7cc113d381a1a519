import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// The checks handlers make on what a request body or query names, beyond the route's rule.
extension Principal {
    /// Refuses a write that names a community, unit or volunteer outside this token's scope.
    /// The answer is the same whether or not the named object exists.
    func mayWrite(community: Community.ID?, unit: PartnerUnit.ID?) throws {
        switch role {
        case .admin: return
        case .organiser where community != nil && community == self.community: return
        case .liaison where unit != nil && unit == self.unit: return
        default:
            let field = role == .liaison ? "unit_id" : "community_id"
            throw APIError(.forbidden, code: "forbidden", message: role == .liaison ? "this token may only write within its own unit" : "this token may only write within its own community", field: field)
        }
    }

    /// Narrows a list to this token's scope; a filter naming another scope is refused.
    func scope(_ filter: RegistryFilter) throws -> RegistryFilter {
        var filter = filter
        switch role {
        case .admin: break
        case .organiser:
            if let asked = filter.community, asked != community { throw Self.outside("community") }
            filter.community = community
        case .liaison:
            if let asked = filter.unit, asked != unit { throw Self.outside("unit") }
            filter.unit = unit
        case .volunteer:
            throw APIError(.forbidden, code: "forbidden", message: "this token may not list these")
        }
        return filter
    }

    /// Narrows a list that only admins and organisers read to this token's community; asking
    /// for another community is refused, and other roles may not list at all.
    func communityScope(_ asked: Community.ID?) throws -> Community.ID? {
        switch role {
        case .admin: return asked
        case .organiser:
            if let asked, asked != community { throw Self.outside("community") }
            return community
        default: throw APIError(.forbidden, code: "forbidden", message: "this token may not list these")
        }
    }

    private static func outside(_ field: String) -> APIError {
        APIError(.forbidden, code: "forbidden", message: "this token may only list its own \(field)", field: field)
    }
}

/// The `{id}` path parameter; a malformed id names nothing, so it is a 404 like a missing one.
func pathID(_ context: some RequestContext, _ what: String) throws -> UUID {
    guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound(what) }
    return id
}
