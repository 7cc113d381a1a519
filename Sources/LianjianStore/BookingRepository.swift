import Foundation
import LianjianDomain
import PostgresNIO

/// Bookings of facilities: the pool check, bay layout and the writes, one facility at a time.
public struct BookingRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// What happened to a booking request.
    public enum Outcome: Sendable {
        /// Booked: one booking per occurrence, each with its bays.
        case accepted([Booking])
        /// Refused: the reason, the first time that does not fit, and which occurrence (0-based).
        case refused(PoolCheck.Refusal, occurrence: Int)
    }

    /// Books `request` on `facility` if every occurrence fits the sharing rules, and lays out
    /// bays for it; all occurrences or none. Requests for one facility are decided one at a time
    /// (the facility row is locked), so concurrent requests can never oversubscribe a pool.
    public func book(_ facility: Facility.ID, _ request: Booking.Request) async throws(StoreError) -> Outcome {
        let zone = try await FacilityRepository(db).timeZone(of: facility)
        let spans: [TimeSpan]
        do { spans = try request.occurrences(in: zone) } catch { throw StoreError(.invalid, field: error.field, message: error.reason) }
        let userClass = request.userClassValue
        let count = request.bays ?? 1
        let series: UUID? = spans.count > 1 ? UUID() : nil
        let day: TimeInterval = 86_400
        let range = TimeSpan(spans[0].start.addingTimeInterval(-day), spans[spans.count - 1].end.addingTimeInterval(day))
        return try await db.transaction { c in
            var snap = try await FacilitySnapshot.load(facility, overlapping: range, c, db.logger)
            if let unit = userClass.unitID, snap.unitNames[unit] == nil,
               try await c.query("SELECT 1 FROM partner_units WHERE id = \(unit.uuid)", logger: db.logger).collectCount() == 0 {
                throw StoreError(.missingReference, field: "unit_id", message: "unit_id does not exist")
            }
            let check = snap.poolCheck
            var fresh: [FacilitySnapshot.Held] = []
            for (i, span) in spans.enumerated() {
                // A refusal writes nothing: roll back, so an idempotency key is not marked done.
                if let refusal = check.refusal(userClass, span, count: count, beside: snap.usage) {
                    throw Rollback<Outcome>(value: .refused(refusal, occurrence: i))
                }
                var held = FacilitySnapshot.Held(id: .init(UUID()), userClass: userClass, holder: request.holder, count: count,
                                                 span: span, seriesID: series, bays: [])
                held.bays = Self.place(held, in: snap)
                fresh.append(held)
                snap.held.append(held)
            }
            try await Self.insert(fresh, facility: facility, c, db.logger)
            if fresh.contains(where: { $0.bays.count < count }) {
                // The pool has room but no single bay is free for a whole interval: lay the
                // neighbourhood out again; bookings keep their bays wherever they can.
                let result = try await LayoutWriter(facility: facility, logger: db.logger).relayout(range, c)
                if let lost = result.unplaced.first, let i = fresh.firstIndex(where: { $0.id == lost }) {
                    let refusal = PoolCheck.Refusal(reason: .noBayFree, at: spans[i].start, message:
                        "no single bay is free for the whole of \(PoolCheck.describe(spans[i].start, in: snap.zone))–\(PoolCheck.describe(spans[i].end, in: snap.zone))")
                    throw Rollback<Outcome>(value: .refused(refusal, occurrence: i))
                }
            } else {
                try await Self.allocate(fresh, snap, c, db.logger)
            }
            return .accepted(try await Self.bookings(fresh.map(\.id), c, db.logger))
        }
    }

    /// Picks bays free for the whole of the booking: the series' or holder's last bays first.
    static func place(_ h: FacilitySnapshot.Held, in snap: FacilitySnapshot) -> [Int] {
        let free = snap.freeBays(during: h.span)
        let freeSet = Set(free)
        var chosen = snap.rememberedBays(key: h.layoutKey, before: h.span.start).filter { freeSet.contains($0) }.prefix(h.count).map { $0 }
        for b in free where chosen.count < h.count && !chosen.contains(b) { chosen.append(b) }
        return chosen.count == h.count ? chosen : []
    }

    static func insert(_ fresh: [FacilitySnapshot.Held], facility: Facility.ID, _ c: PostgresConnection, _ logger: Logger) async throws {
        guard let first = fresh.first else { return }
        try await c.query("""
            INSERT INTO bookings (id, facility_id, user_class, unit_id, holder, bay_count, starts_at, ends_at, series_id)
            SELECT id, \(facility.uuid), \(first.userClass.kind.rawValue), \(first.userClass.unitID?.uuid), \(first.holder),
                   \(first.count), s, e, \(first.seriesID)
            FROM unnest(\(fresh.map(\.id.uuid))::uuid[], \(fresh.map(\.span.start))::timestamptz[], \(fresh.map(\.span.end))::timestamptz[]) AS t(id, s, e)
            """, logger: logger)
    }

    static func allocate(_ fresh: [FacilitySnapshot.Held], _ snap: FacilitySnapshot, _ c: PostgresConnection, _ logger: Logger) async throws {
        let rows = fresh.flatMap { h in h.bays.map { (h.id.uuid, snap.bayIDs[$0], h.span) } }
        try await LayoutWriter.insertAllocations(rows, facility: snap.facility, c, logger)
    }

    /// Bookings by id with their bay labels, in start order.
    static func bookings(_ ids: [Booking.ID], _ c: PostgresConnection, _ logger: Logger) async throws -> [Booking] {
        let rows = try await c.query("""
            SELECT b.id, b.facility_id, b.user_class, b.unit_id, b.holder, b.bay_count, b.starts_at, b.ends_at, b.series_id,
                   coalesce(array_agg(y.label ORDER BY y.position) FILTER (WHERE y.label IS NOT NULL), '{}')
            FROM bookings b LEFT JOIN bay_allocations a ON a.booking_id = b.id LEFT JOIN bays y ON y.id = a.bay_id
            WHERE b.id = ANY(\(ids.map(\.uuid))::uuid[])
            GROUP BY b.id ORDER BY b.starts_at, b.id
            """, logger: logger).all((UUID, UUID, String, UUID?, String, Int32, Date, Date, UUID?, [String]).self)
        return rows.map { r in
            Booking(id: .init(r.0), facilityID: .init(r.1), userClass: UserClass(.init(rawValue: r.2) ?? .public, unit: r.3.map { .init($0) }),
                    holder: r.4, bayCount: Int(r.5), span: TimeSpan(r.6, r.7), seriesID: r.8, bays: r.9)
        }
    }
}
