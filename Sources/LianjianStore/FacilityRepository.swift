import Foundation
import LianjianDomain
import PostgresNIO

/// Facilities, their bays and their sharing windows.
public struct FacilityRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// Creates a facility with its bays in one transaction.
    public func create(in community: Community.ID, _ d: Facility.Draft) async throws(StoreError) -> Facility {
        let labels = d.labels
        let seats = d.seats ?? 1
        let id = try await db.transaction { c in
            let rows = try await c.query("""
                INSERT INTO facilities (community_id, estate_id, code, name, kind)
                VALUES (\(community.uuid), \(d.estateID?.uuid), \(d.code), \(d.name), \(d.kind)) RETURNING id
                """, logger: db.logger).all(UUID.self)
            try await c.query("""
                INSERT INTO bays (facility_id, label, position, seats)
                SELECT \(rows[0]), label, ordinality - 1, \(seats) FROM unnest(\(labels)::text[]) WITH ORDINALITY AS t(label, ordinality)
                """, logger: db.logger)
            return rows[0]
        }
        return try await get(.init(id))
    }

    public func get(_ id: Facility.ID) async throws(StoreError) -> Facility {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT f.id, f.community_id, f.estate_id, f.code, f.name, f.kind,
                       coalesce((SELECT array_agg(b.id ORDER BY b.position) FROM bays b WHERE b.facility_id = f.id), '{}'),
                       coalesce((SELECT array_agg(b.label ORDER BY b.position) FROM bays b WHERE b.facility_id = f.id), '{}'),
                       coalesce((SELECT array_agg(b.seats ORDER BY b.position) FROM bays b WHERE b.facility_id = f.id), '{}')
                FROM facilities f WHERE f.id = \(id.uuid)
                """, logger: db.logger).all((UUID, UUID, UUID?, String, String, String, [UUID], [String], [Int32]).self)
        }
        guard let r = rows.first else { throw .notFound("facility") }
        let bays = zip(r.6, zip(r.7, r.8)).map { Bay(id: .init($0), label: $1.0, seats: Int($1.1)) }
        return Facility(id: .init(r.0), communityID: .init(r.1), estateID: r.2.map { .init($0) }, code: r.3, name: r.4, kind: r.5, bays: bays)
    }

    /// The facilities of a community, without their bays.
    public func list(in community: Community.ID) async throws(StoreError) -> [Facility] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT id, estate_id, code, name, kind FROM facilities WHERE community_id = \(community.uuid) ORDER BY code
                """, logger: db.logger).all((UUID, UUID?, String, String, String).self)
        }
        return rows.map { Facility(id: .init($0.0), communityID: community, estateID: $0.1.map { .init($0) }, code: $0.2, name: $0.3, kind: $0.4, bays: []) }
    }

    /// The facility's community time zone.
    public func timeZone(of id: Facility.ID) async throws(StoreError) -> TimeZone {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT c.time_zone FROM facilities f JOIN communities c ON c.id = f.community_id WHERE f.id = \(id.uuid)
                """, logger: db.logger).all(String.self)
        }
        guard let name = rows.first else { throw .notFound("facility") }
        return TimeZone(identifier: name) ?? .gmt
    }

    /// Opens a sharing window, refusing one whose cap exceeds the bays or whose guarantee,
    /// added to the other classes' at some time, would exceed them (the error names the window).
    public func addWindow(to facility: Facility.ID, _ d: SharingWindow.Draft) async throws(StoreError) -> SharingWindow {
        try await db.transaction { c in
            let bays = try await Self.lockFacility(facility, c, db.logger)
            let others = try await Self.windows(of: facility, c, db.logger)
            let candidate = d.window(id: .init(UUID()), facility: facility)
            do {
                try SharingWindow.checkFits(candidate, beside: others, bays: bays)
            } catch let error as DomainError {
                throw StoreError(.invalid, field: error.field, message: error.reason)
            }
            try await c.query("""
                INSERT INTO sharing_windows (id, facility_id, user_class, unit_id, weekdays, starts, ends, guaranteed_bays,
                    cap_bays, valid_from, valid_until, label)
                VALUES (\(candidate.id.uuid), \(facility.uuid), \(d.userClass), \(d.unitID?.uuid), \(candidate.weekdays)::smallint[],
                    \(d.start.description)::time, \(d.end.description)::time, \(candidate.guaranteedBays), \(d.capBays),
                    \(d.validFrom.description)::date, \(d.validUntil?.description)::date, \(candidate.label))
                """, logger: db.logger)
            return candidate
        }
    }

    public func windows(of facility: Facility.ID) async throws(StoreError) -> [SharingWindow] {
        _ = try await get(facility)
        return try await db.withConnection { c in try await Self.windows(of: facility, c, db.logger) }
    }

    /// Locks the facility row so bookings and windows of one facility are decided one at a
    /// time; returns its number of bays.
    static func lockFacility(_ id: Facility.ID, _ c: PostgresConnection, _ logger: Logger) async throws -> Int {
        let rows = try await c.query("""
            SELECT (SELECT count(*) FROM bays WHERE facility_id = f.id) FROM facilities f WHERE f.id = \(id.uuid) FOR UPDATE
            """, logger: logger).all(Int.self)
        guard let bays = rows.first else { throw StoreError.notFound("facility") }
        return bays
    }

    static func windows(of facility: Facility.ID, _ c: PostgresConnection, _ logger: Logger) async throws -> [SharingWindow] {
        let rows = try await c.query("""
            SELECT id, user_class, unit_id, weekdays::int[], starts::text, ends::text, guaranteed_bays, cap_bays,
                   valid_from::text, valid_until::text, label
            FROM sharing_windows WHERE facility_id = \(facility.uuid) ORDER BY created_at, id
            """, logger: logger).all((UUID, String, UUID?, [Int32], String, String, Int32, Int32, String, String?, String).self)
        return rows.map { r in
            SharingWindow(
                id: .init(r.0), facilityID: facility, userClass: UserClass(.init(rawValue: r.1) ?? .public, unit: r.2.map { .init($0) }),
                weekdays: r.3.map(Int.init), start: LocalTime(r.4) ?? .init(minutes: 0), end: LocalTime(r.5) ?? .init(minutes: 0),
                guaranteedBays: Int(r.6), capBays: Int(r.7), validFrom: LocalDate(r.8)!, validUntil: r.9.flatMap(LocalDate.init),
                label: r.10)
        }
    }
}
