import Foundation
import LianjianDomain
import PostgresNIO

/// A facility as one booking decision sees it, read inside the transaction that holds the
/// facility's lock: its bays, time zone, windows and the active bookings near a time range.
struct FacilitySnapshot {
    struct Held {
        var id: Booking.ID
        var userClass: UserClass
        var holder: String
        var count: Int
        var span: TimeSpan
        var seriesID: UUID?
        /// Bay indices (positions in `bayIDs`).
        var bays: [Int]

        var layoutKey: String { seriesID.map { "series \($0)" } ?? "\(userClass) \(holder)" }
    }

    var facility: Facility.ID
    var bayIDs: [UUID]
    var bayLabels: [String]
    var zone: TimeZone
    var windows: [SharingWindow]
    var held: [Held]
    var unitNames: [PartnerUnit.ID: String]

    var poolCheck: PoolCheck { PoolCheck(bays: bayIDs.count, windows: windows, zone: zone, unitNames: unitNames) }

    /// Locks the facility and reads what overlaps `range`.
    static func load(_ facility: Facility.ID, overlapping range: TimeSpan, _ c: PostgresConnection, _ logger: Logger) async throws -> FacilitySnapshot {
        _ = try await FacilityRepository.lockFacility(facility, c, logger)
        let head = try await c.query("""
            SELECT cm.time_zone, coalesce((SELECT array_agg(b.id ORDER BY b.position) FROM bays b WHERE b.facility_id = f.id), '{}'),
                   coalesce((SELECT array_agg(b.label ORDER BY b.position) FROM bays b WHERE b.facility_id = f.id), '{}')
            FROM facilities f JOIN communities cm ON cm.id = f.community_id WHERE f.id = \(facility.uuid)
            """, logger: logger).all((String, [UUID], [String]).self)[0]
        let windows = try await FacilityRepository.windows(of: facility, c, logger)
        let held = try await heldBookings(facility, overlapping: range, bayIDs: head.1, c, logger)
        let names = try await c.query("""
            SELECT id, name FROM partner_units WHERE id IN (SELECT unit_id FROM sharing_windows WHERE facility_id = \(facility.uuid))
            """, logger: logger).all((UUID, String).self)
        return FacilitySnapshot(facility: facility, bayIDs: head.1, bayLabels: head.2, zone: TimeZone(identifier: head.0) ?? .gmt,
                                windows: windows, held: held, unitNames: Dictionary(uniqueKeysWithValues: names.map { (.init($0.0), $0.1) }))
    }

    static func heldBookings(_ facility: Facility.ID, overlapping range: TimeSpan, bayIDs: [UUID],
                             _ c: PostgresConnection, _ logger: Logger) async throws -> [Held] {
        let index = Dictionary(uniqueKeysWithValues: bayIDs.enumerated().map { ($1, $0) })
        let rows = try await c.query("""
            SELECT b.id, b.user_class, b.unit_id, b.holder, b.bay_count, b.starts_at, b.ends_at, b.series_id,
                   coalesce(array_agg(a.bay_id) FILTER (WHERE a.bay_id IS NOT NULL), '{}')
            FROM bookings b LEFT JOIN bay_allocations a ON a.booking_id = b.id
            WHERE b.facility_id = \(facility.uuid) AND b.cancelled_at IS NULL
              AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange(\(range.start), \(range.end), '[)')
            GROUP BY b.id
            """, logger: logger).all((UUID, String, UUID?, String, Int32, Date, Date, UUID?, [UUID]).self)
        return rows.map { r in
            Held(id: .init(r.0), userClass: UserClass(.init(rawValue: r.1) ?? .public, unit: r.2.map { .init($0) }), holder: r.3,
                 count: Int(r.4), span: TimeSpan(r.5, r.6), seriesID: r.7, bays: r.8.compactMap { index[$0] })
        }
    }

    var usage: [PoolCheck.Usage] { held.map { PoolCheck.Usage($0.userClass, $0.span, $0.count) } }

    /// Bays with nothing held at any time in `span`, most recently freed first.
    func freeBays(during span: TimeSpan) -> [Int] {
        var blocked = Set<Int>()
        var freedAt = [Date](repeating: .distantPast, count: bayIDs.count)
        for h in held {
            for b in h.bays {
                if h.span.overlaps(span) { blocked.insert(b) } else if h.span.end <= span.start { freedAt[b] = max(freedAt[b], h.span.end) }
            }
        }
        return bayIDs.indices.filter { !blocked.contains($0) }.sorted { freedAt[$0] != freedAt[$1] ? freedAt[$0] > freedAt[$1] : $0 < $1 }
    }

    /// The bays the same holder (or series) held most recently before `start`.
    func rememberedBays(key: String, before start: Date) -> [Int] {
        held.filter { $0.layoutKey == key && $0.span.end <= start }.max { $0.span.end < $1.span.end }?.bays ?? []
    }
}
