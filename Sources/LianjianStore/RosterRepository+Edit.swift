import Foundation
import LianjianDomain
import PostgresNIO
import RosterSolver

extension RosterRepository {
    /// Applies one hand edit to a draft or to the published version, after checking it against
    /// the solver's hard rules on a problem read now (see ``RosterEditCheck``).
    ///
    /// On the published version the edit changes what is current for the role (keeping one
    /// version's people per role), and a newly assigned person's earlier answer to that role is
    /// cleared: they have not confirmed yet. Every edit is recorded in `roster_edits`, and kept
    /// by later generations through `roster_overrides` (pinned, assigned as `previous`, removed).
    /// Edits are serialised with publishing.
    ///
    /// - Throws: ``StoreError/Code/notFound`` for an unknown version; ``StoreError/Code/invalid``
    ///   when the edit does not fit the roster; ``StoreError/Code/breaksRule`` naming the rule.
    public func edit(_ id: UUID, _ edit: RosterEdit) async throws(StoreError) -> Version {
        let head = try await get(id)
        // The zone generation used (see `generate`), so reasons print the same local times.
        var found = DisplayZone.current
        if let community = head.communityID { found = try await CommunityRepository(db).get(community).zone }
        let zone = found
        let builder = RosterProblemBuilder(community: head.communityID, from: head.from, to: head.to, zone: zone, logger: db.logger)
        let logger = db.logger
        try await db.transaction { c in
            try await c.query("SELECT pg_advisory_xact_lock(\(Self.publishLock))", logger: logger).collectCount()
            guard let status = try await c.query("SELECT status FROM roster_versions WHERE id = \(id) FOR UPDATE", logger: logger)
                .all(String.self).first else { throw StoreError.notFound("roster") }
            guard status != "superseded" else { throw StoreError(.invalid, field: "id", message: EditRefusal.superseded) }
            let published = status == "published"
            try await Self.checkRoles(edit, version: id, published: published, c, logger)
            let pairs = try await Self.pairs(of: id, published: published, c, logger)
            let pinned = Set(try await c.query("""
                SELECT role_id, volunteer_id FROM roster_overrides WHERE kind = 'pinned' AND role_id = ANY(\(pairs.map(\.roleID))::uuid[])
                """, logger: logger).all((UUID, UUID).self).map { Assignment(roleID: $0.0, volunteerID: $0.1) })
            let effect = try edit.effect(on: Set(pairs), pinned: pinned)
            try await RosterEditCheck.scope(effect, roster: pairs, community: head.communityID, c, logger)
            try await Self.apply(effect, version: id, published: published, c, logger)
            let (problem, _) = try await builder.build(c)
            let check = RosterEditCheck(problem: problem, zone: zone)
            try await check.check(effect, after: try await Self.checkedPairs(id, published: published, problem: problem, c, logger), c, logger)
            try await Self.choose(effect.removed, "removed", c, logger)
            try await Self.record(effect, op: edit.op, version: id, published: published, c, logger)
            try await Self.restate(id, fresh: problem, touched: Set(effect.added.map(\.volunteerID.lower)), draft: !published, c, logger)
        }
        return try await get(id)
    }

    /// Refuses a role (or the swap's other role) that this version cannot edit: not one of a
    /// draft's shifts, or not a role this published version is current for.
    static func checkRoles(_ edit: RosterEdit, version id: UUID, published: Bool, _ c: PostgresConnection, _ logger: Logger) async throws {
        for (role, field) in [(edit.role, "role_id"), (edit.op == .swap ? edit.otherRole : nil, "with.role_id")] {
            guard let role else { continue }
            if published {
                let current = try await c.query("SELECT version_id FROM published_roles WHERE role_id = \(role)", logger: logger).all(UUID.self).first
                guard let current else { throw StoreError(.invalid, field: field, message: EditRefusal.roleNotInRoster) }
                guard current == id else { throw StoreError(.invalid, field: field, message: EditRefusal.roleTakenOver(by: current)) }
            } else {
                let known = try await c.query("""
                    SELECT 1 FROM roster_versions v, jsonb_array_elements(v.problem -> 'shifts') x WHERE v.id = \(id) AND x ->> 'id' = \(role.lower)
                    """, logger: logger).collectCount()
                guard known > 0 else { throw StoreError(.invalid, field: field, message: EditRefusal.roleNotInRoster) }
            }
        }
    }

