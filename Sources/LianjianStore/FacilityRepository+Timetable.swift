import Foundation
import LianjianDomain
import PostgresNIO

extension FacilityRepository {
    /// Who holds which bay from the start of `from` for `days` days, in the community's time zone.
    public func timetable(_ id: Facility.ID, from: LocalDate, days: Int) async throws(StoreError) -> Timetable {
        let facility = try await get(id)
        let zone = try await timeZone(of: id)
        let span = TimeSpan(from.at(.init(minutes: 0), in: zone), from.adding(days: days).at(.init(minutes: 0), in: zone))
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT y.label, b.id, b.user_class, u.name, b.unit_id, b.holder, a.starts_at, a.ends_at
                FROM bay_allocations a JOIN bookings b ON b.id = a.booking_id JOIN bays y ON y.id = a.bay_id
                LEFT JOIN partner_units u ON u.id = b.unit_id
                WHERE a.facility_id = \(id.uuid)
                  AND tstzrange(a.starts_at, a.ends_at, '[)') && tstzrange(\(span.start), \(span.end), '[)')
                ORDER BY y.position, a.starts_at
                """, logger: db.logger).all((String, UUID, String, String?, UUID?, String, Date, Date).self)
        }
        let blocks = rows.map { r in
            Timetable.Block(bay: r.0, bookingID: .init(r.1), userClass: .init(rawValue: r.2) ?? .public, unit: r.3,
                            unitID: r.4.map { .init($0) }, holder: r.5, start: r.6, end: r.7)
        }
        let rules = try await self.rules(of: id, during: span, in: zone)
        return Timetable(facility: facility.name, timeZone: zone.identifier, from: from, days: days, bays: facility.bays.map(\.label),
                         blocks: blocks, rules: rules)
    }

    /// The sharing windows open at some time of `span`, as printed: with their units' names.
    func rules(of id: Facility.ID, during span: TimeSpan, in zone: TimeZone) async throws(StoreError) -> [Timetable.Rule] {
        try await db.withConnection { c in
            let windows = try await Self.windows(of: id, c, db.logger)
            let unitIDs = Array(Set(windows.compactMap { $0.userClass.unitID?.uuid }))
            let names = try await c.query("SELECT id, name FROM partner_units WHERE id = ANY(\(unitIDs))", logger: db.logger)
                .all((UUID, String).self)
            let name = Dictionary(names.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
            return windows.filter { !$0.openings(overlapping: span.start, span.end, in: zone).isEmpty }
                .map { Timetable.Rule($0, unit: $0.userClass.unitID.flatMap { name[$0.uuid] }) }
        }
    }
}
