import Foundation
import LianjianDomain
import PostgresNIO

/// What exports read: roster lines, a volunteer's feed, an event's sheet, companion groups.
public struct SheetRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// A roster line with what its volunteer belongs to (for masking).
    public typealias OwnedLine = (line: RosterLine, owner: Principal.Owner)

    /// The lines of `source`: `roster_assignments` (one version's) or `published_assignments` (what is current).
    static func lineSelect(_ source: String) -> String { """
        SELECT r.id, v.id, e.starts_at, e.ends_at, e.title, e.venue, coalesce(k.name_zh, r.skill), v.name, coalesce(u.name, ''), v.phone, x.response,
               v.community_id, v.unit_id, coalesce(k.name_en, r.skill)
        FROM \(source) a
        JOIN event_roles r ON r.id = a.role_id JOIN events e ON e.id = r.event_id JOIN volunteers v ON v.id = a.volunteer_id
        LEFT JOIN skills k ON k.code = r.skill
        LEFT JOIN partner_units u ON u.id = v.unit_id
        LEFT JOIN assignment_responses x ON x.role_id = a.role_id AND x.volunteer_id = a.volunteer_id
        """ }

    static func lines(_ rows: [(UUID, UUID, Date, Date, String, String, String, String, String, String, String?, UUID, UUID?, String)]) -> [OwnedLine] {
        rows.map { r in
            (RosterLine(roleID: r.0, volunteerID: .init(r.1), start: r.2, end: r.3, event: r.4, venue: r.5, skill: r.6, skillEnglish: r.13, volunteer: r.7,
                        unit: r.8, phone: r.9, response: r.10),
             Principal.Owner(community: .init(r.11), unit: r.12.map { .init($0) }, volunteer: .init(r.1)))
        }
    }

    /// Every line of a roster version, in time order.
    public func lines(version: UUID) async throws(StoreError) -> [OwnedLine] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                \(unescaped: Self.lineSelect("roster_assignments")) WHERE a.version_id = \(version) AND e.status = 'scheduled' ORDER BY e.starts_at, e.title, r.skill, v.name
                """, logger: db.logger).all((UUID, UUID, Date, Date, String, String, String, String, String, String, String?, UUID, UUID?, String).self)
        }
        return Self.lines(rows)
    }

    /// A volunteer's published assignments, in time order.
    public func lines(volunteer: Volunteer.ID) async throws(StoreError) -> [OwnedLine] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                \(unescaped: Self.lineSelect("published_assignments")) WHERE a.volunteer_id = \(volunteer.uuid) AND e.status = 'scheduled'
                ORDER BY e.starts_at
                """, logger: db.logger).all((UUID, UUID, Date, Date, String, String, String, String, String, String, String?, UUID, UUID?, String).self)
        }
        return Self.lines(rows)
    }

    /// The published, not declined, volunteers of an event's roles.
    func staff(_ event: Event.ID, _ c: PostgresConnection) async throws -> [(role: UUID, volunteer: UUID, skill: String, name: String, unit: String, phone: String)] {
        try await c.query("""
            SELECT r.id, v.id, r.skill, v.name, coalesce(u.name, ''), v.phone
            FROM published_assignments a
            JOIN event_roles r ON r.id = a.role_id JOIN volunteers v ON v.id = a.volunteer_id LEFT JOIN partner_units u ON u.id = v.unit_id
            WHERE r.event_id = \(event.uuid) AND NOT EXISTS (SELECT 1 FROM assignment_responses x
                WHERE x.role_id = a.role_id AND x.volunteer_id = a.volunteer_id AND x.response = 'declined')
            ORDER BY r.skill, v.name, v.id
            """, logger: db.logger).all((UUID, UUID, String, String, String, String).self).map { ($0.0, $0.1, $0.2, $0.3, $0.4, $0.5) }
    }

    /// Assigns the event's participants to its rostered companions (every role staffed by ratio)
    /// and stores the groups, keeping the pairings of the project's previous event with groups.
    public func assignGroups(_ event: Event.ID) async throws(StoreError) -> CompanionGroups.Result {
        let e = try await EventRepository(db).get(event)
        guard let role = e.roles.first(where: { $0.rule.perParticipants != nil }) else {
            throw StoreError(.invalid, field: "roles", message: "the event has no role staffed by ratio (companions)")
        }
        let participants = try await ParticipantRepository(db).participants(of: event)
        return try await db.transaction { c in
            let companions = try await self.staff(event, c).filter { $0.role == role.id }.map { $0.volunteer.lower }
            let previous = try await c.query("""
                SELECT g.resident_id, g.volunteer_id FROM companion_groups g WHERE g.event_id = (
                    SELECT p.id FROM events p WHERE p.project_id = \(e.projectID.uuid) AND p.starts_at < \(e.start)
                      AND EXISTS (SELECT 1 FROM companion_groups x WHERE x.event_id = p.id) ORDER BY p.starts_at DESC LIMIT 1)
                """, logger: db.logger).all((UUID, UUID).self)
            let rule = CompanionGroups(ratio: role.rule.perParticipants ?? 1, overrides: role.rule.needs ?? [:])
            let result = rule.assign(companions: companions,
                                     participants: participants.map { .init(id: $0.id.description, building: $0.building, needs: $0.needs) },
                                     previous: Dictionary(previous.map { ($0.0.lower, $0.1.lower) }, uniquingKeysWith: { a, _ in a }))
            let pairs = result.groups.flatMap { c, residents in residents.map { (UUID(uuidString: $0)!, UUID(uuidString: c)!) } }
            try await c.query("DELETE FROM companion_groups WHERE event_id = \(event.uuid)", logger: db.logger)
            try await c.query("""
                INSERT INTO companion_groups (event_id, resident_id, volunteer_id)
                SELECT \(event.uuid), r, v FROM unnest(\(pairs.map(\.0))::uuid[], \(pairs.map(\.1))::uuid[]) AS t(r, v)
                """, logger: db.logger)
            return result
        }
    }

    /// The printable sheet of an event: the published people of each role, or, for a role not
    /// yet published, the newest draft's (and the sheet says it is a draft).
    public func sheet(_ event: Event.ID) async throws(StoreError) -> EventSheet {
        let e = try await EventRepository(db).get(event)
        let community = try await CommunityRepository(db).get(e.communityID)
        let project = try await ProjectRepository(db).get(e.projectID)
        let unit = try await UnitRepository(db).get(project.unitID)
        let participants = try await ParticipantRepository(db).participants(of: event)
        let repo = self
        let (staff, roster, roles, groups) = try await db.withConnection { c in
            let (staff, roster) = try await repo.sheetStaff(e, day: LocalDate(e.start, in: community.zone), c)
            let roles = try await c.query("""
                SELECT coalesce(k.name_zh, r.skill), r.required FROM event_roles r LEFT JOIN skills k ON k.code = r.skill
                WHERE r.event_id = \(event.uuid) ORDER BY r.skill
                """, logger: db.logger).all((String, Int).self)
            let groups = try await c.query("""
                SELECT v.name, g.resident_id FROM companion_groups g JOIN volunteers v ON v.id = g.volunteer_id
                WHERE g.event_id = \(event.uuid) ORDER BY v.name, g.resident_id
                """, logger: db.logger).all((String, UUID).self)
            return (staff, roster, roles, groups)
        }
        var grouped: [(companion: String, residents: [String])] = []
        for (name, resident) in groups {
            if grouped.last?.companion == name { grouped[grouped.count - 1].residents.append(resident.lower) } else { grouped.append((name, [resident.lower])) }
        }
        return EventSheet(title: e.title, venue: e.venue, start: e.start, end: e.end, zone: community.zone, staff: staff,
                          participants: participants.map { EventSheet.Person(id: $0.id.description, name: $0.name, building: $0.building, needs: $0.needs, phone: $0.phone) },
                          groups: grouped, roster: roster, community: community.name, project: project.title, unit: unit,
                          roles: roles.map { (skill: $0.0, required: $0.1) })
    }

    /// The people of an event's roles as the sheet prints them (not those who declined), and
    /// where they come from. A role with no published answer takes the newest draft of the
    /// event's community (or the whole district) whose problem has the role.
    func sheetStaff(_ e: Event, day: LocalDate, _ c: PostgresConnection) async throws -> ([EventSheet.Staff], EventSheet.Roster) {
        let published = try await c.query("""
            SELECT count(*) FROM published_roles p JOIN event_roles r ON r.id = p.role_id WHERE r.event_id = \(e.id.uuid)
            """, logger: db.logger).all(Int.self).first ?? 0
        let drafts = try await c.query("""
            SELECT DISTINCT ON (r.id) r.id, v.id
            FROM event_roles r
            JOIN roster_versions v ON v.status = 'draft' AND (v.community_id = \(e.communityID.uuid) OR v.community_id IS NULL)
                 AND v.range_from <= \(day.description)::date AND v.range_to >= \(day.description)::date
            WHERE r.event_id = \(e.id.uuid) AND NOT EXISTS (SELECT 1 FROM published_roles p WHERE p.role_id = r.id)
              AND EXISTS (SELECT 1 FROM jsonb_array_elements(v.problem -> 'shifts') x WHERE (x ->> 'id')::uuid = r.id)
            ORDER BY r.id, v.created_at DESC, v.id
            """, logger: db.logger).all((UUID, UUID).self)
        let rows = try await c.query("""
            WITH people AS (
                SELECT a.role_id, a.volunteer_id, false AS draft FROM published_assignments a JOIN event_roles r ON r.id = a.role_id
                WHERE r.event_id = \(e.id.uuid)
                UNION ALL
                SELECT a.role_id, a.volunteer_id, true FROM roster_assignments a
                JOIN unnest(\(drafts.map(\.0))::uuid[], \(drafts.map(\.1))::uuid[]) AS d(role_id, version_id)
                  ON a.role_id = d.role_id AND a.version_id = d.version_id)
            SELECT p.draft, coalesce(k.name_zh, r.skill), v.name, coalesce(u.name, ''), v.phone
            FROM people p JOIN event_roles r ON r.id = p.role_id LEFT JOIN skills k ON k.code = r.skill
            JOIN volunteers v ON v.id = p.volunteer_id LEFT JOIN partner_units u ON u.id = v.unit_id
            WHERE NOT EXISTS (SELECT 1 FROM assignment_responses x
                WHERE x.role_id = p.role_id AND x.volunteer_id = p.volunteer_id AND x.response = 'declined')
            ORDER BY r.skill, v.name, v.id
            """, logger: db.logger).all((Bool, String, String, String, String).self)
        let staff = rows.map { EventSheet.Staff(skill: $0.1, name: $0.2, unit: $0.3, phone: $0.4, draft: $0.0) }
        let roster: EventSheet.Roster = !drafts.isEmpty ? .draft : published > 0 ? .published : .none
        return (staff, roster)
    }
}