    /// The pairs an edit works on: all of a draft's, or a published version's current ones.
    static func pairs(of id: UUID, published: Bool, _ c: PostgresConnection, _ logger: Logger) async throws -> [Assignment] {
        let rows = try await c.query(published
            ? "SELECT role_id, volunteer_id FROM published_assignments WHERE version_id = \(id)"
            : "SELECT role_id, volunteer_id FROM roster_assignments WHERE version_id = \(id)", logger: logger).all((UUID, UUID).self)
        return rows.map { Assignment(roleID: $0.0, volunteerID: $0.1) }
    }

    /// What the hard rules are checked on once the edit is written: a draft's pairs, or
    /// everything current for the problem's shifts (whichever version published it).
    static func checkedPairs(_ id: UUID, published: Bool, problem: Problem, _ c: PostgresConnection, _ logger: Logger) async throws -> [Assignment] {
        let shifts = problem.shifts.compactMap { UUID(uuidString: $0.id) }
        let rows = try await c.query(published
            ? "SELECT role_id, volunteer_id FROM published_assignments WHERE role_id = ANY(\(shifts)::uuid[])"
            : "SELECT role_id, volunteer_id FROM roster_assignments WHERE version_id = \(id) AND role_id = ANY(\(shifts)::uuid[])",
            logger: logger).all((UUID, UUID).self)
        return rows.map { Assignment(roleID: $0.0, volunteerID: $0.1) }
    }

    /// Writes the edit's pairs; on the published version, what is current too, and a newly
    /// assigned person's earlier answer to the role is cleared.
    static func apply(_ effect: RosterEdit.Effect, version id: UUID, published: Bool, _ c: PostgresConnection, _ logger: Logger) async throws {
        let (goneRoles, goneVolunteers) = (effect.removed.map(\.roleID), effect.removed.map(\.volunteerID))
        let (newRoles, newVolunteers) = (effect.added.map(\.roleID), effect.added.map(\.volunteerID))
        // Deleting the version's pair deletes its published row too (the key cascades).
        try await c.query("""
            DELETE FROM roster_assignments a USING unnest(\(goneRoles)::uuid[], \(goneVolunteers)::uuid[]) AS t(r, v)
            WHERE a.version_id = \(id) AND a.role_id = t.r AND a.volunteer_id = t.v
            """, logger: logger).collectCount()
        try await c.query("""
            INSERT INTO roster_assignments (version_id, role_id, volunteer_id)
            SELECT \(id), r, v FROM unnest(\(newRoles)::uuid[], \(newVolunteers)::uuid[]) AS t(r, v)
            """, logger: logger).collectCount()
        if published {
            try await c.query("""
                INSERT INTO published_assignments (role_id, volunteer_id, version_id)
                SELECT r, v, \(id) FROM unnest(\(newRoles)::uuid[], \(newVolunteers)::uuid[]) AS t(r, v)
                """, logger: logger).collectCount()
            try await c.query("""
                DELETE FROM assignment_responses x USING unnest(\(newRoles)::uuid[], \(newVolunteers)::uuid[]) AS t(r, v)
                WHERE x.role_id = t.r AND x.volunteer_id = t.v
                """, logger: logger).collectCount()
        }
        try await choose(effect.added + effect.unpins, "assigned", c, logger)
        try await choose(effect.pins, "pinned", c, logger)
    }

    /// Records the organiser's choice for each pair, for later generations.
    static func choose(_ pairs: [Assignment], _ kind: String, _ c: PostgresConnection, _ logger: Logger) async throws {
        guard !pairs.isEmpty else { return }
        try await c.query("""
            INSERT INTO roster_overrides (role_id, volunteer_id, kind)
            SELECT r, v, \(kind) FROM unnest(\(pairs.map(\.roleID))::uuid[], \(pairs.map(\.volunteerID))::uuid[]) AS t(r, v)
            ON CONFLICT (role_id, volunteer_id) DO UPDATE SET kind = excluded.kind, chosen_by = excluded.chosen_by, chosen_at = now()
            """, logger: logger).collectCount()
    }

    static func record(_ effect: RosterEdit.Effect, op: RosterEdit.Op, version id: UUID, published: Bool,
                       _ c: PostgresConnection, _ logger: Logger) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = { (pairs: [Assignment]) in String(decoding: (try? encoder.encode(pairs)) ?? Data("[]".utf8), as: UTF8.self) }
        let (added, removed) = (json(effect.added), json(effect.removed))
        try await c.query("""
            INSERT INTO roster_edits (version_id, op, published, added, removed, role_ids)
            VALUES (\(id), \(op.rawValue), \(published), \(added)::jsonb, \(removed)::jsonb, \(effect.roles)::uuid[])
            """, logger: logger).collectCount()
    }
}
