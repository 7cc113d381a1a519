import Foundation
import LianjianDomain
import PostgresNIO

/// What an object belongs to, for object-level access checks.
public struct OwnerRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The kinds of object a path id can name.
    public enum Kind: String, Sendable, CaseIterable {
        case community, unit, project, volunteer, facility, booking, token, plan, event, roster, job, issue, building
    }

    /// The owner of the object, or `nil` when there is no such object.
    public func owner(of kind: Kind, _ id: UUID) async throws(StoreError) -> Principal.Owner? {
        let sql: PostgresQuery = switch kind {
        case .community: "SELECT id, NULL::uuid, NULL::uuid FROM communities WHERE id = \(id)"
        case .unit: """
            SELECT NULL::uuid, id, NULL::uuid, coalesce((SELECT array_agg(DISTINCT p.community_id) FROM joint_projects p
                WHERE p.unit_id = partner_units.id), '{}')
            FROM partner_units WHERE id = \(id)
            """
        case .project: "SELECT community_id, unit_id, NULL::uuid FROM joint_projects WHERE id = \(id)"
        case .volunteer: """
            SELECT community_id, unit_id, id, coalesce((SELECT array_agg(DISTINCT e.community_id) FROM published_assignments a
                JOIN event_roles r ON r.id = a.role_id
                JOIN events e ON e.id = r.event_id WHERE a.volunteer_id = volunteers.id), '{}')
            FROM volunteers WHERE id = \(id)
            """
        case .facility: "SELECT community_id, NULL::uuid, NULL::uuid FROM facilities WHERE id = \(id)"
        case .booking: "SELECT f.community_id, b.unit_id, NULL::uuid FROM bookings b JOIN facilities f ON f.id = b.facility_id WHERE b.id = \(id)"
        case .token: "SELECT community_id, unit_id, volunteer_id FROM api_tokens WHERE id = \(id)"
        case .plan: "SELECT p.community_id, p.unit_id, NULL::uuid FROM service_plans s JOIN joint_projects p ON p.id = s.project_id WHERE s.id = \(id)"
        // The units whose events the version's problem holds as shifts: the events it staffs.
        case .roster: """
            SELECT community_id, NULL::uuid, NULL::uuid, coalesce((SELECT array_agg(DISTINCT p.unit_id)
                FROM jsonb_array_elements(v.problem -> 'shifts') s JOIN events e ON e.id = (s ->> 'event')::uuid
                JOIN joint_projects p ON p.id = e.project_id), '{}')
            FROM roster_versions v WHERE id = \(id)
            """
        // A job belongs to the community it works for (none: the whole district, admins only).
        case .job: "SELECT community_id, NULL::uuid, NULL::uuid FROM jobs WHERE id = \(id)"
        case .event: "SELECT e.community_id, p.unit_id, NULL::uuid FROM events e JOIN joint_projects p ON p.id = e.project_id WHERE e.id = \(id)"
        case .issue: "SELECT community_id, NULL::uuid, NULL::uuid FROM issues WHERE id = \(id)"
        case .building: "SELECT e.community_id, NULL::uuid, NULL::uuid FROM buildings b JOIN estates e ON e.id = b.estate_id WHERE b.id = \(id)"
        }
        if [.volunteer, .unit, .roster].contains(kind) {
            let rows = try await db.withConnection { c in try await c.query(sql, logger: db.logger).all((UUID?, UUID?, UUID?, [UUID]).self) }
            return rows.first.map { r in
                Principal.Owner(community: r.0.map { .init($0) }, unit: r.1.map { .init($0) }, volunteer: r.2.map { .init($0) },
                                served: kind == .roster ? [] : r.3.map { .init($0) }, servedUnits: kind == .roster ? r.3.map { .init($0) } : [])
            }
        }
        let rows = try await db.withConnection { c in try await c.query(sql, logger: db.logger).all((UUID?, UUID?, UUID?).self) }
        return rows.first.map { Principal.Owner(community: $0.0.map { .init($0) }, unit: $0.1.map { .init($0) }, volunteer: $0.2.map { .init($0) }) }
    }

    /// The communities each of `units` has joint projects in (whose organisers work with it);
    /// a unit without any is left out.
    public func communities(ofUnits units: [PartnerUnit.ID]) async throws(StoreError) -> [PartnerUnit.ID: [Community.ID]] {
        guard !units.isEmpty else { return [:] }
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT unit_id, array_agg(DISTINCT community_id) FROM joint_projects WHERE unit_id = ANY(\(units.map(\.uuid))::uuid[]) GROUP BY unit_id
                """, logger: db.logger).all((UUID, [UUID]).self)
        }
        return Dictionary(uniqueKeysWithValues: rows.map { (PartnerUnit.ID($0.0), $0.1.map { Community.ID($0) }) })
    }
}
