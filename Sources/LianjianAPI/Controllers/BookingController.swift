import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// Booking bays, moving and cancelling bookings, and laying a facility out again.
struct BookingController {
    let database: Database

    struct MoveRequest: Decodable { var bays: [String] }
    struct LayoutRequest: Decodable { var from: LocalDate; var to: LocalDate }
    struct Booked: Encodable { var bookings: [Booking] }

    func register(on v1: RouterGroup<AppContext>) {
        let bookings = BookingRepository(database)
        v1.post("facilities/:id/bookings") { request, context in
            let facility = Facility.ID(try pathID(context, "facility"))
            let caller = try context.caller
            let body = try await JSON.body(request)
            let book: @Sendable (Booking.Request) async throws -> BookingRepository.Outcome = { try await bookings.book(facility, $0) }
            return try await JSON.respond {
                let draft = try JSON.decode(Booking.Request.self, from: body)
                try draft.validate()
                // A partner unit books only for its own visitors.
                if caller.role == .liaison, draft.userClass != "unit" || draft.unitID != caller.unit {
                    throw APIError(.forbidden, code: "forbidden", message: "a liaison books only for their own unit's visitors", field: "unit_id")
                }
                switch try await book(draft) {
                case .accepted(let booked): return (.created, JSON.encode(Booked(bookings: booked)))
                case .refused(let refusal, let occurrence): throw Self.refused(refusal, occurrence: occurrence)
                }
            }
        }
        v1.get("bookings/:id") { _, context in
            JSON.response(try await bookings.get(.init(try pathID(context, "booking"))))
        }
        v1.delete("bookings/:id") { _, context in
            JSON.response(try await bookings.cancel(.init(try pathID(context, "booking"))))
        }
        v1.put("bookings/:id/bays") { request, context in
            let id = Booking.ID(try pathID(context, "booking"))
            let move = try await JSON.decode(MoveRequest.self, from: request)
            return JSON.response(try await bookings.move(id, to: move.bays))
        }
        v1.post("facilities/:id/layout") { request, context in
            let facility = Facility.ID(try pathID(context, "facility"))
            let range = try await JSON.decode(LayoutRequest.self, from: request)
            guard range.to >= range.from, range.to.dayNumber - range.from.dayNumber < 366 else {
                throw APIError.invalid("must be on or after from, within a year", field: "to")
            }
            return JSON.response(try await bookings.layout(facility, from: range.from, to: range.to))
        }
    }

    /// A refused booking is a 409 whose code is the reason and whose message names the first
    /// time it does not fit.
    static func refused(_ r: PoolCheck.Refusal, occurrence: Int) -> APIError {
        let which = occurrence > 0 ? "occurrence \(occurrence + 1): " : ""
        return APIError(.conflict, code: r.reason.rawValue, message: which + r.message, field: "start")
    }
}
