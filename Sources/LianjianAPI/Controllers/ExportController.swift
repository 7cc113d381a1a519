import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore
import NIOCore

/// What people print and subscribe to: a roster as CSV, a volunteer's calendar feed, an
/// event's sheet, and the companion groups on it.
struct ExportController {
    let database: Database
    /// Whether the site is reached over TLS, for the check-in address the sheet's QR code holds.
    var secure = false
    /// The check-in code's life after the event (`records.sign_in_window_minutes`).
    var window = 120

    func register(on v1: RouterGroup<AppContext>) {
        let sheets = SheetRepository(database)
        v1.get("rosters/:id/csv") { request, context in
            let caller = try context.caller
            let id = try pathID(context, "roster")
            let version = try await RosterRepository(database).get(id)
            var zone = DisplayZone.current
            if let community = version.communityID { zone = try await CommunityRepository(database).get(community).zone }
            let lines = try await sheets.lines(version: id).map { Self.masked($0, for: caller) }
            let english = request.uri.queryParameters.get("lang") == "en"
            return Download.response(RosterExport.csv(lines, zone: zone, english: english), type: "text/csv; charset=utf-8",
                                       name: "roster-\(version.from)-\(version.to).csv")
        }
        v1.get("volunteers/:id/calendar.ics") { _, context in
            try await feed(Volunteer.ID(try pathID(context, "volunteer")), for: try context.caller, sheets)
        }
        registerFeedKeys(on: v1, sheets: sheets)
        v1.post("events/:id/groups") { _, context in
            let result = try await sheets.assignGroups(.init(try pathID(context, "event")))
            let groups = result.groups.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
                .map { Groups.Group(volunteerID: $0.key, residentIDs: $0.value) }
            return JSON.response(Groups(groups: groups, unassigned: result.unassigned))
        }
        v1.get("events/:id/sheet") { request, context in
            let caller = try context.caller
            let event = Event.ID(try pathID(context, "event"))
            let sheet = try await sheets.sheet(event)
            guard let owner = try await OwnerRepository(database).owner(of: .event, event.uuid), let community = owner.community else {
                throw APIError.notFound("event")
            }
            var shown = sheet.shown(to: caller, residentsOf: community)
            shown.checkIn = try await CheckInController.forSheet(database, event, base: CheckInController.base(request, secure: secure), window: window)
            return Download.response(Data(shown.html().utf8), type: "text/html; charset=utf-8", name: nil)
        }
    }

    struct Groups: Encodable {
        struct Group: Encodable {
            var volunteerID: String
            var residentIDs: [String]
            enum CodingKeys: String, CodingKey {
                case volunteerID = "volunteer_id"
                case residentIDs = "resident_ids"
            }
        }
        var groups: [Group]
        /// Residents without a companion: roster more companions.
        var unassigned: [String]
    }

    /// A volunteer's feed as `viewer` may read it.
    func feed(_ volunteer: Volunteer.ID, for viewer: Principal, _ sheets: SheetRepository) async throws -> Response {
        let lines = try await sheets.lines(volunteer: volunteer).map { Self.masked($0, for: viewer) }
        let person = try await VolunteerRepository(database).get(volunteer)
        let zone = try await CommunityRepository(database).get(person.communityID).zone
        return Download.response(Data(RosterExport.iCalendar(lines, calendarName: "联建志愿服务 · \(person.name)", zone: zone).utf8),
                                 type: "text/calendar; charset=utf-8", name: nil)
    }

    static func masked(_ owned: SheetRepository.OwnedLine, for viewer: Principal) -> RosterLine {
        var line = owned.line
        if !viewer.mayReadPersonalData(of: owned.owner) { line.phone = Mask.phone(line.phone) }
        return line
    }
}
