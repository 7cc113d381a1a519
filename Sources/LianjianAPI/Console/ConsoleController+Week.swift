import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// The organiser's week at a glance: each day's events with filled / required per role, the
/// short roles marked, and who declined. An admin picks the community first.
extension ConsoleController {
    func registerWeek(on console: RouterGroup<AppContext>) {
        console.get("week") { request, context in
            let caller = try context.caller
            let q = request.uri.queryParameters
            guard let communityID = caller.community ?? q.get("community").flatMap(UUID.init(uuidString:)).map(Community.ID.init) else {
                return try await communityPicker("/week", context)
            }
            // The API's own rule for this roster view decides who may see the community.
            try await check.authorize("GET /v1/communities/{id}/roster", caller, id: communityID.uuid.uuidString, logger: context.logger)
            let community = try await CommunityRepository(database).get(communityID)
            let today = LocalDate(Date(), in: community.zone)
            let asked = q.get("start").flatMap { LocalDate($0) } ?? today
            let monday = asked.adding(days: 1 - asked.isoWeekday)
            let sunday = monday.adding(days: 6)
            let current = try await RosterRepository(database).current(
                community: community.id, from: monday, to: sunday,
                start: monday.at(.init(minutes: 0), in: community.zone), end: monday.adding(days: 7).at(.init(minutes: 0), in: community.zone))
            let week = WeekView(current, monday: monday, today: today, zone: community.zone, language: Language.current)
            let scope = caller.role == .admin ? "&community=\(community.id.uuid.uuidString.lowercased())" : ""
            return pages.page("week", [
                "community": community.name, "range": week.range, "days": week.days, "short_total": week.shortTotal, "has_short": week.hasShort,
                "previous": "/week?start=\(monday.adding(days: -7))\(scope)", "next": "/week?start=\(monday.adding(days: 7))\(scope)",
                "this": "/week?start=\(today)\(scope)",
                "generate": ["community_id": community.id.uuid.uuidString.lowercased(), "from": monday.description, "to": sunday.description],
            ], session: context.session)
        }
    }
}
