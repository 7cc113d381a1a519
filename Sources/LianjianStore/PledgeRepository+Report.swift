import Foundation
import LianjianDomain
import PostgresNIO

extension PledgeRepository {
    /// The report of `month` (its first day) for `scope`: pledges in force then, what the
    /// projects' units delivered, and the nightly outlook of `coming` (by default the month after
    /// this one: what the liaison can still act on).
    public func report(month: LocalDate, scope: Scope, coming: LocalDate? = nil) async throws(StoreError) -> PledgeReport {
        let end = month.endOfMonth
        let outlookMonth = coming ?? LocalDate(Date(), in: DisplayZone.current).startOfMonth.nextMonth
        let (kind, id): (String, UUID) = switch scope {
            case .district: ("district", UUID())
            case .community(let c): ("community", c.uuid)
            case .unit(let u): ("unit", u.uuid)
        }
        return try await db.withConnection { c in
            let name = try await Self.scopeName(scope, c, db.logger)
            let rows = try await c.query("""
                SELECT g.id, g.project_id, g.minutes_per_month, g.events, g.period, g.roles::text, g.valid_from::text, g.valid_to::text,
                       p.title, p.category, m.name, u.id, u.name, o.fulfillable, o.reason
                FROM project_pledges g JOIN joint_projects p ON p.id = g.project_id JOIN communities m ON m.id = p.community_id
                JOIN partner_units u ON u.id = p.unit_id
                LEFT JOIN pledge_outlooks o ON o.pledge_id = g.id AND o.month = \(outlookMonth.description)::date
                WHERE g.valid_from <= \(end.description)::date AND g.valid_to >= \(month.description)::date
                  AND (\(kind) = 'district' OR (\(kind) = 'community' AND p.community_id = \(id)) OR (\(kind) = 'unit' AND p.unit_id = \(id)))
                ORDER BY m.name, p.title, g.id
                """, logger: db.logger)
                .all((UUID, UUID, Int, Int, String, String, String, String, String, String, String, UUID, String, Bool?, String?).self)
            let pledged: [PledgeReport.Pledged] = rows.compactMap { r in
                guard let pledge = Self.make((r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7)) else { return nil }
                let outlook = r.13.map { PledgeReport.Outlook(month: String(outlookMonth.description.prefix(7)), fulfillable: $0, reason: r.14 ?? "") }
                return .init(pledge: pledge, project: r.8, category: r.9, community: r.10, unitID: r.11, unit: r.12, outlook: outlook)
            }
            let projects = Array(Set(pledged.map(\.pledge.projectID.uuid)))
            let held = try await Self.events(projects, from: month.startOfQuarter, to: end, c, db.logger)
            let delivered = try await Self.delivered(projects, from: month, to: end, c, db.logger)
            return PledgeReport.build(month: month, scope: kind, scopeName: name, pledges: pledged, events: held, delivered: delivered)
        }
    }

    static func scopeName(_ scope: Scope, _ c: PostgresConnection, _ logger: Logger) async throws -> String {
        switch scope {
        case .district: return "全区"
        case .community(let id):
            guard let name = try await c.query("SELECT name FROM communities WHERE id = \(id.uuid)", logger: logger).all(String.self).first
            else { throw StoreError(.notFound, field: "community", message: "community not found") }
            return name
        case .unit(let id):
            guard let name = try await c.query("SELECT name FROM partner_units WHERE id = \(id.uuid)", logger: logger).all(String.self).first
            else { throw StoreError(.notFound, field: "unit", message: "unit not found") }
            return name
        }
    }

    /// The projects' events from `from` to `to` (local dates), whether each was held (not
    /// cancelled, and over), and each role's places with the unit's people who came or did not.
    static func events(_ projects: [UUID], from: LocalDate, to: LocalDate, _ c: PostgresConnection,
                       _ logger: Logger) async throws -> [PledgeReport.Held] {
        guard !projects.isEmpty else { return [] }
        let events = try await c.query("""
            SELECT e.id, e.project_id, ((e.starts_at AT TIME ZONE m.time_zone)::date)::text, (e.status = 'scheduled' AND e.ends_at <= now())
            FROM events e JOIN communities m ON m.id = e.community_id
            WHERE e.project_id = ANY(\(projects)) AND (e.starts_at AT TIME ZONE m.time_zone)::date BETWEEN \(from.description)::date AND \(to.description)::date
            """, logger: logger).all((UUID, UUID, String, Bool).self)
        let ids = events.map(\.0)
        let roles = try await c.query("""
            SELECT r.event_id, r.skill, r.required,
                   count(a.volunteer_id) FILTER (WHERE a.status = 'present' AND v.unit_id = p.unit_id),
                   count(a.volunteer_id) FILTER (WHERE a.status = 'no_show' AND v.unit_id = p.unit_id)
            FROM event_roles r JOIN events e ON e.id = r.event_id JOIN joint_projects p ON p.id = e.project_id
            LEFT JOIN attendance a ON a.role_id = r.id LEFT JOIN volunteers v ON v.id = a.volunteer_id
            WHERE r.event_id = ANY(\(ids)) GROUP BY r.event_id, r.skill, r.required ORDER BY r.event_id, r.skill
            """, logger: logger).all((UUID, String, Int, Int, Int).self)
        let byEvent = Dictionary(grouping: roles, by: \.0)
        return events.compactMap { e in
            LocalDate(e.2).map { date in
                .init(projectID: e.1, date: date, held: e.3, roles: (byEvent[e.0] ?? []).map {
                    .init(skill: $0.1, required: $0.2, came: $0.3, noShows: $0.4)
                })
            }
        }
    }

    /// Minutes credited in the month (net of corrections) to each project's own unit's people.
    static func delivered(_ projects: [UUID], from: LocalDate, to: LocalDate, _ c: PostgresConnection, _ logger: Logger) async throws -> [UUID: Int] {
        guard !projects.isEmpty else { return [:] }
        let rows = try await c.query("""
            SELECT h.project_id, sum(h.minutes)::int8
            FROM service_hours h JOIN joint_projects p ON p.id = h.project_id JOIN events e ON e.id = h.event_id
            JOIN communities m ON m.id = e.community_id
            WHERE h.project_id = ANY(\(projects)) AND h.unit_id = p.unit_id
              AND (e.starts_at AT TIME ZONE m.time_zone)::date BETWEEN \(from.description)::date AND \(to.description)::date
            GROUP BY h.project_id
            """, logger: logger).all((UUID, Int).self)
        return Dictionary(rows.map { ($0.0, $0.1) }, uniquingKeysWith: +)
    }
}
