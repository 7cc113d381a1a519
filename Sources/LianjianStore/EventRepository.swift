import Foundation
import LianjianDomain
import PostgresNIO

/// Events, their roles and their participants.
public struct EventRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    static func insertRoles(_ roles: [StaffingRule], events: [UUID], _ c: PostgresConnection, _ logger: Logger) async throws {
        guard !roles.isEmpty, !events.isEmpty else { return }
        try await c.query("""
            INSERT INTO event_roles (event_id, skill, fixed_count, per_participants, needs, units_only, priority, required)
            SELECT e, r.skill, r.count, r.per_participants, coalesce(r.needs, '{}'), coalesce(r.units_only, false),
                   coalesce(r.priority, 1), coalesce(r.count, 0)
            FROM unnest(\(events)::uuid[]) AS e
            CROSS JOIN jsonb_to_recordset(\(PlanRepository.encode(roles))::jsonb)
                AS r(skill text, count int, per_participants int, needs jsonb, units_only boolean, priority int)
            """, logger: logger)
    }

    /// A one-off event of a project, in the project's community.
    public func create(_ d: Event.Draft, now: Date = Date()) async throws(StoreError) -> Event {
        let project = try await ProjectRepository(db).get(d.projectID)
        let zone = try await CommunityRepository(db).get(project.communityID).zone
        let span: TimeSpan
        do { span = try d.span(in: zone, now: now) } catch { throw StoreError(.invalid, field: error.field, message: error.reason) }
        let id = try await db.transaction { c in
            let id = try await c.query("""
                INSERT INTO events (community_id, project_id, title, venue, starts_at, ends_at)
                VALUES (\(project.communityID.uuid), \(project.id.uuid), \(d.title), \(d.venue ?? ""), \(span.start), \(span.end)) RETURNING id
                """, logger: db.logger).all(UUID.self)[0]
            try await Self.insertRoles(d.roles ?? [], events: [id], c, db.logger)
            return id
        }
        return try await get(.init(id))
    }

    /// Edits an event's title, venue and times; a generated one is marked edited, so that
    /// re-generating its plan leaves it as it is.
    public func update(_ id: Event.ID, title: String, venue: String, span: TimeSpan) async throws(StoreError) -> Event {
        let rows = try await db.withConnection { c in
            try await c.query("""
                UPDATE events SET title = \(title), venue = \(venue), starts_at = \(span.start), ends_at = \(span.end), edited = true
                WHERE id = \(id.uuid) RETURNING id
                """, logger: db.logger).all(UUID.self)
        }
        guard !rows.isEmpty else { throw .notFound("event") }
        return try await get(id)
    }

    /// Cancels an event; its roles need nobody any more.
    public func cancel(_ id: Event.ID) async throws(StoreError) -> Event {
        let rows = try await db.withConnection { c in
            try await c.query("UPDATE events SET status = 'cancelled', edited = true WHERE id = \(id.uuid) RETURNING id", logger: db.logger).all(UUID.self)
        }
        guard !rows.isEmpty else { throw .notFound("event") }
        return try await get(id)
    }

    public func get(_ id: Event.ID) async throws(StoreError) -> Event {
        let found = try await db.withConnection { c in try await Self.events("e.id = $1", [id.uuid], c, db.logger) }
        guard let event = found.first else { throw .notFound("event") }
        return event
    }

    /// A community's events starting in `[from, to)`.
    public func list(community: Community.ID, from: Date, to: Date) async throws(StoreError) -> [Event] {
        try await db.withConnection { c in
            try await Self.events("e.community_id = $1 AND e.starts_at >= $2 AND e.starts_at < $3", [community.uuid, from, to], c, db.logger)
        }
    }

    /// The events of one joint project starting in `[from, to)`, in time order.
    public func list(project: JointProject.ID, from: Date, to: Date) async throws(StoreError) -> [Event] {
        try await db.withConnection { c in
            try await Self.events("e.project_id = $1 AND e.starts_at >= $2 AND e.starts_at < $3", [project.uuid, from, to], c, db.logger)
        }
    }

    static func events(_ condition: String, _ binds: [any PostgresEncodable & Sendable], _ c: PostgresConnection, _ logger: Logger) async throws -> [Event] {
        var bindings = PostgresBindings()
        for b in binds { try bindings.append(b) }
        let sql = """
            SELECT e.id, e.community_id, e.project_id, e.plan_id, e.title, e.venue, e.starts_at, e.ends_at, e.status, e.edited,
                   (SELECT count(*) FROM event_participants p WHERE p.event_id = e.id),
                   coalesce((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'skill', r.skill, 'count', r.fixed_count,
                        'per_participants', r.per_participants, 'needs', r.needs, 'units_only', r.units_only, 'priority', r.priority,
                        'required', r.required) ORDER BY r.skill) FROM event_roles r WHERE r.event_id = e.id), '[]')::text,
                   (SELECT time_zone FROM communities WHERE id = e.community_id)
            FROM events e WHERE \(condition) ORDER BY e.starts_at, e.id
            """
        let rows = try await c.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
            .all((UUID, UUID, UUID, UUID?, String, String, Date, Date, String, Bool, Int, String, String).self)
        return rows.map { r in
            Event(id: .init(r.0), communityID: .init(r.1), projectID: .init(r.2), planID: r.3.map { .init($0) }, title: r.4, venue: r.5,
                  start: r.6, end: r.7, status: r.8, edited: r.9, participants: r.10, roles: Self.roles(r.11),
                  zone: TimeZone(identifier: r.12))
        }
    }

    struct StoredRole: Decodable {
        var id: UUID
        var required: Int
    }

    static func roles(_ json: String) -> [Event.Role] {
        let data = Data(json.utf8)
        let rules = (try? JSONDecoder().decode([StaffingRule].self, from: data)) ?? []
        let stored = (try? JSONDecoder().decode([StoredRole].self, from: data)) ?? []
        return zip(rules, stored).map { Event.Role(id: $1.id, rule: $0, required: $1.required) }
    }
}
