import Foundation
import LianjianDomain
import PostgresNIO

/// The key download links are signed with when none is configured: made once and kept in the
/// database (`sql/0013_…`), so that every server process signs and checks links alike.
public struct DownloadKeyRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The stored key (32 random bytes), made now if there is none yet. Two processes racing
    /// here both read the one key the first of them stored.
    public func key() async throws(StoreError) -> [UInt8] {
        var rng = SystemRandomNumberGenerator()
        let fresh = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) })
        let rows = try await db.withConnection { c in
            // Two statements: the SELECT's snapshot must see a key another process committed meanwhile.
            try await c.query("INSERT INTO download_keys (id, signing_key) VALUES (1, \(fresh)) ON CONFLICT (id) DO NOTHING",
                              logger: db.logger).collectCount()
            return try await c.query("SELECT signing_key FROM download_keys WHERE id = 1", logger: db.logger).all(Data.self)
        }
        guard let key = rows.first, key.count >= 32 else { throw StoreError(.schema, message: "the download key is missing") }
        return Array(key)
    }
}
