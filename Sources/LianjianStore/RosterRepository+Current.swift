import Foundation
import LianjianDomain
import PostgresNIO

extension RosterRepository {
    /// What is published now for a community's events in a range, whichever versions it came
    /// from: each event's roles, the version current for each, and its people with their answers.
    /// Roles nobody has published are listed with no people. Phone numbers are left out.
    public struct Current: Sendable, Encodable {
        public var communityID: Community.ID
        public var from: LocalDate
        public var to: LocalDate
        public var events: [Event]

        public struct Event: Sendable, Encodable {
            public var eventID: UUID
            public var title: String
            public var venue: String
            public var start: Date
            public var end: Date
            public var roles: [Role]

            enum CodingKeys: String, CodingKey { case title, venue, start, end, roles, eventID = "event_id" }

            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encodeID(eventID, forKey: .eventID)
                try c.encode(title, forKey: .title)
                try c.encode(venue, forKey: .venue)
                try c.encode(start.rfc3339, forKey: .start)
                try c.encode(end.rfc3339, forKey: .end)
                try c.encode(roles, forKey: .roles)
            }
        }

        public struct Role: Sendable, Encodable {
            public var roleID: UUID
            public var skill: String
            public var skillName: String
            public var required: Int
            /// The version current for the role; `nil` when none was published for it.
            public var versionID: UUID?
            public var people: [Person]

            enum CodingKeys: String, CodingKey {
                case skill, required, people
                case roleID = "role_id", skillName = "skill_name", versionID = "version_id"
            }

            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encodeID(roleID, forKey: .roleID)
                try c.encode(skill, forKey: .skill)
                try c.encode(skillName, forKey: .skillName)
                try c.encode(required, forKey: .required)
                try c.encodeID(versionID, forKey: .versionID)
                try c.encode(people, forKey: .people)
            }
        }

        public struct Person: Sendable, Encodable {
            public var volunteerID: UUID
            public var name: String
            public var unit: String
            public var response: String?
            public var pinned: Bool

            enum CodingKeys: String, CodingKey { case name, unit, response, pinned, volunteerID = "volunteer_id" }

            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encodeID(volunteerID, forKey: .volunteerID)
                try c.encode(name, forKey: .name)
                try c.encode(unit, forKey: .unit)
                try c.encode(response, forKey: .response)
                try c.encode(pinned, forKey: .pinned)
            }
        }

        enum CodingKeys: String, CodingKey { case from, to, events, communityID = "community_id" }
    }

    /// The community's current roster for the scheduled events starting in `[start, end)`.
    public func current(community: Community.ID, from: LocalDate, to: LocalDate, start: Date, end: Date) async throws(StoreError) -> Current {
        typealias Row = (UUID, String, String, Date, Date, UUID, String, String, Int32, UUID?, UUID?, String?, String?, String?, Bool)
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT e.id, e.title, e.venue, e.starts_at, e.ends_at, r.id, r.skill, coalesce(k.name_zh, r.skill), r.required, p.version_id,
                       a.volunteer_id, v.name, coalesce(u.name, ''), x.response, coalesce(o.kind = 'pinned', false)
                FROM events e JOIN event_roles r ON r.event_id = e.id LEFT JOIN skills k ON k.code = r.skill
                LEFT JOIN published_roles p ON p.role_id = r.id
                LEFT JOIN published_assignments a ON a.role_id = r.id
                LEFT JOIN volunteers v ON v.id = a.volunteer_id LEFT JOIN partner_units u ON u.id = v.unit_id
                LEFT JOIN assignment_responses x ON x.role_id = a.role_id AND x.volunteer_id = a.volunteer_id
                LEFT JOIN roster_overrides o ON o.role_id = a.role_id AND o.volunteer_id = a.volunteer_id
                WHERE e.community_id = \(community.uuid) AND e.status = 'scheduled' AND e.starts_at >= \(start) AND e.starts_at < \(end)
                ORDER BY e.starts_at, e.id, r.skill, r.id, v.name, a.volunteer_id
                """, logger: db.logger).all(Row.self)
        }
        var events: [Current.Event] = []
        for r in rows {
            if events.last?.eventID != r.0 { events.append(.init(eventID: r.0, title: r.1, venue: r.2, start: r.3, end: r.4, roles: [])) }
            if events[events.count - 1].roles.last?.roleID != r.5 {
                events[events.count - 1].roles.append(.init(roleID: r.5, skill: r.6, skillName: r.7, required: Int(r.8), versionID: r.9, people: []))
            }
            guard let volunteer = r.10 else { continue }
            let roles = events[events.count - 1].roles.count
            events[events.count - 1].roles[roles - 1].people.append(.init(volunteerID: volunteer, name: r.11 ?? "", unit: r.12 ?? "", response: r.13, pinned: r.14))
        }
        return Current(communityID: community, from: from, to: to, events: events)
    }
}
