import Foundation
import LianjianDomain
import PostgresNIO

/// Joint projects.
public struct ProjectRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The columns every query returns, in `Row` order (a constant, never input).
    static let columns = "id, community_id, unit_id, title, category, to_char(signed_on, 'YYYY-MM-DD'), status, pledge_minutes_per_month, description"

    typealias Row = (UUID, UUID, UUID, String, String, String, String, Int, String)
    static func make(_ r: Row) -> JointProject {
        JointProject(
            id: .init(r.0), communityID: .init(r.1), unitID: .init(r.2), title: r.3, category: r.4,
            signedOn: LocalDate(r.5)!, status: r.6, pledgeMinutesPerMonth: r.7, description: r.8)
    }

    public func create(_ d: JointProject.Draft) async throws(StoreError) -> JointProject {
        let rows = try await db.withConnection { c in
            try await c.query("""
                INSERT INTO joint_projects (community_id, unit_id, title, category, signed_on, status, pledge_minutes_per_month, description)
                VALUES (\(d.communityID.uuid), \(d.unitID.uuid), \(d.title), \(d.category), \(d.signedOn.description)::date,
                        \(d.status ?? "active"), \(d.pledgeMinutesPerMonth ?? 0), \(d.description ?? ""))
                RETURNING \(unescaped: Self.columns)
                """, logger: db.logger).all(Row.self)
        }
        return Self.make(rows[0])
    }

    public func get(_ id: JointProject.ID) async throws(StoreError) -> JointProject {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.columns) FROM joint_projects WHERE id = \(id.uuid)
                """, logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("joint project") }
        return Self.make(row)
    }

    public func update(_ id: JointProject.ID, _ d: JointProject.Draft) async throws(StoreError) -> JointProject {
        let rows = try await db.withConnection { c in
            try await c.query("""
                UPDATE joint_projects SET community_id = \(d.communityID.uuid), unit_id = \(d.unitID.uuid), title = \(d.title),
                    category = \(d.category), signed_on = \(d.signedOn.description)::date, status = \(d.status ?? "active"),
                    pledge_minutes_per_month = \(d.pledgeMinutesPerMonth ?? 0), description = \(d.description ?? ""),
                    updated_at = now()
                WHERE id = \(id.uuid)
                RETURNING \(unescaped: Self.columns)
                """, logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("joint project") }
        return Self.make(row)
    }

    public func list(_ filter: RegistryFilter, _ page: PageRequest) async throws(StoreError) -> Page<JointProject> {
        let (community, unit) = (filter.community?.uuid, filter.unit?.uuid)
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.columns) FROM joint_projects
                WHERE (\(page.after)::uuid IS NULL OR id > \(page.after))
                  AND (\(community)::uuid IS NULL OR community_id = \(community))
                  AND (\(unit)::uuid IS NULL OR unit_id = \(unit))
                ORDER BY id LIMIT \(page.limit + 1)
                """, logger: db.logger).all(Row.self)
        }
        return rows.page(limit: page.limit, id: \.0, map: Self.make)
    }
}
