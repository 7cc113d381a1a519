import Foundation
import PostgresNIO

/// Remembers the response to a POST sent with an `Idempotency-Key`, so a retry creates nothing
/// twice, even across a crash (see `sql/0007_idempotency_lease.sql` and ``IdempotencyFence``).
public struct IdempotencyRepository: Sendable {
    let db: Database
    /// How long a request holds its key before a retry may take it over. Safe at any length:
    /// an attempt that was taken over cannot commit its work.
    public let lease: Duration

    public init(_ db: Database, lease: Duration? = nil) {
        self.db = db
        self.lease = lease ?? db.timeout * 2 + .seconds(5)
    }

    /// What to do with a request that carries a key.
    public enum Outcome: Sendable, Equatable {
        /// First time (or a takeover of an attempt that never did its work): do the work under
        /// this fence, then call ``finish(_:status:body:)``.
        case proceed(IdempotencyFence)
        /// Seen before with the same body: send this response again (with its `Location`, if any).
        case replay(status: Int, body: Data, location: String? = nil)
        /// Seen before with a different body.
        case mismatch
        /// The first request with this key is still being handled (its lease runs).
        case inProgress
        /// The first request's work was done, but the process stopped before it answered.
        case doneWithoutResponse
    }

    public func begin(scope: String, key: String, requestHash: String) async throws(StoreError) -> Outcome {
        let attempt = UUID()
        let ms = lease.milliseconds
        let claimed = try await db.withConnection { c in
            try await c.query("""
                INSERT INTO idempotency_keys AS k (scope, key, request_hash, status, body, attempt, lease_until)
                VALUES (\(scope), \(key), \(requestHash), 0, ''::bytea, \(attempt), now() + \(ms) * interval '1 millisecond')
                ON CONFLICT (scope, key) DO UPDATE SET attempt = EXCLUDED.attempt, lease_until = EXCLUDED.lease_until
                WHERE k.status = 0 AND k.committed_at IS NULL AND k.lease_until < now() AND k.request_hash = EXCLUDED.request_hash
                RETURNING 1
                """, logger: db.logger).collectCount()
        }
        if claimed == 1 { return .proceed(IdempotencyFence(scope: scope, key: key, attempt: attempt)) }
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT request_hash, status, encode(body, 'base64'), committed_at IS NOT NULL, location
                FROM idempotency_keys WHERE scope = \(scope) AND key = \(key)
                """, logger: db.logger).all((String, Int, String, Bool, String?).self)
        }
        guard let (hash, status, body, committed, location) = rows.first else { return .inProgress }
        if hash != requestHash { return .mismatch }
        if status != 0 { return .replay(status: status, body: Data(base64Encoded: body.filter { !$0.isWhitespace }) ?? Data(), location: location) }
        return committed ? .doneWithoutResponse : .inProgress
    }

    /// Stores the response of the fence's attempt (a taken-over attempt stores nothing).
    public func finish(_ fence: IdempotencyFence, status: Int, body: Data, location: String? = nil) async throws(StoreError) {
        let encoded = body.base64EncodedString()
        try await db.withConnection { c in
            try await c.query("""
                UPDATE idempotency_keys SET status = \(status), body = decode(\(encoded), 'base64'), location = \(location)
                WHERE scope = \(fence.scope) AND key = \(fence.key) AND attempt = \(fence.attempt)
                """, logger: db.logger).collectCount()
        }
    }

    /// Frees a key whose request failed without doing its work, so the client may retry it.
    /// A key whose work committed is kept: a retry must not do it again.
    /// - Returns: whether the key was freed (false: its work committed, or it was taken over).
    @discardableResult
    public func abandon(_ fence: IdempotencyFence) async -> Bool {
        let freed = try? await db.withConnection { c in
            try await c.query("""
                DELETE FROM idempotency_keys
                WHERE scope = \(fence.scope) AND key = \(fence.key) AND attempt = \(fence.attempt) AND committed_at IS NULL
                RETURNING 1
                """, logger: db.logger).collectCount()
        }
        return freed == 1
    }
}
