import Foundation
import LianjianDomain
import PostgresNIO

/// Joint projects' structured pledges, and the monthly reports of what was delivered against them.
public struct PledgeRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    static let columns = "id, project_id, minutes_per_month, events, period, roles::text, valid_from::text, valid_to::text"
    typealias Row = (UUID, UUID, Int, Int, String, String, String, String)

    static func make(_ r: Row) -> Pledge? {
        guard let from = LocalDate(r.6), let to = LocalDate(r.7), let period = Pledge.Period(rawValue: r.4) else { return nil }
        let roles = (try? JSONDecoder().decode([Pledge.Role].self, from: Data(r.5.utf8))) ?? []
        return Pledge(id: .init(r.0), projectID: .init(r.1), minutesPerMonth: r.2, events: r.3, period: period, roles: roles, from: from, to: to)
    }

    /// Adds a pledge to `project`; one overlapping another of the project's is refused (409 on `from`).
    public func create(_ project: JointProject.ID, _ d: Pledge.Draft) async throws(StoreError) -> Pledge {
        let roles = String(decoding: (try? JSONEncoder().encode(d.roles ?? [])) ?? Data("[]".utf8), as: UTF8.self)
        do {
            let rows = try await db.withConnection { c in
                let known: [String] = try await c.query("SELECT code FROM skills", logger: db.logger).all(String.self)
                do { try d.validate(skills: Set(known)) } catch let error as DomainError { throw StoreError(.invalid, field: error.field, message: error.reason) }
                return try await c.query("""
                    INSERT INTO project_pledges (project_id, minutes_per_month, events, period, roles, valid_from, valid_to)
                    VALUES (\(project.uuid), \(d.minutesPerMonth ?? 0), \(d.events ?? 0), \((d.period ?? .month).rawValue), \(roles)::jsonb,
                            \(d.from.description)::date, \(d.to.description)::date)
                    RETURNING \(unescaped: Self.columns)
                    """, logger: db.logger).all(Row.self)
            }
            guard let pledge = rows.first.flatMap(Self.make) else { throw StoreError.notFound("pledge") }
            return pledge
        } catch {
            let error = StoreError.from(error)
            guard error.code == .doubleBooking else { throw error }
            throw StoreError(.conflict, field: "from", message: "overlaps another pledge of this project; end that one first")
        }
    }

    public func list(_ project: JointProject.ID) async throws(StoreError) -> [Pledge] {
        try await db.withConnection { c in
            let found = try await c.query("SELECT 1 FROM joint_projects WHERE id = \(project.uuid)", logger: db.logger).all(Int.self)
            guard !found.isEmpty else { throw StoreError.notFound("project") }
            return try await c.query("""
                SELECT \(unescaped: Self.columns) FROM project_pledges WHERE project_id = \(project.uuid) ORDER BY valid_from
                """, logger: db.logger).all(Row.self).compactMap(Self.make)
        }
    }

    /// Whom a report covers.
    public enum Scope: Sendable, Equatable {
        case district, community(Community.ID), unit(PartnerUnit.ID)
    }
}
