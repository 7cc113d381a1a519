import Foundation
import LianjianDomain
import PostgresNIO

extension BookingRepository {
    public func get(_ id: Booking.ID) async throws(StoreError) -> Booking {
        let found = try await db.withConnection { c in try await Self.bookings([id], c, db.logger) }
        guard let booking = found.first else { throw .notFound("booking") }
        return booking
    }

    /// Cancels a booking and frees its bays.
    public func cancel(_ id: Booking.ID) async throws(StoreError) -> Booking {
        let booking = try await get(id)
        try await db.transaction { c in
            try await c.query("""
                UPDATE bookings SET cancelled_at = now() WHERE id = \(id.uuid) AND cancelled_at IS NULL
                """, logger: db.logger)
            try await c.query("DELETE FROM bay_allocations WHERE booking_id = \(id.uuid)", logger: db.logger)
        }
        return Booking(id: booking.id, facilityID: booking.facilityID, userClass: booking.userClass, holder: booking.holder,
                       bayCount: booking.bayCount, span: booking.span, seriesID: booking.seriesID, bays: [])
    }

    /// Puts a booking on the bays an organiser names. The database's exclusion constraint
    /// decides: a bay held by another booking at an overlapping time is a `doubleBooking`
    /// naming that bay and the other booking's time.
    public func move(_ id: Booking.ID, to labels: [String]) async throws(StoreError) -> Booking {
        let booking = try await get(id)
        guard labels.count == booking.bayCount else {
            throw StoreError(.invalid, field: "bays", message: "name exactly \(booking.bayCount) bay(s)")
        }
        let bays = try await FacilityRepository(db).get(booking.facilityID).bays
        var ids: [UUID] = []
        for (i, label) in labels.enumerated() {
            guard let bay = bays.first(where: { $0.label == label }) else { throw StoreError(.invalid, field: "bays[\(i)]", message: "no bay \(label) in this facility") }
            ids.append(bay.id.uuid)
        }
        let chosen = ids
        do {
            try await db.transaction { c in
                _ = try await FacilityRepository.lockFacility(booking.facilityID, c, db.logger)
                try await c.query("DELETE FROM bay_allocations WHERE booking_id = \(id.uuid)", logger: db.logger)
                try await LayoutWriter.insertAllocations(chosen.map { (id.uuid, $0, booking.span) }, facility: booking.facilityID, c, db.logger)
            }
        } catch where error.code == .doubleBooking {
            throw try await describeClash(booking, bays: ids, labels: labels)
        }
        return try await get(id)
    }

    /// Names the bay and time of the allocation that a refused move ran into.
    private func describeClash(_ booking: Booking, bays: [UUID], labels: [String]) async throws(StoreError) -> StoreError {
        let zone = try await FacilityRepository(db).timeZone(of: booking.facilityID)
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT y.label, a.starts_at, a.ends_at FROM bay_allocations a JOIN bays y ON y.id = a.bay_id
                WHERE a.bay_id = ANY(\(bays)::uuid[]) AND a.booking_id <> \(booking.id.uuid)
                  AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(\(booking.span.start), \(booking.span.end), '[)')
                ORDER BY a.starts_at LIMIT 1
                """, logger: db.logger).all((String, Date, Date).self)
        }
        guard let r = rows.first else { return StoreError(.doubleBooking, field: "bays", message: "a bay is held at an overlapping time") }
        let field = labels.firstIndex(of: r.0).map { "bays[\($0)]" } ?? "bays"
        return StoreError(.doubleBooking, field: field, message:
            "bay \(r.0) is held by another booking from \(PoolCheck.describe(r.1, in: zone)) to \(PoolCheck.describe(r.2, in: zone))")
    }

    /// What ``layout(_:from:to:)`` did.
    public struct LayoutSummary: Sendable, Codable {
        public var bookings: Int
        /// Bookings that held bays and now hold others.
        public var moved: Int
        /// Bookings whose bays were written (moved or newly placed).
        public var written: Int
        public var unplaced: [Booking.ID]
    }

    /// Lays out again the bays of the facility's bookings between two local dates (inclusive).
    public func layout(_ facility: Facility.ID, from: LocalDate, to: LocalDate) async throws(StoreError) -> LayoutSummary {
        let zone = try await FacilityRepository(db).timeZone(of: facility)
        let range = TimeSpan(from.at(.init(minutes: 0), in: zone), to.adding(days: 1).at(.init(minutes: 0), in: zone))
        let report = try await db.transaction { c in try await LayoutWriter(facility: facility, logger: db.logger).relayout(range, c) }
        return LayoutSummary(bookings: report.bookings, moved: report.moved, written: report.placed, unplaced: report.unplaced)
    }
}

extension BookingRepository.LayoutSummary {
    enum CodingKeys: String, CodingKey {
        case bookings, moved, written, unplaced
    }
}

extension BookingRepository {
    /// Bookings not cancelled, across all facilities (for benchmarks and health reports).
    public func countActive() async throws(StoreError) -> Int {
        try await db.withConnection { c in
            let rows = try await c.query("SELECT count(*) FROM bookings WHERE cancelled_at IS NULL", logger: db.logger).all(Int.self)
            return rows[0]
        }
    }
}
