import Foundation
import LianjianDomain
import PostgresNIO

/// Lays out the bays of a facility's bookings in a time range again and writes only what
/// changed. Bookings reaching outside the range keep their bays and block them.
struct LayoutWriter {
    let facility: Facility.ID
    let logger: Logger

    /// What a layout did.
    struct Report: Sendable {
        var bookings: Int
        var moved: Int
        var placed: Int
        var unplaced: [Booking.ID]
    }

    func relayout(_ range: TimeSpan, _ c: PostgresConnection) async throws -> Report {
        _ = try await FacilityRepository.lockFacility(facility, c, logger)
        let bayIDs = try await c.query("""
            SELECT id FROM bays WHERE facility_id = \(facility.uuid) ORDER BY position
            """, logger: logger).all(UUID.self)
        let items = try await FacilitySnapshot.heldBookings(facility, overlapping: range, bayIDs: bayIDs, c, logger)
        guard let first = items.min(by: { $0.span.start < $1.span.start }), let last = items.max(by: { $0.span.end < $1.span.end }) else {
            return Report(bookings: 0, moved: 0, placed: 0, unplaced: [])
        }
        let inside = Set(items.map(\.id))
        let around = try await FacilitySnapshot.heldBookings(facility, overlapping: TimeSpan(first.span.start, last.span.end), bayIDs: bayIDs, c, logger)
        let fixed = around.filter { !inside.contains($0.id) }.flatMap { h in h.bays.map { BayLayout.Fixed(bay: $0, span: h.span) } }
        let result = BayLayout(bays: bayIDs.count).layout(
            items.map { BayLayout.Item(id: $0.id, span: $0.span, count: $0.count, current: $0.bays, key: $0.layoutKey) }, fixed: fixed)
        let changed = items.filter { h in result.bays[h.id].map { Set($0) != Set(h.bays) } ?? false }
        if !changed.isEmpty {
            try await c.query("""
                DELETE FROM bay_allocations WHERE booking_id = ANY(\(changed.map(\.id.uuid))::uuid[])
                """, logger: logger)
            let rows = changed.flatMap { h in result.bays[h.id]!.map { (h.id.uuid, bayIDs[$0], h.span) } }
            try await Self.insertAllocations(rows, facility: facility, c, logger)
        }
        return Report(bookings: items.count, moved: result.moved, placed: changed.count, unplaced: result.unplaced)
    }

    /// Inserts `(booking, bay, interval)` rows in one statement.
    static func insertAllocations(_ rows: [(UUID, UUID, TimeSpan)], facility: Facility.ID, _ c: PostgresConnection, _ logger: Logger) async throws {
        guard !rows.isEmpty else { return }
        try await c.query("""
            INSERT INTO bay_allocations (booking_id, bay_id, facility_id, starts_at, ends_at)
            SELECT b, y, \(facility.uuid), s, e
            FROM unnest(\(rows.map(\.0))::uuid[], \(rows.map(\.1))::uuid[], \(rows.map(\.2.start))::timestamptz[],
                        \(rows.map(\.2.end))::timestamptz[]) AS t(b, y, s, e)
            """, logger: logger)
    }
}
