import Foundation
import LianjianDomain
import PostgresNIO

/// Calendar-feed keys: one per volunteer, read-only, revocable, never expiring by themselves.
/// The key is handed out once and stored only as a SHA-256 hash (see `sql/0009_…`).
public struct FeedKeyRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// A new key for the volunteer's feed; the previous key (and its URL) stops working at once.
    public func rotate(_ volunteer: Volunteer.ID) async throws(StoreError) -> String {
        let key = "cal_" + TokenRepository.newSecret().dropFirst(3)
        try await db.withConnection { c in
            try await c.query("""
                INSERT INTO calendar_feed_keys (volunteer_id, token_hash) VALUES (\(volunteer.uuid), sha256(convert_to(\(key), 'UTF8')))
                ON CONFLICT (volunteer_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()
                """, logger: db.logger).collectCount()
        }
        return key
    }

    /// Ends the volunteer's feed URL; `false` when there was none.
    public func revoke(_ volunteer: Volunteer.ID) async throws(StoreError) -> Bool {
        try await db.withConnection { c in
            try await c.query("DELETE FROM calendar_feed_keys WHERE volunteer_id = \(volunteer.uuid) RETURNING 1", logger: db.logger).collectCount()
        } == 1
    }

    /// The volunteer whose feed `key` opens, or `nil` for an unknown or revoked key.
    public func volunteer(for key: String) async throws(StoreError) -> Volunteer.ID? {
        guard key.hasPrefix("cal_"), key.count < 100 else { return nil }
        let rows = try await db.withConnection { c in
            try await c.query("SELECT volunteer_id FROM calendar_feed_keys WHERE token_hash = sha256(convert_to(\(key), 'UTF8'))",
                              logger: db.logger).all(UUID.self)
        }
        return rows.first.map { .init($0) }
    }
}
