import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// A volunteer's own check-in on their phone (issue 18): the QR code on the event's sheet opens
/// `/checkin/{event}/{code}` (a sign-in by text message first if need be), one tap signs in and,
/// later, out; `/checkin/{event}` takes the code typed. The organiser's event page shows the code,
/// its QR code, the disputes and the button that makes the hours final.
extension ConsoleController {
    func registerCheckIn(on console: RouterGroup<AppContext>) {
        console.get("checkin/:id") { request, context in
            try await checkInPage(request, context, code: "")
        }
        console.get("checkin/:id/:code") { request, context in
            try await checkInPage(request, context, code: CheckInCode.normalised(context.parameters.get("code") ?? "") ?? "")
        }
        console.post("checkin/:id") { request, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("event") }
            let caller = try context.caller
            guard let volunteer = caller.volunteer else { throw ConsoleRefusal.forbidden }
            try await check.authorize("POST /v1/events/{id}/checkin", caller, id: text, logger: context.logger)
            let form = try await Form.read(request)
            do {
                let record = try await CheckInRepository(database).checkIn(.init(id), volunteer: volunteer, code: form["code"], action: nil,
                                                                           roleID: nil, step: rounding, window: window)
                // The code stays in the address, so signing out later is one tap too.
                let code = CheckInCode.normalised(form["code"]) ?? ""
                return ConsolePages.redirect("/checkin/\(text)\(code.isEmpty ? "" : "/\(code)")?done=\(record.signedOutAt == nil ? "in" : "out")")
            } catch let error as StoreError where error.code == .invalid || error.code == .conflict {
                return try await checkInPage(request, context, code: form["code"], refusal: Messages.localise(error.message, to: Language.current),
                                             field: error.field)
            }
        }
        // The QR code the event page shows, as the sheet prints it.
        console.get("events/:id/checkin-qr.svg") { request, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("event") }
            try await check.authorize("GET /v1/events/{id}/checkin-code", try context.caller, id: text, logger: context.logger)
            let svg = try await CheckInController.forSheet(database, .init(id), base: CheckInController.base(request, secure: secureCookies),
                                                           window: window)?.qrSVG ?? ""
            return Download.response(Data(svg.utf8), type: "image/svg+xml", name: nil)
        }
        console.post("events/:id/hours/confirm") { _, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("event") }
            let caller = try context.caller
            try await check.authorize("POST /v1/events/{id}/hours/confirm", caller, id: text, logger: context.logger)
            do {
                _ = try await CheckInRepository(database).confirm(.init(id), actor: caller.auditName)
            } catch let error as StoreError where error.code == .conflict {
                return ConsolePages.redirect("/events/\(text)?refused=\(error.field == "attendance" ? "open" : "early")")
            }
            return ConsolePages.redirect("/events/\(text)?done=confirmed")
        }
    }

    private func checkInPage(_ request: Request, _ context: AppContext, code: String, refusal: String? = nil,
                             field: String? = nil) async throws -> Response {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("event") }
        let caller = try context.caller
        guard let volunteer = caller.volunteer else { throw ConsoleRefusal.forbidden }
        try await check.authorize("POST /v1/events/{id}/checkin", caller, id: text, logger: context.logger)
        let t = ConsoleText.strings(Language.current)
        let event = try await EventRepository(database).get(.init(id))
        let zone = DisplayZone.current
        let mine = try await AttendanceRepository(database).attendance(.init(id)).first { $0.volunteerID == volunteer }
        let state: String = if let out = mine?.signedOutAt, let inAt = mine?.signedInAt {
            ConsoleText.fill(t["att_done"], ["in": "\(LocalTime(inAt, in: zone))", "out": "\(LocalTime(out, in: zone))",
                                             "h": Self.hoursText(mine?.creditedMinutes ?? 0)])
        } else if let inAt = mine?.signedInAt { ConsoleText.fill(t["att_in"], ["in": "\(LocalTime(inAt, in: zone))"]) }
        else { t["checkin_not_yet"] ?? "" }
        let done = request.uri.queryParameters.get("done")
        var values: [String: Any] = [
            "id": text, "title": event.title, "venue": event.venue,
            "when": "\(WeekView.dayText(LocalDate(event.start, in: zone), Language.current)) \(WeekView.hours(event.start, event.end, zone))",
            "state": state, "code": code, "finished": mine?.signedOutAt != nil,
            "action": mine?.signedInAt == nil ? (t["checkin_sign_in"] ?? "") : (t["checkin_sign_out"] ?? ""),
        ]
        if let notice = done.flatMap({ t["checkin_done_\($0)"] }) { values["notice"] = notice }
        if let refusal { values["error"] = ConsoleText.fill(t["checkin_refused"], ["field": t["checkin_field_\(field ?? "")"] ?? "", "why": refusal]) }
        return pages.page("checkin", values, session: context.session, status: refusal == nil ? .ok : .unprocessableContent)
    }

    /// The event page's check-in block for its organiser: the code, its QR code, the hours' state.
    func checkInValues(_ event: Event.ID, request: Request) async throws -> [String: Any] {
        let t = ConsoleText.strings(Language.current)
        let state = try await CheckInRepository(database).hoursState(event)
        var values: [String: Any] = ["hours_confirmed": state.confirmed,
                                     "disputes": state.disputes.map { ["name": $0.name, "note": $0.note] }, "has_disputes": !state.disputes.isEmpty]
        if let sheet = try await CheckInController.forSheet(database, event, base: CheckInController.base(request, secure: secureCookies),
                                                            window: window) {
            values["checkin_code"] = sheet.code
        }
        if state.confirmed { values["hours_state"] = t["hours_final"] ?? "" }
        return values
    }
}
