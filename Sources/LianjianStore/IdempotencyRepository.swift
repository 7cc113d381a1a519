import Foundation
import PostgresNIO

/// Remembers the response to a POST sent with an `Idempotency-Key`, so a retry creates nothing twice.
public struct IdempotencyRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// What to do with a request that carries a key.
    public enum Outcome: Sendable, Equatable {
        /// First time: do the work, then call ``finish(scope:key:status:body:)``.
        case proceed
        /// Seen before with the same body: send this response again.
        case replay(status: Int, body: Data)
        /// Seen before with a different body.
        case mismatch
        /// The first request with this key is still being handled.
        case inProgress
    }

    public func begin(scope: String, key: String, requestHash: String) async throws(StoreError) -> Outcome {
        let claimed = try await db.withConnection { c in
            try await c.query("""
                INSERT INTO idempotency_keys (scope, key, request_hash, status, body)
                VALUES (\(scope), \(key), \(requestHash), 0, ''::bytea) ON CONFLICT DO NOTHING RETURNING 1
                """, logger: db.logger).collectCount()
        }
        if claimed == 1 { return .proceed }
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT request_hash, status, encode(body, 'base64') FROM idempotency_keys WHERE scope = \(scope) AND key = \(key)
                """, logger: db.logger).all((String, Int, String).self)
        }
        guard let (hash, status, body) = rows.first else { return .inProgress }
        if hash != requestHash { return .mismatch }
        if status == 0 { return .inProgress }
        return .replay(status: status, body: Data(base64Encoded: body.filter { !$0.isWhitespace }) ?? Data())
    }

    public func finish(scope: String, key: String, status: Int, body: Data) async throws(StoreError) {
        let encoded = body.base64EncodedString()
        try await db.withConnection { c in
            try await c.query("""
                UPDATE idempotency_keys SET status = \(status), body = decode(\(encoded), 'base64')
                WHERE scope = \(scope) AND key = \(key)
                """, logger: db.logger).collectCount()
        }
    }

    /// Forgets a key whose request failed, so the client may retry it.
    public func abandon(scope: String, key: String) async {
        _ = try? await db.withConnection { c in
            try await c.query("DELETE FROM idempotency_keys WHERE scope = \(scope) AND key = \(key)", logger: db.logger).collectCount()
        }
    }
}
