import Foundation
import LianjianDomain
import PostgresNIO

/// Communities and their estates.
public struct CommunityRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The columns every query returns, in `Row` order (a constant, never input).
    static let columns = "id, code, name, district, time_zone, contact_name, contact_phone"

    typealias Row = (UUID, String, String, String, String, String, String)
    static func make(_ r: Row) -> Community {
        Community(id: .init(r.0), code: r.1, name: r.2, district: r.3, timeZone: r.4, contactName: r.5, contactPhone: r.6)
    }

    public func create(_ d: Community.Draft) async throws(StoreError) -> Community {
        let rows = try await db.withConnection { c in
            try await c.query("""
                INSERT INTO communities (code, name, district, time_zone, contact_name, contact_phone)
                VALUES (\(d.code), \(d.name), \(d.district ?? ""), \(d.timeZone ?? DisplayZone.current.identifier),
                        \(d.contactName ?? ""), \(d.contactPhone.flatMap(PhoneNumber.normalised) ?? ""))
                RETURNING \(unescaped: Self.columns)
                """, logger: db.logger).all(Row.self)
        }
        return Self.make(rows[0])
    }

    public func get(_ id: Community.ID) async throws(StoreError) -> Community {
        let rows = try await db.withConnection { c in
            try await c.query("SELECT \(unescaped: Self.columns) FROM communities WHERE id = \(id.uuid)", logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("community") }
        return Self.make(row)
    }

    /// A community by its id or its code (as the command line accepts either).
    public func find(_ idOrCode: String) async throws(StoreError) -> Community {
        if let id = Community.ID(idOrCode) { return try await get(id) }
        let rows = try await db.withConnection { c in
            try await c.query("SELECT \(unescaped: Self.columns) FROM communities WHERE code = \(idOrCode)", logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("community") }
        return Self.make(row)
    }

    public func update(_ id: Community.ID, _ d: Community.Draft) async throws(StoreError) -> Community {
        let rows = try await db.withConnection { c in
            try await c.query("""
                UPDATE communities SET code = \(d.code), name = \(d.name), district = \(d.district ?? ""),
                    time_zone = \(d.timeZone ?? DisplayZone.current.identifier), contact_name = \(d.contactName ?? ""),
                    contact_phone = \(d.contactPhone.flatMap(PhoneNumber.normalised) ?? ""), updated_at = now()
                WHERE id = \(id.uuid) RETURNING \(unescaped: Self.columns)
                """, logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("community") }
        return Self.make(row)
    }

    public func list(_ page: PageRequest) async throws(StoreError) -> Page<Community> {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.columns) FROM communities
                WHERE \(page.after)::uuid IS NULL OR id > \(page.after)
                ORDER BY id LIMIT \(page.limit + 1)
                """, logger: db.logger).all(Row.self)
        }
        return rows.page(limit: page.limit, id: \.0, map: Self.make)
    }

    // MARK: - Estates

    typealias EstateRow = (UUID, UUID, String, String, Int?, [String])
    static func makeEstate(_ r: EstateRow) -> Estate {
        Estate(id: .init(r.0), communityID: .init(r.1), name: r.2, address: r.3, households: r.4, buildings: r.5)
    }

    /// An estate and its buildings, each with the code of its mailbox poster (民情速递站).
    public func createEstate(in community: Community.ID, _ d: Estate.Draft) async throws(StoreError) -> Estate {
        let rows = try await db.transaction { c in
            let rows = try await c.query("""
                INSERT INTO estates (community_id, name, address, households, buildings)
                VALUES (\(community.uuid), \(d.name), \(d.address ?? ""), \(d.households), \(d.buildings ?? []))
                RETURNING id, community_id, name, address, households, buildings
                """, logger: db.logger).all(EstateRow.self)
            try await c.query("""
                INSERT INTO buildings (estate_id, name, code)
                SELECT \(rows[0].0), b, substr(replace(gen_random_uuid()::text, '-', ''), 1, 8) FROM unnest(\(d.buildings ?? [])::text[]) AS b
                ON CONFLICT DO NOTHING
                """, logger: db.logger).collectCount()
            return rows
        }
        return Self.makeEstate(rows[0])
    }

    public func estates(of community: Community.ID) async throws(StoreError) -> [Estate] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT id, community_id, name, address, households, buildings FROM estates
                WHERE community_id = \(community.uuid) ORDER BY name
                """, logger: db.logger).all(EstateRow.self)
        }
        return rows.map(Self.makeEstate)
    }
}
