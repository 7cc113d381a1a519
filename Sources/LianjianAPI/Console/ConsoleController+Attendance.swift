import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// The event page's sign-in list (issue 18): one tap per person to sign in, sign out or mark
/// absent, through the API's own rule and checks for `POST /v1/events/{id}/attendance`; a
/// refusal is shown on the page in words.
extension ConsoleController {
    func registerAttendance(on console: RouterGroup<AppContext>) {
        console.post("events/:id/attendance") { request, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("event") }
            let caller = try context.caller
            try await check.authorize("POST /v1/events/{id}/attendance", caller, id: text, logger: context.logger)
            let form = try await Form.read(request)
            guard let volunteer = Volunteer.ID(form["volunteer"]), let action = AttendanceEntry.Action(rawValue: form["action"]) else {
                throw ConsoleRefusal.badForm
            }
            do {
                _ = try await AttendanceRepository(database).record(.init(id), [AttendanceEntry(volunteerID: volunteer, action: action)],
                                                                    step: rounding, window: window, actor: caller.auditName)
            } catch let error as StoreError where error.code == .invalid || error.code == .conflict {
                return ConsolePages.redirect("/events/\(text)?refused=\(error.code == .conflict ? "twice" : "time")")
            }
            return ConsolePages.redirect("/events/\(text)?done=\(action.rawValue)")
        }
    }

    /// The sign-in list's lines for the event page.
    func rollValues(_ event: Event.ID, may: Bool) async throws -> [[String: Any]] {
        let t = ConsoleText.strings(Language.current)
        let zone = DisplayZone.current
        return try await AttendanceRepository(database).roll(event).map { line in
            let state: String = if line.status == "no_show" { t["att_no_show"] ?? "" }
                else if let out = line.signedOutAt, let inAt = line.signedInAt {
                    ConsoleText.fill(t["att_done"], ["in": LocalTime(inAt, in: zone).description, "out": LocalTime(out, in: zone).description,
                                                     "h": Self.hoursText(line.creditedMinutes)])
                } else if let inAt = line.signedInAt { ConsoleText.fill(t["att_in"], ["in": LocalTime(inAt, in: zone).description]) }
                else { t["att_none"] ?? "" }
            return ["volunteer": line.volunteerID.uuid.uuidString.lowercased(), "name": line.name, "skill": line.skill, "state": state,
                    "may_in": may && line.status == nil, "may_out": may && line.status == "present" && line.signedOutAt == nil,
                    "may_absent": may && line.status == nil]
        }
    }
}
