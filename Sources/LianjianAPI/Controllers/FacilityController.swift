import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore
import NIOCore

/// Facilities, sharing windows, bookings, layouts and timetables.
struct FacilityController {
    let database: Database

    func register(on v1: RouterGroup<AppContext>) {
        let facilities = FacilityRepository(database)
        let communities = CommunityRepository(database)
        v1.post("communities/:id/facilities") { request, context in
            let community = Community.ID(try pathID(context, "community"))
            let body = try await JSON.body(request)
            _ = try await communities.get(community)
            let create: @Sendable (Facility.Draft) async throws -> Facility = { try await facilities.create(in: community, $0) }
            return try await JSON.respond {
                let draft = try JSON.decode(Facility.Draft.self, from: body)
                try draft.validate()
                return (.created, JSON.encode(try await create(draft)))
            }
        }
        v1.get("communities/:id/facilities") { _, context in
            let community = Community.ID(try pathID(context, "community"))
            _ = try await communities.get(community)
            return JSON.response(try await facilities.list(in: community))
        }
        v1.get("facilities/:id") { _, context in
            JSON.response(try await facilities.get(.init(try pathID(context, "facility"))))
        }
        v1.post("facilities/:id/windows") { request, context in
            let facility = Facility.ID(try pathID(context, "facility"))
            let body = try await JSON.body(request)
            let add: @Sendable (SharingWindow.Draft) async throws -> SharingWindow = { try await facilities.addWindow(to: facility, $0) }
            return try await JSON.respond {
                let draft = try JSON.decode(SharingWindow.Draft.self, from: body)
                try draft.validate()
                return (.created, JSON.encode(try await add(draft)))
            }
        }
        v1.get("facilities/:id/windows") { _, context in
            JSON.response(try await facilities.windows(of: .init(try pathID(context, "facility"))))
        }
        v1.get("facilities/:id/timetable") { request, context in
            let facility = Facility.ID(try pathID(context, "facility"))
            let query = try TimetableQuery(request.uri.queryParameters)
            let timetable = try await facilities.timetable(facility, from: query.date, days: query.days)
            return query.response(timetable.shown(to: try context.caller))
        }
        BookingController(database: database).register(on: v1)
    }
}

/// `?date=YYYY-MM-DD&days=1|7&format=json|csv|svg|html&lang=zh|en` of a timetable.
struct TimetableQuery {
    var date: LocalDate
    var days = 1
    var format = "json"
    var english = false

    init(_ parameters: Parameters) throws {
        var date: LocalDate?
        for (key, value) in parameters {
            switch key {
            case "date":
                guard let d = LocalDate(String(value)) else { throw APIError.badRequest("must be a date YYYY-MM-DD", field: "date") }
                date = d
            case "days":
                guard let n = Int(value), (1...31).contains(n) else { throw APIError.badRequest("must be 1–31", field: "days") }
                days = n
            case "format":
                guard ["json", "csv", "svg", "html"].contains(value) else { throw APIError.badRequest("must be json, csv, svg or html", field: "format") }
                format = String(value)
            case "lang":
                guard ["zh", "en"].contains(value) else { throw APIError.badRequest("must be zh or en", field: "lang") }
                english = value == "en"
            default: throw APIError.badRequest("is not a parameter of this endpoint", field: String(key))
            }
        }
        guard let date else { throw APIError.badRequest("a required parameter is missing", field: "date") }
        self.date = date
    }

    func response(_ t: Timetable) -> Response {
        let name = "timetable-\(t.from)"
        switch format {
        case "csv": return Download.response(t.csv(english: english), type: "text/csv; charset=utf-8", name: "\(name).csv")
        case "svg": return Download.response(Data(t.svg().utf8), type: "image/svg+xml; charset=utf-8", name: nil)
        case "html": return Download.response(Data(t.html().utf8), type: "text/html; charset=utf-8", name: nil)
        default: return JSON.response(t)
        }
    }
}
