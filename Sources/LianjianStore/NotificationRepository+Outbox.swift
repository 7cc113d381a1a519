import Foundation
import LianjianDomain
import PostgresNIO

extension NotificationRepository {
    /// The item of one (role, volunteer) pair, with its event, as `jsonb`.
    static let itemSQL = """
        jsonb_build_object('kind', k.kind, 'role_id', k.role_id, 'title', e.title, 'venue', e.venue,
                           'start', e.starts_at, 'end', e.ends_at, 'from_title', k.from_title)
        """

    /// Writes, on `c` (the publish's transaction), what a publish changes for each volunteer:
    /// `before` and `after` are the roles' published pairs. A volunteer taken off one role and
    /// put on another is told of a move; events that have begun are not told of.
    static func recordChanges(before: [(UUID, UUID)], after: [(UUID, UUID)], _ c: PostgresConnection, _ logger: Logger) async throws {
        let old = Set(before.map { Pair($0.0, $0.1) }), new = Set(after.map { Pair($0.0, $0.1) })
        let added = Dictionary(grouping: new.subtracting(old), by: \.volunteer)
        let removed = Dictionary(grouping: old.subtracting(new), by: \.volunteer)
        var changes: [(String, UUID, UUID, UUID?)] = []
        for volunteer in Set(added.keys).union(removed.keys).sorted(by: { $0.uuidString < $1.uuidString }) {
            let on = (added[volunteer] ?? []).map(\.role).sorted { $0.uuidString < $1.uuidString }
            let off = (removed[volunteer] ?? []).map(\.role).sorted { $0.uuidString < $1.uuidString }
            // Taken off one role and put on another: one move, not a removal and an addition.
            let moves = min(on.count, off.count)
            changes += (0..<moves).map { ("moved", on[$0], volunteer, off[$0]) }
            changes += on.dropFirst(moves).map { ("added", $0, volunteer, nil) }
            changes += off.dropFirst(moves).map { ("removed", $0, volunteer, nil) }
        }
        guard !changes.isEmpty else { return }
        try await write(changes, c, logger)
    }

    struct Pair: Hashable {
        var role: UUID
        var volunteer: UUID
        init(_ role: UUID, _ volunteer: UUID) { self.role = role; self.volunteer = volunteer }
    }

    /// Adds items to each volunteer's pending message of tonight (their community's local
    /// date), making it if there is none; held until the community's quiet hours end.
    static func write(_ changes: [(String, UUID, UUID, UUID?)], _ c: PostgresConnection, _ logger: Logger) async throws {
        try await c.query("""
            WITH k(kind, role_id, volunteer_id, from_role) AS (
                SELECT kind, role_id, volunteer_id, nullif(from_role, '')::uuid
                FROM unnest(\(changes.map(\.0))::text[], \(changes.map(\.1))::uuid[], \(changes.map(\.2))::uuid[],
                            \(changes.map { $0.3?.uuidString ?? "" })::text[]) AS t(kind, role_id, volunteer_id, from_role)),
            k2 AS (SELECT k.*, (SELECT fe.title FROM event_roles fr JOIN events fe ON fe.id = fr.event_id WHERE fr.id = k.from_role) AS from_title FROM k),
            items AS (
                SELECT v.id AS volunteer_id, v.community_id, v.language,
                       (now() AT TIME ZONE cm.time_zone)::date AS night,
                       quiet_release(cm.time_zone, cm.quiet_from, cm.quiet_until, now()) AS deliver_after,
                       jsonb_agg(\(unescaped: itemSQL) ORDER BY e.starts_at, k.kind) AS items
                FROM k2 k JOIN event_roles r ON r.id = k.role_id JOIN events e ON e.id = r.event_id
                JOIN volunteers v ON v.id = k.volunteer_id JOIN communities cm ON cm.id = v.community_id
                WHERE e.starts_at > now()
                GROUP BY v.id, v.community_id, v.language, cm.time_zone, cm.quiet_from, cm.quiet_until)
            INSERT INTO notifications (volunteer_id, community_id, night, language, items, deliver_after)
            SELECT volunteer_id, community_id, night, language, items, deliver_after FROM items
            ON CONFLICT (volunteer_id, night) WHERE state = 'pending' AND kind = 'changes'
            DO UPDATE SET items = notifications.items || EXCLUDED.items
            """, logger: logger)
    }

