import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

extension RosterController {
    static let statuses: Set<String> = ["draft", "published", "superseded"]

    func registerFind(on v1: RouterGroup<AppContext>, rosters: RosterRepository) {
        // Versions newest first; an organiser sees their own community's only.
        v1.get("rosters") { request, context in
            let caller = try context.caller
            let params = request.uri.queryParameters
            let query = try ListQuery(params, allowedFilters: ["community", "status", "from", "to"])
            var filter = RosterRepository.Filter(community: query.filter.community, status: params.get("status"),
                                                 from: try EventController.date(params.get("from"), "from"),
                                                 to: try EventController.date(params.get("to"), "to"))
            if let status = filter.status, !Self.statuses.contains(status) {
                throw APIError.badRequest("must be draft, published or superseded", field: "status")
            }
            if let from = filter.from, let to = filter.to, to < from { throw APIError.invalid("must be on or after from", field: "to") }
            filter.community = try caller.communityScope(filter.community)
            return JSON.response(try await rosters.list(filter, query.page))
        }
        // What is published now for the community's events, whichever versions it came from.
        v1.get("communities/:id/roster") { request, context in
            let community = try await CommunityRepository(database).get(.init(try pathID(context, "community")))
            let q = request.uri.queryParameters
            for key in q.map({ String($0.key) }) where !["from", "to"].contains(key) {
                throw APIError.badRequest("is not a parameter of this endpoint; use from, to", field: key)
            }
            let from = try EventController.date(q.get("from"), "from") ?? LocalDate(Date(), in: community.zone)
            let to = try EventController.date(q.get("to"), "to") ?? from.adding(days: 30)
            guard to >= from else { throw APIError.invalid("must be on or after from", field: "to") }
            guard to.dayNumber - from.dayNumber <= 400 else { throw APIError.invalid("must be at most 400 days after from", field: "to") }
            let (start, end) = (from.at(.init(minutes: 0), in: community.zone), to.adding(days: 1).at(.init(minutes: 0), in: community.zone))
            return JSON.response(try await rosters.current(community: community.id, from: from, to: to, start: start, end: end))
        }
    }
}
