import Foundation
import Hummingbird
import LianjianDomain
import LianjianQR
import LianjianStore

/// A volunteer's own sign-in with an event's check-in code (typed, or scanned as the QR code on
/// the sheet), the code for the organiser, and the event's hours: confirmed by the organiser
/// (then final) or disputed by a volunteer before that (issue 18).
struct CheckInController {
    let database: Database
    /// Minutes service hours are rounded to (`records.rounding_minutes`).
    var rounding: Int = 30
    /// Minutes before the start and after the end one may sign in or out (`records.sign_in_window_minutes`).
    var window: Int = 120
    /// Whether the site is reached over TLS, for the addresses in QR codes.
    var secure = false

    struct CodeAnswer: Encodable {
        var code: String
        var expiresAt: String
        /// The console page the QR code opens.
        var url: String
        enum CodingKeys: String, CodingKey {
            case code, url
            case expiresAt = "expires_at"
        }
    }

    struct CheckIn: Decodable {
        var code: String
        var action: AttendanceEntry.Action?
        var roleID: UUID?
        enum CodingKeys: String, CodingKey {
            case code, action
            case roleID = "role_id"
        }
    }

    struct Dispute: Decodable { var note: String }

    /// `https://host` for links printed or scanned elsewhere.
    static func base(_ request: Request, secure: Bool) -> String {
        "\(secure ? "https" : "http")://\(request.head.authority ?? "localhost")"
    }

    func register(on v1: RouterGroup<AppContext>) {
        let codes = CheckInRepository(database)
        v1.get("events/:id/checkin-code") { request, context in
            let event = Event.ID(try pathID(context, "event"))
            return JSON.response(answer(try await codes.code(event, window: window), event, request))
        }
        v1.post("events/:id/checkin-code") { request, context in
            let event = Event.ID(try pathID(context, "event"))
            return JSON.response(answer(try await codes.code(event, renew: true, window: window), event, request), status: .created)
        }
        v1.get("events/:id/checkin-qr") { request, context in
            let event = Event.ID(try pathID(context, "event"))
            let code = try await codes.code(event, window: window)
            return Download.response(Data(Self.qr(answer(code, event, request).url, code, event).utf8), type: "image/svg+xml", name: nil)
        }
        v1.post("events/:id/checkin") { request, context in
            let event = Event.ID(try pathID(context, "event"))
            guard let volunteer = try context.caller.volunteer else { throw APIError.notFound("volunteer") }
            let ask = try await JSON.decode(CheckIn.self, from: request)
            let record = try await codes.checkIn(event, volunteer: volunteer, code: ask.code, action: ask.action, roleID: ask.roleID, step: rounding,
                                               window: window)
            return JSON.response(record)
        }
        v1.get("events/:id/hours") { _, context in
            JSON.response(try await codes.hoursState(.init(try pathID(context, "event"))))
        }
        v1.post("events/:id/hours/confirm") { _, context in
            JSON.response(try await codes.confirm(.init(try pathID(context, "event")), actor: try context.caller.auditName))
        }
        v1.post("events/:id/hours/disputes") { request, context in
            let event = Event.ID(try pathID(context, "event"))
            guard let volunteer = try context.caller.volunteer else { throw APIError.notFound("volunteer") }
            let note = try await JSON.decode(Dispute.self, from: request).note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...500).contains(note.count) else { throw APIError.invalid("must say what is wrong, in at most 500 characters", field: "note") }
            var state = try await codes.dispute(event, volunteer: volunteer, note: note)
            // A volunteer sees their own dispute, not the others'.
            state.disputes = state.disputes.filter { $0.volunteerID == volunteer }
            return JSON.response(state, status: .created)
        }
    }

    /// The check-in link as a QR code picture; a link too long for one (a host name of thousands of
    /// characters) falls back to the path alone.
    static func qr(_ url: String, _ code: CheckInRepository.Code, _ event: Event.ID) -> String {
        let path = CheckInCode.path(event: event.uuid, code: code.code)
        let symbol = QRCode(url) ?? QRCode(path)
        return symbol?.svg(label: "签到码 \(code.code)") ?? ""
    }

    /// What an event's sheet prints for volunteers to check in with: the code and its QR code,
    /// while the code is still good.
    static func forSheet(_ database: Database, _ event: Event.ID, base: String, window: Int = 120) async throws -> (code: String, qrSVG: String)? {
        let code = try await CheckInRepository(database).code(event, window: window)
        guard code.expiresAt > Date() else { return nil }
        let path = CheckInCode.path(event: event.uuid, code: code.code)
        return (code.code, qr(base + path, code, event))
    }

    func answer(_ code: CheckInRepository.Code, _ event: Event.ID, _ request: Request) -> CodeAnswer {
        CodeAnswer(code: code.code, expiresAt: code.expiresAt.rfc3339,
                   url: Self.base(request, secure: secure) + CheckInCode.path(event: event.uuid, code: code.code))
    }
}
