import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// A community's time-shared facilities (the estate's car park): a day's timetable as the
/// picture the API draws, the day's bookings, and a booking form whose refusals (the API's 409
/// reasons) are said in words. Reading and booking use the API's rules for the timetable and
/// for `POST /v1/facilities/{id}/bookings`, and the same pool check.
extension ConsoleController {
    func registerFacilities(on console: RouterGroup<AppContext>) {
        console.get("facilities") { request, context in
            guard let community = try await chosenCommunity(request.uri.queryParameters.get("community"), context,
                                                            rule: "GET /v1/communities/{id}/facilities") else {
                return try await communityPicker("/facilities", context)
            }
            // The list leaves the bays out; each facility is read whole to count them.
            var facilities: [Facility] = []
            for f in try await FacilityRepository(database).list(in: community) { facilities.append(try await FacilityRepository(database).get(f.id)) }
            let name = try await CommunityRepository(database).get(community).name
            let t = ConsoleText.strings(Language.current)
            return pages.page("facilities", [
                "community": name, "none": facilities.isEmpty,
                "facilities": facilities.map { f in
                    ["id": f.id.uuid.uuidString.lowercased(), "name": f.name,
                     "bays": ConsoleText.fill(t[f.kind == "car_park" ? "bays_total" : "places_total"], ["n": "\(f.bays.count)"])]
                },
            ], session: context.session)
        }
        console.get("facilities/:id") { request, context in
            let (facility, day) = try await shownFacility(request, context)
            let done = request.uri.queryParameters.get("done") == "booked" ? ConsoleText.strings(Language.current)["booked"] : nil
            return try await facilityPage(facility, day: day, notice: done, context: context)
        }
        console.get("facilities/:id/timetable.svg") { request, context in
            let (facility, day) = try await shownFacility(request, context)
            let timetable = try await FacilityRepository(database).timetable(facility.id, from: day, days: 1).shown(to: try context.caller)
            return Download.response(Data(timetable.svg().utf8), type: "image/svg+xml; charset=utf-8", name: nil)
        }
        console.post("facilities/:id/bookings") { request, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("facility") }
            try await check.authorize("POST /v1/facilities/{id}/bookings", try context.caller, id: text, logger: context.logger)
            let facility = try await FacilityRepository(database).get(.init(id))
            let form = try await Form.read(request)
            let booking = BookingForm(form)
            let day = LocalDate(form["date"]) ?? LocalDate(Date(), in: .current)
            let words = BookingWords(language: Language.current)
            do {
                let draft = try booking.request()
                try draft.validate()
                switch try await BookingRepository(database).book(facility.id, draft) {
                case .accepted:
                    return ConsolePages.redirect("/facilities/\(text)?date=\(day)&done=booked")
                case .refused(let refusal, let occurrence):
                    let zone = try await CommunityRepository(database).get(facility.communityID).zone
                    return try await facilityPage(facility, day: day, error: words.refusal(refusal, occurrence: occurrence, zone: zone),
                                                  form: booking.chosen, context: context, status: .conflict)
                }
            } catch let error as DomainError {
                return try await facilityPage(facility, day: day, error: words.invalid(error), form: booking.chosen, context: context,
                                              status: .unprocessableContent)
            }
        }
    }

    /// The facility and the day asked for (`?date=`, today by default), by the API's timetable rule.
    private func shownFacility(_ request: Request, _ context: AppContext) async throws -> (Facility, LocalDate) {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("facility") }
        try await check.authorize("GET /v1/facilities/{id}/timetable", try context.caller, id: text, logger: context.logger)
        let facility = try await FacilityRepository(database).get(.init(id))
        let zone = try await CommunityRepository(database).get(facility.communityID).zone
        let day = request.uri.queryParameters.get("date").flatMap { LocalDate($0) } ?? LocalDate(Date(), in: zone)
        return (facility, day)
    }

    private func facilityPage(_ facility: Facility, day: LocalDate, notice: String? = nil, error: String? = nil, form: BookingForm.Chosen? = nil,
                              context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let caller = try context.caller
        let timetable = try await FacilityRepository(database).timetable(facility.id, from: day, days: 1).shown(to: caller)
        let projects = try await ProjectRepository(database).list(.init(community: facility.communityID), .init(limit: 200)).items
        var units: [(PartnerUnit.ID, String)] = []
        for unit in Set(projects.map(\.unitID)) { units.append((unit, try await UnitRepository(database).get(unit).name)) }
        let view = FacilityView(timetable, language: Language.current)
        let id = facility.id.uuid.uuidString.lowercased()
        var values: [String: Any] = [
            "id": id, "name": facility.name, "day": view.dayText, "date": day.description,
            "previous": "/facilities/\(id)?date=\(day.adding(days: -1))", "next": "/facilities/\(id)?date=\(day.adding(days: 1))",
            "picture": "/facilities/\(id)/timetable.svg?date=\(day)", "bookings": view.bookings, "no_bookings": view.bookings.isEmpty,
            "back": link("/facilities", facility.communityID, context), "notice": notice as Any, "error": error as Any,
        ]
        values.merge(view.form(form ?? BookingForm.defaults(day), units: units.sorted { Self.pinyinOrder($0.1, $1.1) })) { $1 }
        return pages.page("facility", values, session: context.session, status: status)
    }
}
