import Logging
import PostgresNIO
import Synchronization

/// How long a piece of database work may take, enforced by PostgreSQL itself.
///
/// A client-side timer that cancels a task does not stop the server: the transaction goes on
/// and may commit after the caller was told it failed. So the limits here are the server's
/// (`statement_timeout`, `idle_in_transaction_session_timeout`): when one fires, PostgreSQL
/// cancels the statement and rolls the transaction back, and the error the caller sees
/// (SQLSTATE 57014, ``StoreError/Code/timeout``) matches what the database did.
public enum TimeLimit: Sendable, Equatable {
    /// The configured request limit (`database.query_timeout_seconds`).
    case request
    /// A longer limit for bulk work such as a large import.
    case long(Duration)
    /// No statement limit: migrations and administrative commands.
    case unlimited

    /// The `statement_timeout` value in milliseconds (0 turns it off).
    func milliseconds(request: Duration) -> Int64 {
        switch self {
        case .request: request.milliseconds
        case .long(let d): d.milliseconds
        case .unlimited: 0
        }
    }
}

extension Duration {
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}

/// Whether the work of one call has reached the database yet; decided once, under a lock,
/// so the wait for a pooled connection can be abandoned without racing a started statement.
final class WorkStart: Sendable {
    enum State { case waiting, started, abandoned }
    private let state = Mutex(State.waiting)

    /// Marks the work as started; false if the caller already gave up waiting for a connection.
    func begin() -> Bool {
        state.withLock { s in
            guard s == .waiting else { return false }
            s = .started
            return true
        }
    }

    /// Gives up waiting; false if the work has already started (and must be waited for).
    func abandon() -> Bool {
        state.withLock { s in
            guard s == .waiting else { return false }
            s = .abandoned
            return true
        }
    }
}

extension Database {
    /// Session settings applied at every checkout: the audit actor and the time limits. Pooled
    /// connections are shared, so they are set each time rather than left from the last user.
    static func prepare(_ c: PostgresConnection, actor: String?, statementMilliseconds: Int64, _ logger: Logger) async throws {
        let statement = "\(statementMilliseconds)ms"
        // A transaction left open by a crashed handler must not hold its locks for long.
        let idle = statementMilliseconds == 0 ? "0" : "\(max(statementMilliseconds, 5000))ms"
        try await c.query("""
            SELECT set_config('lianjian.actor', \(actor ?? ""), false), set_config('statement_timeout', \(statement), false),
                   set_config('idle_in_transaction_session_timeout', \(idle), false)
            """, logger: logger).collectCount()
    }

    /// Runs `work`, giving up only while it still waits for a connection (an unreachable
    /// database makes that wait endless). Once a statement has been sent the call waits for the
    /// server's answer, which its own time limit bounds; if even that never comes (the network
    /// is gone), it answers ``StoreError/Code/unknownOutcome`` rather than claim a failure.
    func bounded<T: Sendable>(
        limit: TimeLimit, _ work: @escaping @Sendable (WorkStart) async throws -> T
    ) async throws(StoreError) -> T {
        let start = WorkStart()
        // How long to wait for a pooled connection before giving up: generous, because a busy
        // machine can delay the hand-over itself; PostgresNIO's circuit breaker fails leases
        // sooner when the server cannot be reached at all.
        let wait = timeout * 3
        let backstop: Duration? = limit == .unlimited ? nil : .milliseconds(limit.milliseconds(request: timeout)) * 2 + wait
        do {
            return try await withThrowingTaskGroup(of: T.self) { group in
                group.addTask { try await work(start) }
                group.addTask {
                    try await Task.sleep(for: wait)
                    if start.abandon() { throw StoreError(.timeout, message: "the database did not answer in time; nothing was changed") }
                    guard let backstop else { try await Task.sleep(for: .seconds(86_400 * 365)); throw CancellationError() }
                    try await Task.sleep(for: backstop - wait)
                    throw StoreError(.unknownOutcome, message: "the database did not confirm the change in time; it may or may not have been made")
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw CancellationError() }
                return first
            }
        } catch {
            let mapped = StoreError.from(error)
            // A caller that was cancelled (a stopping worker, a dropped request) is no database failure.
            if [.unavailable, .timeout, .unknownOutcome].contains(mapped.code), !(error is CancellationError && Task.isCancelled) {
                logger.error("database failure", metadata: ["error": "\(StoreError.loggable(error))"])
            }
            throw mapped
        }
    }
}
