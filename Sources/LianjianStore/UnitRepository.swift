import Foundation
import LianjianDomain
import PostgresNIO

/// Partner units.
public struct UnitRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The columns every query returns, in `Row` order (a constant, never input).
    static let columns = "id, code, name, kind, liaison_name, liaison_phone"

    typealias Row = (UUID, String, String, String, String, String)
    static func make(_ r: Row) -> PartnerUnit {
        PartnerUnit(id: .init(r.0), code: r.1, name: r.2, kind: r.3, liaisonName: r.4, liaisonPhone: r.5)
    }

    public func create(_ d: PartnerUnit.Draft) async throws(StoreError) -> PartnerUnit {
        let rows = try await db.withConnection { c in
            try await c.query("""
                INSERT INTO partner_units (code, name, kind, liaison_name, liaison_phone)
                VALUES (\(d.code), \(d.name), \(d.kind), \(d.liaisonName), \(PhoneNumber.normalised(d.liaisonPhone) ?? d.liaisonPhone))
                RETURNING \(unescaped: Self.columns)
                """, logger: db.logger).all(Row.self)
        }
        return Self.make(rows[0])
    }

    public func get(_ id: PartnerUnit.ID) async throws(StoreError) -> PartnerUnit {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.columns) FROM partner_units WHERE id = \(id.uuid)
                """, logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("partner unit") }
        return Self.make(row)
    }

    /// A unit by its id or its code (as the command line accepts either).
    public func find(_ idOrCode: String) async throws(StoreError) -> PartnerUnit {
        if let id = PartnerUnit.ID(idOrCode) { return try await get(id) }
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.columns) FROM partner_units WHERE code = \(idOrCode)
                """, logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("partner unit") }
        return Self.make(row)
    }

    public func update(_ id: PartnerUnit.ID, _ d: PartnerUnit.Draft) async throws(StoreError) -> PartnerUnit {
        let rows = try await db.withConnection { c in
            try await c.query("""
                UPDATE partner_units SET code = \(d.code), name = \(d.name), kind = \(d.kind),
                    liaison_name = \(d.liaisonName), liaison_phone = \(PhoneNumber.normalised(d.liaisonPhone) ?? d.liaisonPhone), updated_at = now()
                WHERE id = \(id.uuid) RETURNING \(unescaped: Self.columns)
                """, logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("partner unit") }
        return Self.make(row)
    }

    public func list(_ page: PageRequest) async throws(StoreError) -> Page<PartnerUnit> {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.columns) FROM partner_units
                WHERE \(page.after)::uuid IS NULL OR id > \(page.after)
                ORDER BY id LIMIT \(page.limit + 1)
                """, logger: db.logger).all(Row.self)
        }
        return rows.page(limit: page.limit, id: \.0, map: Self.make)
    }
}
