import Foundation
import LianjianDomain
import PostgresNIO

/// Who came to an event (`attendance`) and the service hours their sign-outs credit
/// (`service_hours`, append-only). Every entry of a request is checked before anything is
/// written, and all of them are written in one transaction or none is.
public struct AttendanceRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// One person's attendance at an event, as the API shows it.
    public struct Record: Sendable, Encodable, Equatable {
        public var volunteerID: Volunteer.ID
        public var roleID: UUID
        public var status: String
        public var walkIn: Bool
        public var signedInAt: Date?
        public var signedOutAt: Date?
        /// Minutes the sign-out credited (0 until signed out).
        public var creditedMinutes: Int

        enum CodingKeys: String, CodingKey {
            case status
            case volunteerID = "volunteer_id"
            case roleID = "role_id"
            case walkIn = "walk_in"
            case signedInAt = "signed_in_at"
            case signedOutAt = "signed_out_at"
            case creditedMinutes = "credited_minutes"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(volunteerID, forKey: .volunteerID)
            try c.encode(roleID.uuidString.lowercased(), forKey: .roleID)
            try c.encode(status, forKey: .status)
            try c.encode(walkIn, forKey: .walkIn)
            try c.encode(signedInAt?.rfc3339, forKey: .signedInAt)
            try c.encode(signedOutAt?.rfc3339, forKey: .signedOutAt)
            try c.encode(creditedMinutes, forKey: .creditedMinutes)
        }
    }

    /// The event as attendance needs it.
    struct EventFacts {
        var start: Date, end: Date, zone: TimeZone, project: UUID, community: UUID, unit: UUID?
        /// Role ids of the event, and who is published on each.
        var roles: Set<UUID>
        var rostered: [UUID: UUID]
    }

    /// Records `entries` for `event`, checked first as a whole: a person must be rostered on the
    /// event (or sign in as a walk-in to one of its roles), times must be near the event, a
    /// sign-out needs a sign-in before it. A sign-out credits the served minutes, rounded to
    /// `step`. - Returns: the event's attendance after the writes.
    public func record(_ event: Event.ID, _ entries: [AttendanceEntry], now: Date = Date(), step: Int = 30, window: Int = 120,
                       actor: String) async throws(StoreError) -> [Record] {
        try await db.transaction { c in
            let facts = try await Self.facts(event.uuid, c, db.logger)
            try await Self.refuseIfFinal(event.uuid, c, db.logger)
            for (i, entry) in entries.enumerated() {
                try await apply(entry, index: i, event: event.uuid, facts, now: now, step: step, window: window, actor: actor, c)
            }
            return try await Self.list(event.uuid, c, db.logger)
        }
    }

    /// The event's attendance, by role and person.
    public func attendance(_ event: Event.ID) async throws(StoreError) -> [Record] {
        try await db.withConnection { c in
            _ = try await Self.facts(event.uuid, c, db.logger)
            return try await Self.list(event.uuid, c, db.logger)
        }
    }

    func apply(_ entry: AttendanceEntry, index i: Int, event: UUID, _ facts: EventFacts, now: Date, step: Int, window: Int = 120,
               actor: String, _ c: PostgresConnection) async throws {
        let field = "entries[\(i)]"
        let who = entry.volunteerID.uuid
        let instant: Date
        do { instant = try entry.instant(in: facts.zone, now: now, field: "\(field).at") } catch {
            throw StoreError(.invalid, field: error.field, message: error.reason)
        }
        // Nobody is marked absent a week early either: every action is taken near the event.
        if !ServiceTime.near(instant, start: facts.start, end: facts.end, window: TimeInterval(window * 60)) {
            throw StoreError(.invalid, field: "\(field).at",
                             message: "is more than \(ServiceCertificate.hours(window)) hours before the event starts or after it ends")
        }
        let existing = try await c.query("""
            SELECT role_id, status, signed_in_at, signed_out_at FROM attendance WHERE event_id = \(event) AND volunteer_id = \(who)
            """, logger: db.logger).all((UUID, String, Date?, Date?).self).first
        if let asked = entry.roleID, !facts.roles.contains(asked) {
            throw StoreError(.invalid, field: "\(field).role_id", message: "is not a role of this event")
        }
        let role: UUID
        if let rostered = facts.rostered[who] {
            role = rostered
        } else if let existing {
            role = existing.0
        } else if let asked = entry.roleID, entry.action == .signIn {
            role = asked
        } else {
            throw StoreError(.invalid, field: "\(field).volunteer_id",
                             message: "is not rostered on this event; a walk-in signs in with the role_id of one of its roles")
        }
        switch entry.action {
        case .signIn:
            if existing?.3 != nil { throw StoreError(.conflict, field: "\(field).action", message: "has already signed out of this event") }
            try await c.query("""
                INSERT INTO attendance (role_id, volunteer_id, event_id, status, walk_in, signed_in_at)
                VALUES (\(role), \(who), \(event), 'present', \(facts.rostered[who] == nil), \(instant))
                ON CONFLICT (role_id, volunteer_id) DO UPDATE SET status = 'present', signed_in_at = \(instant), recorded_at = now()
                """, logger: db.logger).collectCount()
        case .noShow:
            if existing?.1 == "present" { throw StoreError(.conflict, field: "\(field).action", message: "has signed in to this event") }
            guard facts.rostered[who] != nil else {
                throw StoreError(.invalid, field: "\(field).volunteer_id", message: "is not rostered on this event")
            }
            try await c.query("""
                INSERT INTO attendance (role_id, volunteer_id, event_id, status) VALUES (\(role), \(who), \(event), 'no_show')
                ON CONFLICT (role_id, volunteer_id) DO NOTHING
                """, logger: db.logger).collectCount()
        case .signOut:
            guard let existing, existing.1 == "present", let signedIn = existing.2 else {
                throw StoreError(.invalid, field: "\(field).action", message: "needs a sign-in first")
            }
            if existing.3 != nil { throw StoreError(.conflict, field: "\(field).action", message: "has already signed out of this event") }
            guard instant > signedIn else { throw StoreError(.invalid, field: "\(field).at", message: "must be after the sign-in") }
            try await c.query("""
                UPDATE attendance SET signed_out_at = \(instant), recorded_at = now() WHERE role_id = \(existing.0) AND volunteer_id = \(who)
                """, logger: db.logger).collectCount()
            let minutes = ServiceTime.credit(signedIn: signedIn, signedOut: instant, start: facts.start, end: facts.end, step: step)
            try await c.query("""
                INSERT INTO service_hours (volunteer_id, unit_id, project_id, community_id, event_id, role_id, minutes, kind, recorded_by)
                SELECT v.id, v.unit_id, \(facts.project), \(facts.community), \(event), \(existing.0), \(minutes), 'credit', \(actor)
                FROM volunteers v WHERE v.id = \(who)
                """, logger: db.logger).collectCount()
        }
    }

    /// Refuses a change to an event whose hours its organiser has confirmed.
    static func refuseIfFinal(_ event: UUID, _ c: PostgresConnection, _ logger: Logger) async throws {
        let confirmed = try await c.query("SELECT 1 FROM event_hours_confirmations WHERE event_id = \(event)", logger: logger).all(Int.self)
        if !confirmed.isEmpty {
            throw StoreError(.conflict, field: "event", message: "has its hours confirmed by its organiser; they are final")
        }
    }

    static func facts(_ event: UUID, _ c: PostgresConnection, _ logger: Logger) async throws -> EventFacts {
        guard let row = try await c.query("""
            SELECT e.starts_at, e.ends_at, c.time_zone, e.project_id, e.community_id, p.unit_id
            FROM events e JOIN communities c ON c.id = e.community_id JOIN joint_projects p ON p.id = e.project_id
            WHERE e.id = \(event)
            """, logger: logger).all((Date, Date, String, UUID, UUID, UUID?).self).first else {
            throw StoreError.notFound("event")
        }
        let roles = try await c.query("SELECT id FROM event_roles WHERE event_id = \(event)", logger: logger).all(UUID.self)
        let rostered = try await c.query("""
            SELECT a.volunteer_id, a.role_id FROM published_assignments a JOIN event_roles r ON r.id = a.role_id WHERE r.event_id = \(event)
            """, logger: logger).all((UUID, UUID).self)
        return EventFacts(start: row.0, end: row.1, zone: TimeZone(identifier: row.2) ?? DisplayZone.standard, project: row.3,
                          community: row.4, unit: row.5, roles: Set(roles),
                          rostered: Dictionary(rostered.map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a }))
    }

    static func list(_ event: UUID, _ c: PostgresConnection, _ logger: Logger) async throws -> [Record] {
        try await c.query("""
            SELECT a.volunteer_id, a.role_id, a.status, a.walk_in, a.signed_in_at, a.signed_out_at,
                   coalesce((SELECT sum(h.minutes) FROM service_hours h WHERE h.role_id = a.role_id AND h.volunteer_id = a.volunteer_id), 0)::int8
            FROM attendance a WHERE a.event_id = \(event) ORDER BY a.role_id, a.volunteer_id
            """, logger: logger).all((UUID, UUID, String, Bool, Date?, Date?, Int).self).map {
            Record(volunteerID: .init($0.0), roleID: $0.1, status: $0.2, walkIn: $0.3, signedInAt: $0.4, signedOutAt: $0.5, creditedMinutes: $0.6)
        }
    }

    /// One entry of the service-hours ledger.
    public struct HoursEntry: Sendable, Encodable, Equatable {
        public var id: Int
        public var eventID: UUID
        public var title: String
        public var start: Date
        public var minutes: Int
        public var kind: String
        public var corrects: Int?
        public var reason: String
        public var recordedAt: Date

        enum CodingKeys: String, CodingKey {
            case id, title, start, minutes, kind, corrects, reason
            case eventID = "event_id"
            case recordedAt = "recorded_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(eventID.uuidString.lowercased(), forKey: .eventID)
            try c.encode(title, forKey: .title)
            try c.encode(start.rfc3339, forKey: .start)
            try c.encode(minutes, forKey: .minutes)
            try c.encode(kind, forKey: .kind)
            try c.encode(corrects, forKey: .corrects)
            try c.encode(reason, forKey: .reason)
            try c.encode(recordedAt.rfc3339, forKey: .recordedAt)
        }
    }

    /// A volunteer's ledger, oldest first, and its balance in minutes (the sum of the entries).
    public func hours(_ volunteer: Volunteer.ID) async throws(StoreError) -> (entries: [HoursEntry], minutes: Int) {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT h.id, h.event_id, e.title, e.starts_at, h.minutes, h.kind, h.corrects, h.reason, h.recorded_at
                FROM service_hours h JOIN events e ON e.id = h.event_id WHERE h.volunteer_id = \(volunteer.uuid) ORDER BY h.id
                """, logger: db.logger).all((Int, UUID, String, Date, Int32, String, Int?, String, Date).self)
        }
        let entries = rows.map { HoursEntry(id: $0.0, eventID: $0.1, title: $0.2, start: $0.3, minutes: Int($0.4), kind: $0.5, corrects: $0.6,
                                            reason: $0.7, recordedAt: $0.8) }
        return (entries, entries.reduce(0) { $0 + $1.minutes })
    }

    /// One line of an event's sign-in list: a rostered person (or a walk-in) and where they stand.
    public struct RollLine: Sendable {
        public var volunteerID: Volunteer.ID
        public var name: String
        public var skill: String
        public var status: String?
        public var signedInAt: Date?
        public var signedOutAt: Date?
        public var creditedMinutes: Int
    }

    /// The event's sign-in list: everyone published on it and every walk-in, by role and name.
    public func roll(_ event: Event.ID) async throws(StoreError) -> [RollLine] {
        try await db.withConnection { c in
            try await c.query("""
                WITH people AS (
                    SELECT a.role_id, a.volunteer_id FROM published_assignments a JOIN event_roles r ON r.id = a.role_id
                    WHERE r.event_id = \(event.uuid)
                    UNION
                    SELECT role_id, volunteer_id FROM attendance WHERE event_id = \(event.uuid)
                )
                SELECT p.volunteer_id, v.name, s.name_zh, t.status, t.signed_in_at, t.signed_out_at,
                       coalesce((SELECT sum(h.minutes) FROM service_hours h WHERE h.role_id = p.role_id AND h.volunteer_id = p.volunteer_id), 0)::int8
                FROM people p JOIN volunteers v ON v.id = p.volunteer_id JOIN event_roles r ON r.id = p.role_id JOIN skills s ON s.code = r.skill
                LEFT JOIN attendance t ON t.role_id = p.role_id AND t.volunteer_id = p.volunteer_id
                ORDER BY s.name_zh, v.name, p.volunteer_id
                """, logger: db.logger).all((UUID, String, String, String?, Date?, Date?, Int).self).map {
                RollLine(volunteerID: .init($0.0), name: $0.1, skill: $0.2, status: $0.3, signedInAt: $0.4, signedOutAt: $0.5, creditedMinutes: $0.6)
            }
        }
    }

    /// Corrects ledger entry `entry` of `volunteer` to `minutes`: a reversal of it and the corrected
    /// amount, both naming it and the reason, so the history stays as it was. An entry is
    /// corrected once (correct the correction after that). - Returns: the ledger after it.
    public func correct(_ volunteer: Volunteer.ID, entry: Int, minutes: Int, reason: String,
                        actor: String) async throws(StoreError) -> (entries: [HoursEntry], minutes: Int) {
        try await db.transaction { c in
            guard let row = try await c.query("""
                SELECT minutes, kind FROM service_hours WHERE id = \(entry) AND volunteer_id = \(volunteer.uuid)
                """, logger: db.logger).all((Int32, String).self).first else {
                throw StoreError(.notFound, field: "entry_id", message: "is not an entry of this volunteer's ledger")
            }
            guard row.1 != "reversal" else { throw StoreError(.invalid, field: "entry_id", message: "is a reversal; correct the entry it reverses") }
            for (amount, kind) in [(-Int(row.0), "reversal"), (minutes, "correction")] {
                try await c.query("""
                    INSERT INTO service_hours (volunteer_id, unit_id, project_id, community_id, event_id, role_id, minutes, kind, corrects, reason, recorded_by)
                    SELECT volunteer_id, unit_id, project_id, community_id, event_id, role_id, \(amount), \(kind), id, \(reason), \(actor)
                    FROM service_hours WHERE id = \(entry)
                    """, logger: db.logger).collectCount()
            }
            return ()
        }
        return try await hours(volunteer)
    }
}
