import Foundation
import LianjianDomain
import PostgresNIO

/// Volunteers with their skills, weekly availability and dated exceptions.
public struct VolunteerRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    typealias Row = (UUID, String, String, UUID?, UUID, Int, Bool, String, String, String)

    // One row per volunteer, the child tables folded into JSON arrays.
    static let select = """
        SELECT v.id, v.name, v.phone, v.unit_id, v.community_id, v.max_minutes_per_week, v.active,
          COALESCE((SELECT json_agg(json_build_object('skill', s.skill, 'expires_on', s.expires_on, 'verified_by', s.verified_by, 'verified_at', to_char(s.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) ORDER BY s.skill)
                    FROM volunteer_skills s WHERE s.volunteer_id = v.id), '[]')::text,
          COALESCE((SELECT json_agg(json_build_object('weekday', a.weekday, 'start', to_char(a.starts_at, 'HH24:MI'),
                    'end', to_char(a.ends_at, 'HH24:MI')) ORDER BY a.weekday, a.starts_at)
                    FROM volunteer_availability a WHERE a.volunteer_id = v.id), '[]')::text,
          COALESCE((SELECT json_agg(json_build_object('date', e.on_date, 'available', e.available,
                    'start', to_char(e.starts_at, 'HH24:MI'), 'end', to_char(e.ends_at, 'HH24:MI')) ORDER BY e.on_date)
                    FROM volunteer_exceptions e WHERE e.volunteer_id = v.id), '[]')::text
        FROM volunteers v
        """

    static func make(_ r: Row) throws -> Volunteer {
        let decoder = JSONDecoder()
        return Volunteer(
            id: .init(r.0), name: r.1, phone: r.2, unitID: r.3.map { .init($0) }, communityID: .init(r.4),
            maxMinutesPerWeek: r.5, active: r.6,
            skills: try decoder.decode([SkillGrant].self, from: Data(r.7.utf8)),
            availability: try decoder.decode([WeeklySlot].self, from: Data(r.8.utf8)),
            exceptions: try decoder.decode([AvailabilityException].self, from: Data(r.9.utf8)))
    }

    public func create(_ d: Volunteer.Draft) async throws(StoreError) -> Volunteer {
        let id = try await db.transaction { c in
            let rows = try await c.query("""
                INSERT INTO volunteers (name, phone, unit_id, community_id, max_minutes_per_week, active)
                VALUES (\(d.name), \(PhoneNumber.normalised(d.phone) ?? d.phone), \(d.unitID?.uuid), \(d.communityID.uuid), \(d.maxMinutesPerWeek ?? 480), \(d.active ?? true))
                RETURNING id
                """, logger: db.logger).all(UUID.self)
            try await Self.writeChildren(rows[0], d, c, db.logger)
            return rows[0]
        }
        return try await get(.init(id))
    }

    /// Changes a volunteer. Fields the draft leaves out (`max_minutes_per_week`, `active`,
    /// `skills`, `availability`, `exceptions`) stay as they are; a list that is sent replaces the
    /// old one. Skills kept with the same expiry keep who verified them.
    public func update(_ id: Volunteer.ID, _ d: Volunteer.Draft) async throws(StoreError) -> Volunteer {
        let found = try await db.transaction { c in
            let rows = try await c.query("""
                UPDATE volunteers SET name = \(d.name), phone = \(PhoneNumber.normalised(d.phone) ?? d.phone), unit_id = \(d.unitID?.uuid),
                    community_id = \(d.communityID.uuid), max_minutes_per_week = COALESCE(\(d.maxMinutesPerWeek), max_minutes_per_week),
                    active = COALESCE(\(d.active), active), updated_at = now()
                WHERE id = \(id.uuid) RETURNING id
                """, logger: db.logger).all(UUID.self)
            guard let row = rows.first else { return false }
            if let skills = d.skills {
                try await c.query("""
                    DELETE FROM volunteer_skills WHERE volunteer_id = \(row) AND NOT skill = ANY(\(skills.map(\.skill))::text[])
                    """, logger: db.logger).collectCount()
            }
            if d.availability != nil {
                try await c.query("DELETE FROM volunteer_availability WHERE volunteer_id = \(row)", logger: db.logger).collectCount()
            }
            if d.exceptions != nil {
                try await c.query("DELETE FROM volunteer_exceptions WHERE volunteer_id = \(row)", logger: db.logger).collectCount()
            }
            try await Self.writeChildren(row, d, c, db.logger)
            return true
        }
        guard found else { throw .notFound("volunteer") }
        return try await get(id)
    }

    static func binds(_ id: UUID) -> PostgresBindings {
        var b = PostgresBindings()
        b.append(id)
        return b
    }

    static func binds(_ text: String) -> PostgresBindings {
        var b = PostgresBindings()
        b.append(text)
        return b
    }

    private static func writeChildren(_ id: UUID, _ d: Volunteer.Draft, _ c: PostgresConnection, _ logger: Logger) async throws {
        let skills = d.skills ?? []
        if !skills.isEmpty {
            do {
                try await c.query("""
                    INSERT INTO volunteer_skills (volunteer_id, skill, expires_on)
                    SELECT \(id), s, NULLIF(e, '')::date FROM unnest(\(skills.map(\.skill)), \(skills.map { $0.expiresOn?.description ?? "" })) AS t(s, e)
                    ON CONFLICT (volunteer_id, skill) DO UPDATE SET expires_on = EXCLUDED.expires_on
                    WHERE volunteer_skills.expires_on IS DISTINCT FROM EXCLUDED.expires_on
                    """, logger: logger).collectCount()
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23503" {
                throw StoreError(.missingReference, field: "skills", message: "a skill is not in the skills list (GET /v1/skills)")
            }
        }
        let slots = d.availability ?? []
        if !slots.isEmpty {
            try await c.query("""
                INSERT INTO volunteer_availability (volunteer_id, weekday, starts_at, ends_at)
                SELECT \(id), w, s::time, e::time
                FROM unnest(\(slots.map(\.weekday)), \(slots.map(\.start.description)), \(slots.map(\.end.description))) AS t(w, s, e)
                ON CONFLICT DO NOTHING
                """, logger: logger).collectCount()
        }
        let exceptions = d.exceptions ?? []
        if !exceptions.isEmpty {
            try await c.query("""
                INSERT INTO volunteer_exceptions (volunteer_id, on_date, available, starts_at, ends_at)
                SELECT \(id), d::date, a, NULLIF(s, '')::time, NULLIF(e, '')::time
                FROM unnest(\(exceptions.map(\.date.description)), \(exceptions.map(\.available)),
                            \(exceptions.map { $0.start?.description ?? "" }), \(exceptions.map { $0.end?.description ?? "" })) AS t(d, a, s, e)
                ON CONFLICT DO NOTHING
                """, logger: logger).collectCount()
        }
    }

    public func get(_ id: Volunteer.ID) async throws(StoreError) -> Volunteer {
        let rows = try await db.withConnection { c in
            try await c.query(PostgresQuery(unsafeSQL: Self.select + " WHERE v.id = $1", binds: Self.binds(id.uuid)), logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("volunteer") }
        do { return try Self.make(row) } catch { throw StoreError.from(error) }
    }

    /// A volunteer by id or by phone (as the command line accepts either).
    public func find(_ idOrPhone: String) async throws(StoreError) -> Volunteer {
        if let id = Volunteer.ID(idOrPhone) { return try await get(id) }
        let phone = PhoneNumber.normalised(idOrPhone) ?? idOrPhone
        let rows = try await db.withConnection { c in
            try await c.query(PostgresQuery(unsafeSQL: Self.select + " WHERE v.phone = $1", binds: Self.binds(phone)), logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("volunteer") }
        do { return try Self.make(row) } catch { throw StoreError.from(error) }
    }

    public func list(_ filter: RegistryFilter, _ page: PageRequest) async throws(StoreError) -> Page<Volunteer> {
        var binds = PostgresBindings()
        binds.append(page.after)
        binds.append(filter.community?.uuid)
        binds.append(filter.unit?.uuid)
        binds.append(filter.skill)
        binds.append(page.limit + 1)
        let sql = Self.select + """
             WHERE ($1::uuid IS NULL OR v.id > $1) AND ($2::uuid IS NULL OR v.community_id = $2)
               AND ($3::uuid IS NULL OR v.unit_id = $3)
               AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM volunteer_skills s WHERE s.volunteer_id = v.id AND s.skill = $4))
             ORDER BY v.id LIMIT $5
            """
        let query = PostgresQuery(unsafeSQL: sql, binds: binds)
        let rows = try await db.withConnection { c in try await c.query(query, logger: db.logger).all(Row.self) }
        do { return try rows.page(limit: page.limit, id: \.0, map: Self.make) } catch { throw StoreError.from(error) }
    }

    /// The skills volunteers can hold, as (code, Chinese name, English name).
    public func skills() async throws(StoreError) -> [(code: String, nameZh: String, nameEn: String)] {
        let rows = try await db.withConnection { c in
            try await c.query("SELECT code, name_zh, name_en FROM skills ORDER BY code", logger: db.logger).all((String, String, String).self)
        }
        return rows.map { (code: $0.0, nameZh: $0.1, nameEn: $0.2) }
    }
}
