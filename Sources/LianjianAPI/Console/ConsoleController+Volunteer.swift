import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// A volunteer's own coming assignments, on a phone: confirm or decline each (a declined one
/// leaves the list, and the next generation fills the place).
extension ConsoleController {
    func registerVolunteer(on console: RouterGroup<AppContext>) {
        console.get("me") { request, context in
            let caller = try context.caller
            guard let volunteer = caller.volunteer else { throw ConsoleRefusal.forbidden }
            try await check.authorize("GET /v1/volunteers/{id}/assignments", caller, id: volunteer.uuid.uuidString, logger: context.logger)
            let t = ConsoleText.strings(Language.current)
            let now = Date()
            let items = try await AssignmentRepository(database).published(for: volunteer)
                .filter { $0.response != "declined" && $0.end > now }
                .map { item -> [String: Any] in
                    let zone = item.zone ?? DisplayZone.current
                    let day = LocalDate(item.start, in: zone)
                    let weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][day.isoWeekday - 1]
                    // Check-in opens two hours before the start, as the code does.
                    let today = item.start.addingTimeInterval(-TimeInterval(window * 60)) <= now
                    return ["role": item.roleID.uuidString.lowercased(), "event": item.eventID.uuidString.lowercased(), "today": today,
                            "title": item.title, "venue": item.venue,
                            "date": "\(WeekView.dayText(day, Language.current)) \(t[weekday] ?? "")",
                            "time": WeekView.hours(item.start, item.end, zone),
                            "confirmed": item.response == "confirmed", "state_label": t[item.response ?? "unanswered"] ?? ""]
                }
            let done = request.uri.queryParameters.get("done")
            let notice = done == "declined" ? t["declined_gone"] : done == "confirmed" ? t["answer_saved"]
                : done == "calendar_stopped" ? t["calendar_stopped"] : nil
            // Service hours as the ledger has them (issue 18): the balance and the last entries.
            try await check.authorize("GET /v1/volunteers/{id}/hours", caller, id: volunteer.uuid.uuidString, logger: context.logger)
            let ledger = try await AttendanceRepository(database).hours(volunteer)
            let hours = ledger.entries.suffix(5).reversed().map { e -> [String: Any] in
                let zone = DisplayZone.current
                return ["title": e.title, "date": WeekView.dayText(LocalDate(e.start, in: zone), Language.current),
                        "hours": ConsoleText.fill(t["hours_value"], ["h": Self.hoursText(e.minutes)]), "kind": t["hours_\(e.kind)"] ?? e.kind,
                        "credit": e.kind == "credit"]
            }
            return pages.page("me", ["assignments": items, "none": items.isEmpty, "notice": notice as Any,
                                     "hours_total": ConsoleText.fill(t["hours_total"], ["h": Self.hoursText(ledger.minutes)]),
                                     "hours": Array(hours), "no_hours": hours.isEmpty], session: context.session)
        }
        for answer in ["confirm", "decline"] {
            console.post(RouterPath("me/assignments/:role/\(answer)")) { request, context in
                let caller = try context.caller
                guard let volunteer = caller.volunteer,
                      let role = context.parameters.get("role").flatMap(UUID.init(uuidString:)) else { throw APIError.notFound("assignment") }
                // The same rule as the API's answer to an assignment.
                try await check.authorize("POST /v1/volunteers/{id}/assignments/{role}/\(answer)", caller, id: volunteer.uuid.uuidString,
                                          logger: context.logger)
                let reason = String(try await Form.read(request)["reason"].prefix(200))
                try RosterController.Answer.validate(reason)
                try await AssignmentRepository(database).respond(volunteer, role: role, confirmed: answer == "confirm", reason: reason)
                return ConsolePages.redirect("/me?done=\(answer == "confirm" ? "confirmed" : "declined")")
            }
        }
        registerCalendar(on: console)
    }

    /// Minutes as hours for people: `3.5`, `2`.
    static func hoursText(_ minutes: Int) -> String {
        minutes % 60 == 0 ? "\(minutes / 60)" : String(format: "%.1f", Double(minutes) / 60)
    }

    /// A volunteer's calendar feed: a new secret link (the old one stops working) shown on the
    /// answer only, to subscribe to from a phone's calendar; or no link at all.
    private func registerCalendar(on console: RouterGroup<AppContext>) {
        console.post("me/calendar") { request, context in
            let caller = try context.caller
            guard let volunteer = caller.volunteer else { throw ConsoleRefusal.forbidden }
            try await check.authorize("POST /v1/volunteers/{id}/calendar-key", caller, id: volunteer.uuid.uuidString, logger: context.logger)
            let key = try await FeedKeyRepository(database).rotate(volunteer)
            let host = request.head.authority ?? "localhost"
            let path = "/v1/calendar/\(key).ics"
            return pages.page("calendar", ["https": "\(secureCookies ? "https" : "http")://\(host)\(path)", "webcal": "webcal://\(host)\(path)"],
                              session: context.session)
        }
        console.post("me/calendar/stop") { _, context in
            let caller = try context.caller
            guard let volunteer = caller.volunteer else { throw ConsoleRefusal.forbidden }
            try await check.authorize("DELETE /v1/volunteers/{id}/calendar-key", caller, id: volunteer.uuid.uuidString, logger: context.logger)
            _ = try await FeedKeyRepository(database).revoke(volunteer)
            return ConsolePages.redirect("/me?done=calendar_stopped")
        }
    }
}
