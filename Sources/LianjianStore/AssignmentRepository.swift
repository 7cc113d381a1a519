import Foundation
import LianjianDomain
import PostgresNIO

/// A volunteer's published assignments and their answers to them.
public struct AssignmentRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// One published assignment as its volunteer sees it.
    public struct Item: Sendable, Encodable {
        public var roleID: UUID
        public var eventID: UUID
        public var title: String
        public var venue: String
        public var skill: String
        public var start: Date
        public var end: Date
        public var response: String?
        /// The reason given with the answer, if any.
        public var reason: String?
        /// The event's community's zone, in which the times are written.
        public var zone: TimeZone?

        enum CodingKeys: String, CodingKey {
            case title, venue, skill, start, end, response, reason
            case roleID = "role_id"
            case eventID = "event_id"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeID(roleID, forKey: .roleID)
            try c.encodeID(eventID, forKey: .eventID)
            try c.encode(title, forKey: .title)
            try c.encode(venue, forKey: .venue)
            try c.encode(skill, forKey: .skill)
            try c.encode(start.rfc3339(in: zone ?? DisplayZone.current), forKey: .start)
            try c.encode(end.rfc3339(in: zone ?? DisplayZone.current), forKey: .end)
            try c.encode(response, forKey: .response)
            try c.encodeIfPresent(reason, forKey: .reason)
        }
    }

    /// The volunteer's assignments in published rosters, soonest first.
    public func published(for volunteer: Volunteer.ID) async throws(StoreError) -> [Item] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT r.id, e.id, e.title, e.venue, r.skill, e.starts_at, e.ends_at, x.response, nullif(x.reason, ''),
                       (SELECT time_zone FROM communities WHERE id = e.community_id)
                FROM published_assignments a
                JOIN event_roles r ON r.id = a.role_id JOIN events e ON e.id = r.event_id
                LEFT JOIN assignment_responses x ON x.role_id = a.role_id AND x.volunteer_id = a.volunteer_id
                WHERE a.volunteer_id = \(volunteer.uuid) AND e.status = 'scheduled'
                ORDER BY e.starts_at, r.id
                """, logger: db.logger).all((UUID, UUID, String, String, String, Date, Date, String?, String?, String).self)
        }
        return rows.map { Item(roleID: $0.0, eventID: $0.1, title: $0.2, venue: $0.3, skill: $0.4, start: $0.5, end: $0.6, response: $0.7, reason: $0.8,
                                 zone: TimeZone(identifier: $0.9)) }
    }

    /// Records a volunteer's answer to an assignment of the published roster, with an optional
    /// reason; `organiser`, when set, is the community the answer must belong to (an organiser
    /// answering for a volunteer rostered there). A confirmed pair is pinned in the next
    /// generation; a declined one frees the slot for someone else.
    public func respond(_ volunteer: Volunteer.ID, role: UUID, confirmed: Bool, reason: String = "",
                        organiser: Community.ID? = nil) async throws(StoreError) {
        let response = confirmed ? "confirmed" : "declined"
        let rows = try await db.withConnection { c in
            try await c.query("""
                INSERT INTO assignment_responses (role_id, volunteer_id, response, reason, recorded_by)
                SELECT a.role_id, a.volunteer_id, \(response), \(reason), coalesce(nullif(current_setting('lianjian.actor', true), ''), session_user)
                FROM published_assignments a JOIN event_roles r ON r.id = a.role_id JOIN events e ON e.id = r.event_id
                WHERE a.role_id = \(role) AND a.volunteer_id = \(volunteer.uuid) AND (\(organiser?.uuid)::uuid IS NULL OR e.community_id = \(organiser?.uuid))
                ON CONFLICT (role_id, volunteer_id) DO UPDATE
                    SET response = excluded.response, responded_at = now(), reason = excluded.reason, recorded_by = excluded.recorded_by
                RETURNING role_id
                """, logger: db.logger).all(UUID.self)
        }
        guard !rows.isEmpty else { throw .notFound("assignment") }
    }
}
