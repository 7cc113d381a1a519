import Foundation
import LianjianDomain
import PostgresNIO

/// Residents of a community and the events they take part in. Registering or cancelling a
/// participant recomputes how many volunteers each of the event's roles needs.
public struct ParticipantRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    static let columns = "id, community_id, name, building, phone, needs"
    typealias Row = (UUID, UUID, String, String, String, [String])
    static func make(_ r: Row) -> Resident {
        Resident(id: .init(r.0), communityID: .init(r.1), name: r.2, building: r.3, phone: r.4, needs: r.5)
    }

    public func createResident(in community: Community.ID, _ d: Resident.Draft) async throws(StoreError) -> Resident {
        let rows = try await db.withConnection { c in
            try await c.query("""
                INSERT INTO residents (community_id, name, building, phone, needs)
                VALUES (\(community.uuid), \(d.name), \(d.building ?? ""), \(d.phone.flatMap(PhoneNumber.normalised) ?? d.phone ?? ""), \(d.needs ?? [])::text[])
                RETURNING \(unescaped: Self.columns)
                """, logger: db.logger).all(Row.self)
        }
        return Self.make(rows[0])
    }

    public func residents(of community: Community.ID) async throws(StoreError) -> [Resident] {
        let rows = try await db.withConnection { c in
            try await c.query("SELECT \(unescaped: Self.columns) FROM residents WHERE community_id = \(community.uuid) ORDER BY building, name, id",
                              logger: db.logger).all(Row.self)
        }
        return rows.map(Self.make)
    }

    public func participants(of event: Event.ID) async throws(StoreError) -> [Resident] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.columns.split(separator: ",").map { "r." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", "))
                FROM event_participants p JOIN residents r ON r.id = p.resident_id
                WHERE p.event_id = \(event.uuid) ORDER BY r.building, r.name, r.id
                """, logger: db.logger).all(Row.self)
        }
        return rows.map(Self.make)
    }

    /// Registers a resident of the event's community for a scheduled event.
    public func register(_ resident: Resident.ID, for event: Event.ID) async throws(StoreError) {
        try await db.transaction { c in
            let ok = try await c.query("""
                SELECT (SELECT status FROM events WHERE id = \(event.uuid) FOR UPDATE),
                       (SELECT e.community_id = r.community_id FROM events e, residents r WHERE e.id = \(event.uuid) AND r.id = \(resident.uuid))
                """, logger: db.logger).all((String?, Bool?).self)[0]
            guard let status = ok.0 else { throw StoreError.notFound("event") }
            guard status == "scheduled" else { throw StoreError(.invalid, field: "event", message: "the event is cancelled") }
            guard ok.1 == true else { throw StoreError(.missingReference, field: "resident_id", message: "no such resident in the event's community") }
            try await c.query("""
                INSERT INTO event_participants (event_id, resident_id) VALUES (\(event.uuid), \(resident.uuid)) ON CONFLICT DO NOTHING
                """, logger: db.logger)
            try await Self.recompute(event, c, db.logger)
        }
    }

    public func unregister(_ resident: Resident.ID, from event: Event.ID) async throws(StoreError) {
        try await db.transaction { c in
            let gone = try await c.query("""
                DELETE FROM event_participants WHERE event_id = \(event.uuid) AND resident_id = \(resident.uuid) RETURNING resident_id
                """, logger: db.logger).all(UUID.self)
            guard !gone.isEmpty else { throw StoreError.notFound("participant") }
            try await Self.recompute(event, c, db.logger)
        }
    }

    /// Sets every role's `required` from its rule and the participants' needs.
    static func recompute(_ event: Event.ID, _ c: PostgresConnection, _ logger: Logger) async throws {
        let needs = try await c.query("""
            SELECT r.needs FROM event_participants p JOIN residents r ON r.id = p.resident_id WHERE p.event_id = \(event.uuid)
            """, logger: logger).all([String].self)
        let roles = try await EventRepository.events("e.id = $1", [event.uuid], c, logger).first?.roles ?? []
        let required = roles.map { $0.rule.required(participants: needs) }
        try await c.query("""
            UPDATE event_roles r SET required = t.n FROM unnest(\(roles.map(\.id))::uuid[], \(required)::int[]) AS t(id, n) WHERE r.id = t.id
            """, logger: logger)
    }
}
