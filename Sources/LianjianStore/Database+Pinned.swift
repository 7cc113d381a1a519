import Logging
import PostgresNIO

extension Database {
    /// One connection, inside one open transaction, that every database call of the current
    /// task uses instead of the pool (a dry run): transactions become savepoints within it.
    final class Pinned: Sendable {
        @TaskLocal static var current: Pinned?
        let connection: PostgresConnection

        init(_ connection: PostgresConnection) { self.connection = connection }

        func run<T: Sendable>(actor: String?, statementMilliseconds: Int64, _ logger: Logger,
                              _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
            do {
                // No idle limit: the open transaction waits while the solver works (seconds).
                try await Database.prepare(connection, actor: actor, statementMilliseconds: 0, logger)
                return try await body(connection)
            } catch {
                throw StoreError.from(error)
            }
        }

        /// `body` between a savepoint and its release; rolled back to it when `body` throws
        /// (a ``Rollback`` returns its value, as a transaction does).
        static func savepoint<T: Sendable>(_ c: PostgresConnection, _ logger: Logger,
                                           _ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
            try await c.query("SAVEPOINT lianjian_step", logger: logger)
            do {
                let value = try await body(c)
                try await c.query("RELEASE SAVEPOINT lianjian_step", logger: logger)
                return value
            } catch {
                try await c.query("ROLLBACK TO SAVEPOINT lianjian_step", logger: logger)
                try await c.query("RELEASE SAVEPOINT lianjian_step", logger: logger)
                if let rollback = error as? Rollback<T> { return rollback.value }
                throw error
            }
        }
    }

    /// Runs `body` with every database call of its task in one transaction that is rolled
    /// back at the end: what `body` writes is seen by its own reads and by nobody else, and
    /// leaves the database as it was (a dry run).
    public func rolledBack<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let logger = self.logger
        return try await client.withConnection { c in
            try await c.query("BEGIN", logger: logger)
            do {
                let value = try await Pinned.$current.withValue(Pinned(c)) { try await body() }
                try await c.query("ROLLBACK", logger: logger)
                return value
            } catch {
                try? await c.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    /// Runs `body` while holding the session-level advisory lock `key` on a connection of its
    /// own; `nil` at once when another session holds it. The lock ends with the connection, so
    /// a process that was killed frees it at once.
    public func withSessionLock<T: Sendable>(_ key: Int64, _ body: @escaping @Sendable () async throws -> T) async throws -> T? {
        let logger = self.logger
        return try await client.withConnection { c in
            let taken = try await c.query("SELECT pg_try_advisory_lock(\(key))", logger: logger).all(Bool.self).first ?? false
            guard taken else { return nil }
            do {
                let value = try await body()
                _ = try? await c.query("SELECT pg_advisory_unlock(\(key))", logger: logger).collectCount()
                return value
            } catch {
                _ = try? await c.query("SELECT pg_advisory_unlock(\(key))", logger: logger).collectCount()
                throw error
            }
        }
    }
}
