import Foundation
import LianjianDomain
import LianjianSettings
import LianjianStore
import Logging
import PostgresNIO

/// A fresh PostgreSQL database per test, cloned from a template that the production
/// migrator built once per set of migrations, so tests run in parallel in isolation.
///
/// Reaches the server like the app does (`PGHOST`, `PGPORT`, … or `DATABASE_URL`);
/// `scripts/test` starts the project's private cluster and sets them.
public enum TestDatabase {
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static var migrations: [Migration] {
        get throws { try Migrator.load(directory: repositoryRoot + "/sql") }
    }

    public static func settings() async throws -> AppSettings {
        var env = ProcessInfo.processInfo.environment
        env["LIANJIAN_ENV"] = "test"
        return try await AppSettings.load(configDirectory: repositoryRoot + "/config", environment: env)
    }

    static var logger: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        return logger
    }

    /// A database named `name` on the test server (not yet running).
    public static func database(named name: String, queryTimeoutSeconds: Int? = nil) async throws -> Database {
        var settings = try await settings().database
        settings.name = name
        if let queryTimeoutSeconds { settings.queryTimeoutSeconds = queryTimeoutSeconds }
        settings.maxConnections = 8
        return Database(settings: settings, logger: logger)
    }

    /// Runs `body` against a new, migrated database that is dropped afterwards.
    public static func with<T: Sendable>(
        queryTimeoutSeconds: Int? = nil, _ body: @Sendable (Database) async throws -> T
    ) async throws -> T {
        let template = try await ensureTemplate()
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        try await admin("CREATE DATABASE \(name) TEMPLATE \(template)")
        do {
            let result = try await database(named: String(name), queryTimeoutSeconds: queryTimeoutSeconds).withRunning(body)
            try await admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            return result
        } catch {
            try? await admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs `body` against a new, empty database (for migrator tests), dropped afterwards.
    public static func withEmpty<T: Sendable>(_ body: @Sendable (Database, String) async throws -> T) async throws -> T {
        let name = "e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        try await admin("CREATE DATABASE \(name)")
        do {
            let result = try await body(try await database(named: String(name)), String(name))
            try await admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            return result
        } catch {
            try? await admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
            throw error
        }
    }

    /// Runs one statement in the `postgres` database. Names here come from this file, never from input.
    public static func admin(_ sql: String) async throws {
        let db = try await database(named: "postgres")
        try await db.withRunning { db in try await db.execute(sql) }
    }

    // The template is named after the migrations' checksum, so a changed file gets a new one.
    private static func ensureTemplate() async throws -> String {
        let migrations = try migrations
        let name = "tpl_" + FNV1a.hex(migrations.map { "\($0.version):\($0.sql)" }.joined().utf8)
        let admin = try await database(named: "postgres")
        try await admin.withRunning { db in
            try await db.withAdvisoryLock(42_4242) {
                guard try await !db.databaseExists(name) else { return }
                try await db.execute("CREATE DATABASE \(name)_building")
                let building = try await database(named: name + "_building")
                _ = try await building.withRunning { try await Migrator(database: $0, migrations: migrations).migrate() }
                try await db.execute("ALTER DATABASE \(name)_building RENAME TO \(name)")
            }
        }
        return name
    }
}
