import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// An event's page: its roles and people, the residents taking part and who accompanies whom,
/// with the printable sign-in sheet beside it. Both show what the API's sheet rule lets the
/// reader see (a partner unit's liaison reads the residents' names masked).
extension ConsoleController {
    func registerEvents(on console: RouterGroup<AppContext>) {
        console.get("events/:id") { request, context in
            let (id, sheet) = try await shownSheet(context)
            let q = request.uri.queryParameters
            let done = q.get("done")
            let t = ConsoleText.strings(Language.current)
            let notice = done == "grouped" ? t["groups_done"] : done.flatMap { t["att_done_\($0)"] }
            let caller = try context.caller
            let organiser = caller.role == .admin || caller.role == .organiser
            var values = EventView(sheet, language: Language.current).values
            values["id"] = id.uuid.uuidString.lowercased()
            values["notice"] = notice as Any
            values["error"] = q.get("refused").flatMap { t["att_refused_\($0)"] } as Any
            values["may_group"] = organiser
            // The sign-in list is the community's (the API's attendance rule); a liaison does not see it.
            if organiser {
                values.merge(try await checkInValues(id, request: request)) { _, new in new }
                let roll = try await rollValues(id, may: true)
                values["roll"] = roll
                values["has_roll"] = !roll.isEmpty
            }
            return pages.page("event", values, session: context.session)
        }
        console.get("events/:id/sheet") { request, context in
            let (event, shown) = try await shownSheet(context)
            var sheet = shown
            sheet.checkIn = try await CheckInController.forSheet(database, event, base: CheckInController.base(request, secure: secureCookies),
                                                                 window: window)
            return Download.response(Data(sheet.html().utf8), type: "text/html; charset=utf-8", name: nil)
        }
        console.post("events/:id/groups") { _, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("event") }
            try await check.authorize("POST /v1/events/{id}/groups", try context.caller, id: text, logger: context.logger)
            do {
                _ = try await SheetRepository(database).assignGroups(.init(id))
            } catch let error as StoreError where error.code == .invalid {
                let (_, sheet) = try await shownSheet(context)
                var values = EventView(sheet, language: Language.current).values
                values["id"] = text
                values["error"] = ConsoleText.strings(Language.current)["no_companion_role"] as Any
                return pages.page("event", values, session: context.session, status: .unprocessableContent)
            }
            return ConsolePages.redirect("/events/\(text)?done=grouped")
        }
    }

    /// The event's sheet as the reader may see it, authorised by the API's sheet rule.
    private func shownSheet(_ context: AppContext) async throws -> (Event.ID, EventSheet) {
        guard let text = context.parameters.get("id"), let uuid = UUID(uuidString: text) else { throw APIError.notFound("event") }
        let caller = try context.caller
        try await check.authorize("GET /v1/events/{id}/sheet", caller, id: text, logger: context.logger)
        let event = Event.ID(uuid)
        let sheet = try await SheetRepository(database).sheet(event)
        guard let owner = try await OwnerRepository(database).owner(of: .event, uuid), let community = owner.community else {
            throw APIError.notFound("event")
        }
        return (event, sheet.shown(to: caller, residentsOf: community))
    }
}
