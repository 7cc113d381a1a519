import Foundation
import LianjianDomain
import PostgresNIO

extension NightlyRepository {
    /// Every community, and the pairs of communities one volunteer may serve both of: their own
    /// community and each community their partner unit has a joint project with. A cluster of
    /// communities joined by these links shares volunteers; two clusters share none, so they can
    /// be planned at the same time without planning anybody twice.
    public func communityLinks() async throws(StoreError) -> (communities: [Community.ID], links: [(Community.ID, Community.ID)]) {
        try await db.withConnection { c in
            let all = try await c.query("SELECT id FROM communities ORDER BY code, id", logger: db.logger).all(UUID.self)
            let links = try await c.query("""
                SELECT DISTINCT v.community_id, p.community_id FROM volunteers v JOIN joint_projects p ON p.unit_id = v.unit_id
                WHERE v.active AND v.community_id <> p.community_id ORDER BY 1, 2
                """, logger: db.logger).all((UUID, UUID).self)
            return (all.map { .init($0) }, links.map { (.init($0.0), .init($0.1)) })
        }
    }

    /// The facilities of these communities with bookings between two instants.
    public func facilitiesWithBookings(from: Date, to: Date, in communities: [Community.ID]) async throws(StoreError) -> [Facility.ID] {
        let ids = communities.map(\.uuid)
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT DISTINCT b.facility_id FROM bookings b JOIN facilities f ON f.id = b.facility_id
                WHERE b.cancelled_at IS NULL AND b.starts_at < \(to) AND b.ends_at > \(from) AND f.community_id = ANY(\(ids)::uuid[])
                ORDER BY 1
                """, logger: db.logger).all(UUID.self)
        }
        return rows.map { .init($0) }
    }

    /// For each community with work between two instants: its roles to staff (of scheduled
    /// events starting then) and its facilities with bookings then.
    public func workByCommunity(from: Date, to: Date) async throws(StoreError) -> [Community.ID: (roles: Int, facilities: Int)] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT community_id, sum(roles)::int8, sum(facilities)::int8 FROM (
                    SELECT e.community_id, count(*) AS roles, 0 AS facilities FROM event_roles r JOIN events e ON e.id = r.event_id
                    WHERE e.status = 'scheduled' AND r.required > 0 AND e.starts_at >= \(from) AND e.starts_at < \(to) GROUP BY 1
                    UNION ALL
                    SELECT f.community_id, 0, count(DISTINCT f.id) FROM bookings b JOIN facilities f ON f.id = b.facility_id
                    WHERE b.cancelled_at IS NULL AND b.starts_at < \(to) AND b.ends_at > \(from) GROUP BY 1
                ) w GROUP BY community_id
                """, logger: db.logger).all((UUID, Int, Int).self)
        }
        return Dictionary(uniqueKeysWithValues: rows.map { (.init($0.0), (roles: $0.1, facilities: $0.2)) })
    }

    /// Whether some session of this database holds the night (``lock``) now.
    public func nightHeld() async throws(StoreError) -> Bool {
        let (high, low) = (Self.lock >> 32, Self.lock & 0xFFFF_FFFF)
        return try await db.withConnection { c in
            try await c.query("""
                SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
                               AND classid::int8 = \(high) AND objid::int8 = \(low)
                               AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))
                """, logger: db.logger).all(Bool.self).first ?? false
        }
    }

    /// Queues the run's partitions (payloads carry `run` and `key`), each once however often this
    /// is called; queued partitions of earlier runs are dropped (the night is planned again
    /// here). - Returns: the number of partitions the run has.
    public func queuePartitions(run: UUID, _ payloads: [(payload: String, priority: Int)]) async throws(StoreError) -> Int {
        try await db.transaction { c in
            try await c.query("""
                UPDATE jobs SET state = 'failed', finished_at = now(), locked_by = NULL, lease_until = NULL,
                       error = '{"code": "superseded", "message": "a later night planned this partition"}'::jsonb
                WHERE kind = 'nightly_partition' AND payload ->> 'run' <> \(run.uuidString.lowercased())
                  AND (state = 'queued' OR (state = 'running' AND lease_until < now()))
                """, logger: db.logger).collectCount()
            for (payload, priority) in payloads {
                try await c.query("""
                    INSERT INTO jobs (kind, payload, priority) VALUES ('nightly_partition', \(payload)::jsonb, \(min(max(priority, 0), 1_000_000)))
                    ON CONFLICT ((payload ->> 'run'), (payload ->> 'key')) WHERE kind = 'nightly_partition' DO NOTHING
                    """, logger: db.logger).collectCount()
            }
            let queued = try await c.query("""
                SELECT count(*)::int8 FROM jobs WHERE kind = 'nightly_partition' AND payload ->> 'run' = \(run.uuidString.lowercased())
                """, logger: db.logger).all(Int.self)
            return queued.first ?? 0
        }
    }

    /// A run's partitions as they stand: how many are still to do, and the results and errors
    /// (`{"code", "message"}` JSON) of those that ended.
    public func partitions(of run: UUID) async throws(StoreError) -> (open: Int, results: [String], failures: [String]) {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT state, result ->> 'step', error::text FROM jobs
                WHERE kind = 'nightly_partition' AND payload ->> 'run' = \(run.uuidString.lowercased()) ORDER BY payload ->> 'key'
                """, logger: db.logger).all((String, String?, String?).self)
        }
        return (rows.filter { $0.0 == "queued" || $0.0 == "running" }.count, rows.compactMap(\.1),
                rows.filter { $0.0 == "failed" }.map { $0.2 ?? "{}" })
    }

    /// What the last night that planned this partition did (its job's `result.step`), so that
    /// the next can tell whether anything changed there.
    public func lastPartitionStep(key: String) async throws(StoreError) -> String? {
        try await db.withConnection { c in
            try await c.query("""
                SELECT result ->> 'step' FROM jobs
                WHERE kind = 'nightly_partition' AND state = 'succeeded' AND payload ->> 'key' = \(key) AND result ? 'step'
                ORDER BY finished_at DESC LIMIT 1
                """, logger: db.logger).all(String?.self).first ?? nil
        }
    }

    /// The run started last, if any.
    public func newestRun() async throws(StoreError) -> UUID? {
        try await db.withConnection { c in
            try await c.query("SELECT id FROM nightly_runs ORDER BY started_at DESC, id DESC LIMIT 1", logger: db.logger).all(UUID.self).first
        }
    }
}
