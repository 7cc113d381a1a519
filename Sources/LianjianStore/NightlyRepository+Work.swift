import Foundation
import LianjianDomain
import PostgresNIO

extension NightlyRepository {
    /// The service plans of active joint projects, whose events the night brings up to date.
    public func activePlans() async throws(StoreError) -> [ServicePlan.ID] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT s.id FROM service_plans s JOIN joint_projects p ON p.id = s.project_id WHERE p.status = 'active' ORDER BY s.created_at, s.id
                """, logger: db.logger).all(UUID.self)
        }
        return rows.map { .init($0) }
    }

    /// Every facility with bookings between two instants (its layout is done again).
    public func facilitiesWithBookings(from: Date, to: Date) async throws(StoreError) -> [Facility.ID] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT DISTINCT b.facility_id FROM bookings b
                WHERE b.cancelled_at IS NULL AND b.starts_at < \(to) AND b.ends_at > \(from) ORDER BY 1
                """, logger: db.logger).all(UUID.self)
        }
        return rows.map { .init($0) }
    }

    /// Sets the staffing of every scheduled event between two instants from its participants
    /// again (one transaction per event). Only events that can need it are read: those with a
    /// role staffed by ratio, or a fixed role whose requirement is not its count; for the rest
    /// the answer is known without asking. - Returns: how many roles' requirements changed.
    public func restaff(from: Date, to: Date) async throws(StoreError) -> Int {
        let events = try await db.withConnection { c in
            try await c.query("""
                SELECT e.id FROM events e
                WHERE e.status = 'scheduled' AND e.starts_at >= \(from) AND e.starts_at < \(to)
                  AND EXISTS (SELECT 1 FROM event_roles r WHERE r.event_id = e.id
                              AND (r.per_participants IS NOT NULL OR r.required IS DISTINCT FROM r.fixed_count))
                ORDER BY e.starts_at, e.id
                """, logger: db.logger).all(UUID.self)
        }
        var changed = 0
        for event in events {
            changed += try await db.transaction { c in
                let before = try await c.query("SELECT id, required FROM event_roles WHERE event_id = \(event) ORDER BY id", logger: db.logger)
                    .all((UUID, Int32).self)
                try await ParticipantRepository.recompute(.init(event), c, db.logger)
                let after = try await c.query("SELECT id, required FROM event_roles WHERE event_id = \(event) ORDER BY id", logger: db.logger)
                    .all((UUID, Int32).self)
                return zip(before, after).filter { $0.0.1 != $0.1.1 }.count
            }
        }
        return changed
    }

    /// The scheduled events between two instants whose roles still miss people, by the
    /// published roster: "title (date): n missing".
    public func unfilled(from: Date, to: Date) async throws(StoreError) -> [(event: UUID, title: String, start: Date, missing: Int)] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT e.id, e.title, e.starts_at, sum(greatest(0, r.required - coalesce(n.people, 0)))::int
                FROM events e JOIN event_roles r ON r.event_id = e.id
                LEFT JOIN (SELECT a.role_id, count(*) AS people FROM published_assignments a
                           WHERE NOT EXISTS (SELECT 1 FROM assignment_responses x WHERE x.role_id = a.role_id AND x.volunteer_id = a.volunteer_id AND x.response = 'declined')
                           GROUP BY a.role_id) n ON n.role_id = r.id
                WHERE e.status = 'scheduled' AND e.starts_at >= \(from) AND e.starts_at < \(to)
                GROUP BY e.id, e.title, e.starts_at HAVING sum(greatest(0, r.required - coalesce(n.people, 0))) > 0
                ORDER BY e.starts_at, e.id
                """, logger: db.logger).all((UUID, String, Date, Int32).self)
        }
        return rows.map { (event: $0.0, title: $0.1, start: $0.2, missing: Int($0.3)) }
    }
}
