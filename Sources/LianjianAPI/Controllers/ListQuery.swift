import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// The query string of a list endpoint: `limit`, `cursor` and the entity's filters.
struct ListQuery {
    var page: PageRequest
    var filter: RegistryFilter

    init(_ params: Parameters, allowedFilters: Set<String>) throws {
        page = PageRequest()
        filter = RegistryFilter()
        if let limit = params.get("limit") {
            guard let n = Int(limit), (1...500).contains(n) else { throw APIError.badRequest("must be an integer from 1 to 500", field: "limit") }
            page.limit = n
        }
        if let cursor = params.get("cursor") {
            guard let id = UUID(uuidString: cursor) else { throw APIError.badRequest("is not a cursor from a previous page", field: "cursor") }
            page.after = id
        }
        for key in params.map({ String($0.key) }) where !["limit", "cursor"].contains(key) && !allowedFilters.contains(key) {
            throw APIError.badRequest("is not a filter of this list; use \(allowedFilters.sorted().joined(separator: ", "))", field: key)
        }
        if let community = params.get("community") {
            guard let id = Community.ID(community) else { throw APIError.badRequest("must be a community id", field: "community") }
            filter.community = id
        }
        if let unit = params.get("unit") {
            guard let id = PartnerUnit.ID(unit) else { throw APIError.badRequest("must be a partner unit id", field: "unit") }
            filter.unit = id
        }
        filter.skill = params.get("skill")
    }
}
