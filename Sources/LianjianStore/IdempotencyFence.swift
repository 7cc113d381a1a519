import Foundation
import Logging
import PostgresNIO

/// The idempotency key a request's work runs under. ``Database/transaction(limit:_:)`` claims it
/// inside the work's transaction, so a key is marked done exactly when the work commits.
public struct IdempotencyFence: Sendable, Equatable {
    public var scope: String
    public var key: String
    /// This request's hold on the key; another attempt that took the key over fences it out.
    public var attempt: UUID

    public init(scope: String, key: String, attempt: UUID) {
        self.scope = scope
        self.key = key
        self.attempt = attempt
    }

    /// The key of the request this task serves, if it sent one.
    @TaskLocal public static var current: IdempotencyFence?

    /// Marks the key done in the caller's transaction; throws (rolling the work back) when this
    /// attempt no longer holds the key because its lease ran out and a retry took it over.
    func claim(_ c: PostgresConnection, _ logger: Logger) async throws {
        let held = try await c.query("""
            UPDATE idempotency_keys SET committed_at = COALESCE(committed_at, now())
            WHERE scope = \(scope) AND key = \(key) AND attempt = \(attempt) RETURNING 1
            """, logger: logger).collectCount()
        if held == 0 {
            throw StoreError(.idempotencyFenced, message: "a newer request with this Idempotency-Key took it over; this one was not done")
        }
    }
}