    /// Reminders of tomorrow's work (the community's local tomorrow) for everybody rostered,
    /// each told once: a re-run of the night adds none.
    /// - Returns: how many reminders were written.
    public func remind(on day: LocalDate) async throws(StoreError) -> Int {
        let logger = db.logger
        return try await db.transaction { c in
            let rows = try await c.query("""
                SELECT a.role_id, a.volunteer_id FROM published_assignments a
                JOIN event_roles r ON r.id = a.role_id JOIN events e ON e.id = r.event_id
                JOIN communities cm ON cm.id = e.community_id
                WHERE e.status = 'scheduled' AND (e.starts_at AT TIME ZONE cm.time_zone)::date = \(day.description)::date
                  AND e.starts_at > now()
                  AND NOT EXISTS (SELECT 1 FROM assignment_responses x WHERE x.role_id = a.role_id AND x.volunteer_id = a.volunteer_id AND x.response = 'declined')
                  AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.volunteer_id = a.volunteer_id
                                  AND n.items @> jsonb_build_array(jsonb_build_object('kind', 'reminder', 'role_id', a.role_id)))
                ORDER BY a.role_id, a.volunteer_id
                """, logger: logger).all((UUID, UUID).self)
            guard !rows.isEmpty else { return 0 }
            try await Self.write(rows.map { ("reminder", $0.0, $0.1, nil) }, c, logger)
            return rows.count
        }
    }

    /// Claims up to `limit` messages that are due (and out of their quiet hours) for delivery,
    /// with a lease: a deliverer that dies leaves them to the next one (the receiver drops a
    /// repeat by its idempotency key).
    public func claimDue(limit: Int, lease: Duration) async throws(StoreError) -> [Message] {
        let seconds = JobRepository.seconds(lease)
        let rows = try await db.transaction { c in
            let ids = try await c.query("""
                UPDATE notifications SET state = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => \(seconds))
                WHERE id IN (SELECT n.id FROM notifications n JOIN volunteers v ON v.id = n.volunteer_id JOIN communities cm ON cm.id = v.community_id
                             WHERE ((n.state = 'pending' AND n.deliver_after <= now()) OR (n.state = 'sending' AND n.lease_until < now()))
                               AND quiet_release(cm.time_zone, cm.quiet_from, cm.quiet_until, now()) <= now()
                             ORDER BY n.deliver_after LIMIT \(limit) FOR UPDATE OF n SKIP LOCKED)
                RETURNING id
                """, logger: db.logger).all(UUID.self)
            return try await c.query("\(unescaped: Self.select) WHERE n.id = ANY(\(ids)::uuid[]) ORDER BY n.created_at",
                                     logger: db.logger).all(Row.self)
        }
        return rows.map(Self.message)
    }

    /// Marks a claimed message delivered.
    public func markSent(_ id: UUID) async throws(StoreError) {
        _ = try await db.withConnection { c in
            try await c.query("""
                UPDATE notifications SET state = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL, code = NULL WHERE id = \(id) AND state = 'sending'
                """, logger: db.logger).collectCount()
        }
    }

    /// Records a failed delivery: tried again after 30 s, 1, 2, 4 … minutes (at most an hour),
    /// or `dead` after `maxAttempts` (left for an organiser to look at).
    public func markFailed(_ id: UUID, error: String, maxAttempts: Int, baseDelay: Duration = .seconds(30)) async throws(StoreError) {
        let base = JobRepository.seconds(baseDelay)
        _ = try await db.withConnection { c in
            try await c.query("""
                UPDATE notifications SET lease_until = NULL, last_error = left(\(error), 500),
                       state = CASE WHEN attempts >= \(maxAttempts) THEN 'dead' ELSE 'pending' END,
                       code = CASE WHEN attempts >= \(maxAttempts) THEN NULL ELSE code END,
                       deliver_after = now() + make_interval(secs => least(3600, \(base) * power(2, attempts - 1)))
                WHERE id = \(id) AND state = 'sending'
                """, logger: db.logger).collectCount()
        }
    }
}
