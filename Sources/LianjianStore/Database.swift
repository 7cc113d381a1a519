import LianjianSettings
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle

/// The connection pool to PostgreSQL, run as a service.
///
/// `run()` must be running for any query to complete. One-shot commands and tests use
/// ``withRunning(_:)``, which runs the pool around their work.
public final class Database: Service, Sendable {
    let client: PostgresClient
    let logger: Logger
    /// How long one request's database work may take.
    public let timeout: Duration

    public init(settings: DatabaseSettings, logger: Logger) {
        var config: PostgresClient.Configuration
        switch settings.endpoint {
        case .tcp(let host, let port):
            let tls: PostgresClient.Configuration.TLS =
                settings.tls == .require ? .require(Self.encryptOnly()) : .disable
            config = .init(host: host, port: port, username: settings.user, password: settings.password,
                           database: settings.name, tls: tls)
        case .unixSocket(let path):
            config = .init(unixSocketPath: path, username: settings.user, password: settings.password, database: settings.name)
        }
        config.options.maximumConnections = settings.maxConnections
        config.options.connectTimeout = .seconds(5)
        self.client = PostgresClient(configuration: config, backgroundLogger: logger)
        self.logger = logger
        self.timeout = .seconds(settings.queryTimeoutSeconds)
    }

    // libpq's sslmode=require encrypts without verifying the certificate; do the same.
    private static func encryptOnly() -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        return tls
    }

    /// Runs the pool until cancelled (or until graceful shutdown).
    public func run() async throws {
        await client.run()
    }

    /// Runs the pool around `body`, for commands and tests.
    public func withRunning<T: Sendable>(_ body: @Sendable (Database) async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await self.client.run() }
            defer { group.cancelAll() }
            return try await body(self)
        }
    }

    /// Runs `body` with a connection, mapping failures to ``StoreError``; see ``TimeLimit``.
    func withConnection<T: Sendable>(
        limit: TimeLimit = .request, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        let actor = AuditActor.current
        let ms = limit.milliseconds(request: timeout)
        if let pinned = Pinned.current { return try await pinned.run(actor: actor, statementMilliseconds: ms, logger, body) }
        return try await bounded(limit: limit) { start in
            try await self.client.withConnection { c in
                guard start.begin() else { throw CancellationError() }
                try await Self.prepare(c, actor: actor, statementMilliseconds: ms, self.logger)
                return try await body(c)
            }
        }
    }

    /// Runs `body` in one transaction. A body that throws ``Rollback`` rolls back and returns its value.
    /// ``IdempotencyFence/current``, when set, is claimed inside the same transaction, so the
    /// work and the record that it was done commit together or not at all.
    func transaction<T: Sendable>(
        limit: TimeLimit = .request, _ body: @escaping @Sendable (PostgresConnection) async throws -> T
    ) async throws(StoreError) -> T {
        let fence = IdempotencyFence.current
        let logger = self.logger
        if Pinned.current != nil {
            return try await withConnection(limit: limit) { c in try await Pinned.savepoint(c, logger) { c in
                let value = try await body(c)
                try await fence?.claim(c, logger)
                return value
            } }
        }
        return try await withConnection(limit: limit) { c in
            do {
                return try await c.withTransaction(logger: logger) { connection in
                    let value = try await body(connection)
                    try await fence?.claim(connection, logger)
                    return value
                }
            } catch let error as PostgresTransactionError {
                if let rollback = error.closureError as? Rollback<T>, error.rollbackError == nil { return rollback.value }
                throw error
            }
        }
    }

    /// Whether the database answers a trivial query within `limit`.
    public func isHealthy(within limit: Duration = .seconds(2)) async -> Bool {
        do {
            return try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask { try await self.client.query("SELECT 1").collectCount() == 1 }
                group.addTask { try await Task.sleep(for: limit); return false }
                defer { group.cancelAll() }
                return try await group.next() ?? false
            }
        } catch {
            return false
        }
    }
}

/// Thrown from a transaction's body to undo its writes and still answer `value`
/// (a decision that was only known after writing, such as a refused booking).
struct Rollback<T: Sendable>: Error {
    let value: T
}

extension PostgresRowSequence {
    @discardableResult
    func collectCount() async throws -> Int {
        var n = 0
        for try await _ in self { n += 1 }
        return n
    }
}
