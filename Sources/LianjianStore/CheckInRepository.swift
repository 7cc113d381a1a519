import Foundation
import LianjianDomain
import PostgresNIO

/// An event's check-in code and a volunteer's own sign-in with it; an organiser's confirmation of
/// the event's hours (then final) and a volunteer's dispute before that.
public struct CheckInRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// An event's current check-in code and when it stops being good.
    public struct Code: Sendable, Equatable {
        public var code: String
        public var expiresAt: Date
    }

    /// The event's code, issued on first asking; `renew` replaces it (the old one stops working).
    public func code(_ event: Event.ID, renew: Bool = false, window: Int = 120) async throws(StoreError) -> Code {
        try await db.transaction { c in
            let facts = try await AttendanceRepository.facts(event.uuid, c, db.logger)
            let expires = CheckInCode.expiry(ofEventEnding: facts.end, window: TimeInterval(window * 60))
            let fresh = CheckInCode.make()
            // A code already given out stays as it is, unless the organiser asks for a new one.
            let row = try await c.query("""
                INSERT INTO event_checkin_codes (event_id, code, expires_at) VALUES (\(event.uuid), \(fresh), \(expires))
                ON CONFLICT (event_id) DO UPDATE SET code = CASE WHEN \(renew) THEN excluded.code ELSE event_checkin_codes.code END,
                    issued_at = CASE WHEN \(renew) THEN now() ELSE event_checkin_codes.issued_at END, expires_at = excluded.expires_at
                RETURNING code, expires_at
                """, logger: db.logger).all((String, Date).self)
            return Code(code: row[0].0, expiresAt: row[0].1)
        }
    }

    /// A volunteer signs themselves in (or, once in, out) with the event's code; a walk-in names
    /// one of the event's roles. - Returns: their attendance after it.
    public func checkIn(_ event: Event.ID, volunteer: Volunteer.ID, code typed: String, action: AttendanceEntry.Action?, roleID: UUID?,
                        now: Date = Date(), step: Int = 30, window: Int = 120) async throws(StoreError) -> AttendanceRepository.Record {
        try await db.transaction { c in
            let facts = try await AttendanceRepository.facts(event.uuid, c, db.logger)
            guard let row = try await c.query("SELECT code, expires_at FROM event_checkin_codes WHERE event_id = \(event.uuid)",
                                              logger: db.logger).all((String, Date).self).first,
                  let code = CheckInCode.normalised(typed), code == row.0 else {
                throw StoreError(.invalid, field: "code", message: "is not this event's check-in code")
            }
            if now > row.1 {
                throw StoreError(.invalid, field: "code", message: "has expired: the event ended more than \(ServiceCertificate.hours(window)) hours ago")
            }
            try await AttendanceRepository.refuseIfFinal(event.uuid, c, db.logger)
            let state = try await c.query("""
                SELECT signed_in_at IS NOT NULL FROM attendance WHERE event_id = \(event.uuid) AND volunteer_id = \(volunteer.uuid)
                """, logger: db.logger).all(Bool.self).first
            let chosen = action ?? (state == true ? .signOut : .signIn)
            guard chosen != .noShow else { throw StoreError(.invalid, field: "action", message: "must be sign_in or sign_out") }
            let entry = AttendanceEntry(volunteerID: volunteer, action: chosen, roleID: roleID)
            let attendance = AttendanceRepository(db)
            do {
                try await attendance.apply(entry, index: 0, event: event.uuid, facts, now: now, step: step, window: window,
                                           actor: "volunteer \(volunteer.uuid.uuidString.lowercased()) (check-in code)", c)
            } catch let error as StoreError {
                // The entry's fields are the request's own here, not `entries[0].…`.
                let prefix = "entries[0]."
                throw StoreError(error.code, field: error.field.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 },
                                 message: error.message)
            }
            let records = try await AttendanceRepository.list(event.uuid, c, db.logger)
            guard let mine = records.first(where: { $0.volunteerID == volunteer }) else { throw StoreError.notFound("attendance") }
            return mine
        }
    }

    /// Where an event's hours stand: confirmed (final) or open, and the disputes raised.
    public struct HoursState: Sendable, Encodable {
        public struct Dispute: Sendable, Encodable {
            public var volunteerID: Volunteer.ID
            public var name: String
            public var note: String
            public var raisedAt: String
            enum CodingKeys: String, CodingKey {
                case name, note
                case volunteerID = "volunteer_id"
                case raisedAt = "raised_at"
            }
        }
        public var confirmed: Bool
        public var confirmedAt: String?
        public var disputes: [Dispute]
        enum CodingKeys: String, CodingKey {
            case confirmed, disputes
            case confirmedAt = "confirmed_at"
        }
    }

    public func hoursState(_ event: Event.ID) async throws(StoreError) -> HoursState {
        try await db.withConnection { c in
            _ = try await AttendanceRepository.facts(event.uuid, c, db.logger)
            return try await Self.state(event.uuid, c, db.logger)
        }
    }

    static func state(_ event: UUID, _ c: PostgresConnection, _ logger: Logger) async throws -> HoursState {
        let confirmed = try await c.query("SELECT confirmed_at FROM event_hours_confirmations WHERE event_id = \(event)",
                                          logger: logger).all(Date.self).first
        let disputes = try await c.query("""
            SELECT d.volunteer_id, v.name, d.note, d.raised_at FROM hours_disputes d JOIN volunteers v ON v.id = d.volunteer_id
            WHERE d.event_id = \(event) ORDER BY d.raised_at, d.volunteer_id
            """, logger: logger).all((UUID, String, String, Date).self)
        return HoursState(confirmed: confirmed != nil, confirmedAt: confirmed?.rfc3339, disputes: disputes.map {
            .init(volunteerID: .init($0.0), name: $0.1, note: $0.2, raisedAt: $0.3.rfc3339)
        })
    }

    /// The organiser confirms the event's hours: refused while someone is signed in but not out,
    /// or before the event has ended. From then on its attendance and hours are final.
    public func confirm(_ event: Event.ID, now: Date = Date(), actor: String) async throws(StoreError) -> HoursState {
        try await db.transaction { c in
            let facts = try await AttendanceRepository.facts(event.uuid, c, db.logger)
            try await AttendanceRepository.refuseIfFinal(event.uuid, c, db.logger)
            if now < facts.end { throw StoreError(.conflict, field: "event", message: "has not ended yet; confirm its hours afterwards") }
            let open = try await c.query("""
                SELECT count(*) FROM attendance WHERE event_id = \(event.uuid) AND status = 'present' AND signed_out_at IS NULL
                """, logger: db.logger).all(Int.self).first ?? 0
            if open > 0 {
                throw StoreError(.conflict, field: "attendance", message: "has \(open) people signed in but not out; sign them out first")
            }
            try await c.query("INSERT INTO event_hours_confirmations (event_id, confirmed_by) VALUES (\(event.uuid), \(actor))",
                              logger: db.logger).collectCount()
            return try await Self.state(event.uuid, c, db.logger)
        }
    }

    /// A volunteer disputes their hours at an event, with a note, until the organiser confirms
    /// them; a second dispute replaces the first's note.
    public func dispute(_ event: Event.ID, volunteer: Volunteer.ID, note: String) async throws(StoreError) -> HoursState {
        try await db.transaction { c in
            _ = try await AttendanceRepository.facts(event.uuid, c, db.logger)
            try await AttendanceRepository.refuseIfFinal(event.uuid, c, db.logger)
            let took = try await c.query("""
                SELECT 1 FROM attendance WHERE event_id = \(event.uuid) AND volunteer_id = \(volunteer.uuid)
                UNION ALL SELECT 1 FROM published_assignments a JOIN event_roles r ON r.id = a.role_id
                WHERE r.event_id = \(event.uuid) AND a.volunteer_id = \(volunteer.uuid)
                """, logger: db.logger).all(Int.self)
            if took.isEmpty { throw StoreError(.invalid, field: "volunteer_id", message: "was neither rostered on this event nor signed in to it") }
            try await c.query("""
                INSERT INTO hours_disputes (event_id, volunteer_id, note) VALUES (\(event.uuid), \(volunteer.uuid), \(note))
                ON CONFLICT (event_id, volunteer_id) DO UPDATE SET note = excluded.note, raised_at = now()
                """, logger: db.logger).collectCount()
            return try await Self.state(event.uuid, c, db.logger)
        }
    }
}
