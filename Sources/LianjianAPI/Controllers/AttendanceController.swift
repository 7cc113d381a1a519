import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// Attendance at an event (sign-in, sign-out, no-shows, walk-ins) and a volunteer's service
/// hours (issue 18). Every entry of a request is checked before any is written.
struct AttendanceController {
    let database: Database
    /// Minutes service hours are rounded to (`records.rounding_minutes`).
    var rounding: Int = 30
    /// Minutes before the start and after the end one may sign in or out (`records.sign_in_window_minutes`).
    var window: Int = 120

    struct Recording: Decodable {
        var entries: [AttendanceEntry]
    }

    struct Items<Item: Encodable>: Encodable { var items: [Item] }

    struct Correction: Decodable {
        var entryID: Int
        var minutes: Int
        var reason: String
        enum CodingKeys: String, CodingKey {
            case minutes, reason
            case entryID = "entry_id"
        }
    }

    struct Hours: Encodable {
        var minutes: Int
        var hours: Double
        var items: [AttendanceRepository.HoursEntry]
    }

    func register(on v1: RouterGroup<AppContext>) {
        let attendance = AttendanceRepository(database)
        v1.get("events/:id/attendance") { _, context in
            JSON.response(Items(items: try await attendance.attendance(.init(try pathID(context, "event")))))
        }
        v1.post("events/:id/attendance") { request, context in
            let event = Event.ID(try pathID(context, "event"))
            let body = try await JSON.decode(Recording.self, from: request)
            guard (1...500).contains(body.entries.count) else { throw APIError.invalid("must hold 1 to 500 entries", field: "entries") }
            let actor = try context.caller.auditName
            return JSON.response(Items(items: try await attendance.record(event, body.entries, step: rounding, window: window, actor: actor)))
        }
        v1.post("volunteers/:id/hours/corrections") { request, context in
            let volunteer = Volunteer.ID(try pathID(context, "volunteer"))
            let ask = try await JSON.decode(Correction.self, from: request)
            guard (0...1440).contains(ask.minutes) else { throw APIError.invalid("must be 0 to 1440 minutes", field: "minutes") }
            let reason = ask.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...500).contains(reason.count) else { throw APIError.invalid("must say why, in at most 500 characters", field: "reason") }
            let (entries, minutes) = try await attendance.correct(volunteer, entry: ask.entryID, minutes: ask.minutes, reason: reason,
                                                                  actor: try context.caller.auditName)
            return JSON.response(Hours(minutes: minutes, hours: Double(minutes) / 60, items: entries), status: .created)
        }
        v1.get("volunteers/:id/hours") { _, context in
            let (entries, minutes) = try await attendance.hours(.init(try pathID(context, "volunteer")))
            return JSON.response(Hours(minutes: minutes, hours: Double(minutes) / 60, items: entries))
        }
    }
}
