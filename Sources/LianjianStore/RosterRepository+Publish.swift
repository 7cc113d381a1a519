import Foundation
import LianjianDomain
import PostgresNIO

extension RosterRepository {
    // Publishes are decided one at a time (a transaction-scoped advisory lock), so two at once
    // are serialised rather than one failing on a key.
    static let publishLock: Int64 = 0x6C6A_7075_626C   // "ljpubl"

    /// Makes a draft current for exactly the event roles of its problem: each of those roles now
    /// shows this version's people (or nobody, where it left the role unfilled), whatever other
    /// versions covered them before; versions left with no current role are superseded. The
    /// database keeps one version's people per role (see `sql/0010_published_assignments.sql`).
    ///
    /// - Throws: ``StoreError/Code/stale`` when, since the draft's problem was read, another
    ///   version was published for one of its roles or a volunteer answered one of them.
    public func publish(_ id: UUID) async throws(StoreError) -> Version {
        try await db.transaction { c in
            try await c.query("SELECT pg_advisory_xact_lock(\(Self.publishLock))", logger: db.logger).collectCount()
            let rows = try await c.query("SELECT status, built_at FROM roster_versions WHERE id = \(id) FOR UPDATE", logger: db.logger)
                .all((String, Date).self)
            guard let (status, builtAt) = rows.first else { throw StoreError.notFound("roster") }
            guard status == "draft" else { throw StoreError(.invalid, field: "status", message: "only a draft can be published; this one is \(status)") }
            if let change = try await Self.changeSince(builtAt, version: id, c, db.logger) {
                throw StoreError(.stale, field: "id", message: "this draft is stale: \(change); generate it again")
            }
            let before = try await Self.publishedPairs(of: id, c, db.logger)
            try await Self.takeOver(id, c, db.logger)
            // The people whose work changed are told, in this same transaction (the outbox).
            try await NotificationRepository.recordChanges(before: before, after: try await Self.publishedPairs(of: id, c, db.logger), c, db.logger)
        }
        return try await get(id)
    }

    /// What changed for the version's roles since `builtAt`, described for the organiser.
    static func changeSince(_ builtAt: Date, version id: UUID, _ c: PostgresConnection, _ logger: Logger) async throws -> String? {
        let published = try await c.query("""
            SELECT p.version_id, p.published_at FROM published_roles p
            WHERE p.role_id IN (SELECT (x ->> 'id')::uuid FROM roster_versions v, jsonb_array_elements(v.problem -> 'shifts') x WHERE v.id = \(id))
              AND p.published_at > \(builtAt)
            ORDER BY p.published_at LIMIT 1
            """, logger: logger).all((UUID, Date).self)
        if let (other, at) = published.first {
            return "roster \(other.uuidString.lowercased()) was published for some of its events at \(at.rfc3339)"
        }
        let answers = try await c.query("""
            SELECT v.name, x.response, e.title, x.responded_at FROM assignment_responses x
            JOIN volunteers v ON v.id = x.volunteer_id JOIN event_roles r ON r.id = x.role_id JOIN events e ON e.id = r.event_id
            WHERE x.role_id IN (SELECT (s ->> 'id')::uuid FROM roster_versions rv, jsonb_array_elements(rv.problem -> 'shifts') s WHERE rv.id = \(id))
              AND x.responded_at > \(builtAt)
            ORDER BY x.responded_at LIMIT 1
            """, logger: logger).all((String, String, String, Date).self)
        if let (name, response, title, at) = answers.first {
            return response == "declined" ? "\(name) declined 「\(title)」 at \(at.rfc3339)" : "\(name) confirmed 「\(title)」 at \(at.rfc3339)"
        }
        // A hand edit of the published roster since then would be undone by publishing this draft.
        let edits = try await c.query("""
            SELECT (SELECT e.title FROM event_roles r JOIN events e ON e.id = r.event_id WHERE r.id = x.role_ids[1]), x.edited_at
            FROM roster_edits x
            WHERE x.published AND x.edited_at > \(builtAt) AND x.version_id <> \(id)
              AND x.role_ids && ARRAY(SELECT (s ->> 'id')::uuid FROM roster_versions rv, jsonb_array_elements(rv.problem -> 'shifts') s WHERE rv.id = \(id))
            ORDER BY x.edited_at LIMIT 1
            """, logger: logger).all((String?, Date).self)
        if let (title, at) = edits.first {
            return "the published roster of 「\(title ?? "")」 was edited by hand at \(at.rfc3339)"
        }
        return nil
    }

    /// Replaces the current people of the version's roles with the version's own.
    /// The published pairs of the roles of version `id`'s problem.
    static func publishedPairs(of id: UUID, _ c: PostgresConnection, _ logger: Logger) async throws -> [(UUID, UUID)] {
        try await c.query("""
            SELECT a.role_id, a.volunteer_id FROM published_assignments a
            WHERE a.role_id IN (SELECT (x ->> 'id')::uuid FROM roster_versions v, jsonb_array_elements(v.problem -> 'shifts') x WHERE v.id = \(id))
            """, logger: logger).all((UUID, UUID).self)
    }

    static func takeOver(_ id: UUID, _ c: PostgresConnection, _ logger: Logger) async throws {
        let roles = """
            SELECT (x ->> 'id')::uuid FROM roster_versions v, jsonb_array_elements(v.problem -> 'shifts') x
            WHERE v.id = $1 AND EXISTS (SELECT 1 FROM event_roles r WHERE r.id = (x ->> 'id')::uuid)
            """
        var binds = PostgresBindings()
        binds.append(id)
        // The people other versions had on these roles stop being current first (the key from
        // assignments to their version's role would refuse the hand-over otherwise).
        try await c.query(PostgresQuery(unsafeSQL: "DELETE FROM published_assignments WHERE role_id IN (\(roles)) AND version_id <> $1", binds: binds),
                          logger: logger).collectCount()
        try await c.query(PostgresQuery(unsafeSQL: """
            INSERT INTO published_roles (role_id, version_id) SELECT r, $1 FROM (\(roles)) AS t(r)
            ON CONFLICT (role_id) DO UPDATE SET version_id = EXCLUDED.version_id, published_at = now()
            """, binds: binds), logger: logger).collectCount()
        try await c.query("""
            INSERT INTO published_assignments (role_id, volunteer_id, version_id)
            SELECT role_id, volunteer_id, version_id FROM roster_assignments WHERE version_id = \(id)
            """, logger: logger).collectCount()
        try await c.query("UPDATE roster_versions SET status = 'published', published_at = now() WHERE id = \(id)", logger: logger).collectCount()
        try await c.query("""
            UPDATE roster_versions v SET status = 'superseded'
            WHERE v.status = 'published' AND v.id <> \(id) AND NOT EXISTS (SELECT 1 FROM published_roles p WHERE p.version_id = v.id)
            """, logger: logger).collectCount()
    }
}
