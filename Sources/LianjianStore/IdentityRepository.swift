import Foundation
import LianjianDomain
import PostgresNIO

/// What a certificate names of a volunteer: the ID document's type and last four characters
/// (never the whole number) and their volunteer number.
public struct IdentityRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The identity as stored: nothing in it is more than a certificate prints.
    public struct Identity: Sendable, Encodable, Equatable {
        public var kind: IdentityDocument.Kind
        public var last4: String
        public var volunteerNumber: String

        public var masked: String { IdentityDocument.masked(last4: last4, kind: kind) }

        enum CodingKeys: String, CodingKey {
            case kind = "id_type", masked = "id_number", volunteerNumber = "volunteer_number"
        }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind.rawValue, forKey: .kind)
            try c.encode(masked, forKey: .masked)
            try c.encode(volunteerNumber, forKey: .volunteerNumber)
        }
    }

    /// Records `document` (checked already) for `volunteer`, replacing what was there.
    public func set(_ volunteer: Volunteer.ID, _ document: IdentityDocument, volunteerNumber: String) async throws(StoreError) -> Identity {
        try await db.withConnection { c in
            let found = try await c.query("SELECT 1 FROM volunteers WHERE id = \(volunteer.uuid)", logger: db.logger).all(Int.self)
            guard !found.isEmpty else { throw StoreError.notFound("volunteer") }
            try await c.query("""
                INSERT INTO volunteer_identities (volunteer_id, id_type, id_last4, volunteer_number)
                VALUES (\(volunteer.uuid), \(document.kind.rawValue), \(document.last4), \(volunteerNumber))
                ON CONFLICT (volunteer_id) DO UPDATE SET id_type = excluded.id_type, id_last4 = excluded.id_last4,
                    volunteer_number = excluded.volunteer_number, updated_at = now()
                """, logger: db.logger).collectCount()
            return Identity(kind: document.kind, last4: document.last4, volunteerNumber: volunteerNumber)
        }
    }

    public func get(_ volunteer: Volunteer.ID) async throws(StoreError) -> Identity? {
        try await db.withConnection { c in try await Self.get(volunteer.uuid, c, db.logger) }
    }

    static func get(_ volunteer: UUID, _ c: PostgresConnection, _ logger: Logger) async throws -> Identity? {
        try await c.query("""
            SELECT id_type, id_last4, volunteer_number FROM volunteer_identities WHERE volunteer_id = \(volunteer)
            """, logger: logger).all((String, String, String).self).first.flatMap { row in
            IdentityDocument.Kind(rawValue: row.0).map { Identity(kind: $0, last4: row.1, volunteerNumber: row.2) }
        }
    }
}
