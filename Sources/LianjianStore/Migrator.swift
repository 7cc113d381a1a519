import Foundation
import LianjianDomain
import Logging
import PostgresNIO

/// One numbered SQL file of `sql/`.
public struct Migration: Sendable, Equatable {
    public var version: Int
    public var name: String
    public var sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    public var fileName: String { String(format: "%04d_%@.sql", version, name) }
}

/// Applies the numbered, forward-only SQL files of `sql/`.
///
/// Each file runs in one transaction, under a session advisory lock so concurrent runs
/// are safe, and is recorded with its checksum (FNV-1a, 64 bits). A file changed after it was applied
/// is refused, and so is a database that has versions this build does not know.
public struct Migrator: Sendable {
    public let migrations: [Migration]
    let database: Database
    static let lockKey: Int64 = 0x4C69_616E_6A69  // "Lianji"

    public init(database: Database, migrations: [Migration]) {
        self.database = database
        self.migrations = migrations
    }

    /// What the database has applied compared with the files.
    public struct Status: Sendable, Equatable {
        public var applied: [Int]
        public var pending: [Int]
        /// Versions in the database that no file has: the database is newer than this build.
        public var unknown: [Int]
        public var isCurrent: Bool { pending.isEmpty && unknown.isEmpty }
    }

    /// Reads `NNNN_name.sql` files from a folder, in version order.
    /// - Throws: ``StoreError`` `.schema` for an unreadable folder, a badly named file or a repeated version.
    public static func load(directory: String) throws(StoreError) -> [Migration] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw StoreError(.schema, message: "cannot read the migrations folder \(directory)")
        }
        var result: [Migration] = []
        for file in names.sorted() where file.hasSuffix(".sql") {
            let stem = file.dropLast(4)
            guard let underscore = stem.firstIndex(of: "_"), let version = Int(stem[..<underscore]), version > 0,
                let sql = FileManager.default.contents(atPath: "\(directory)/\(file)")
            else { throw StoreError(.schema, message: "migration file \(file) must be named NNNN_name.sql") }
            guard result.last?.version != version else {
                throw StoreError(.schema, message: "two migration files have version \(version)")
            }
            result.append(Migration(version: version, name: String(stem[stem.index(after: underscore)...]), sql: String(decoding: sql, as: UTF8.self)))
        }
        return result
    }

    /// Applies every pending file; returns the versions applied now.
    public func migrate() async throws(StoreError) -> [Int] {
        let migrations = migrations
        let logger = database.logger
        return try await database.withConnection(limit: .unlimited) { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.lockKey))", logger: logger).collectCount()
            do {
                let applied = try await Self.prepare(connection, logger: logger)
                var done: [Int] = []
                for migration in migrations {
                    let checksum = Self.checksum(migration.sql)
                    if let recorded = applied[migration.version] {
                        guard recorded == checksum else {
                            throw StoreError(.schema, message: "\(migration.fileName) was changed after it was applied; add a new file instead")
                        }
                        continue
                    }
                    try await Self.apply(migration, checksum: checksum, on: connection, logger: logger)
                    done.append(migration.version)
                }
                _ = try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger).collectCount()
                return done
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock_all()", logger: logger).collectCount()
                throw error
            }
        }
    }

    /// Compares the database with the files without changing anything.
    public func status() async throws(StoreError) -> Status {
        let known = Set(migrations.map(\.version))
        let applied = try await database.withConnection { connection in
            let exists = try await connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL", logger: self.database.logger)
            var present = false
            for try await (flag) in exists.decode(Bool.self) { present = flag }
            guard present else { return [Int]() }
            var versions: [Int] = []
            for try await version in try await connection.query("SELECT version FROM schema_migrations ORDER BY version", logger: self.database.logger).decode(Int.self) {
                versions.append(version)
            }
            return versions
        }
        return Status(
            applied: applied, pending: migrations.map(\.version).filter { !applied.contains($0) },
            unknown: applied.filter { !known.contains($0) })
    }

    private static func prepare(_ connection: PostgresConnection, logger: Logger) async throws -> [Int: String] {
        // The migrator's own bookkeeping table; everything else lives in sql/.
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, logger: logger).collectCount()
        var applied: [Int: String] = [:]
        for try await (version, checksum) in try await connection.query("SELECT version, checksum FROM schema_migrations", logger: logger).decode((Int, String).self) {
            applied[version] = checksum
        }
        return applied
    }

    private static func apply(_ migration: Migration, checksum: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger).collectCount()
        do {
            for statement in SQLScript.statements(migration.sql) {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).collectCount()
            }
            try await connection.query(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES (\(migration.version), \(migration.name), \(checksum))",
                logger: logger
            ).collectCount()
            try await connection.query("COMMIT", logger: logger).collectCount()
            logger.info("applied migration", metadata: ["file": "\(migration.fileName)"])
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger).collectCount()
            logger.error("migration failed", metadata: ["file": "\(migration.fileName)", "error": "\(StoreError.loggable(error))"])
            throw StoreError(.schema, message: "\(migration.fileName) failed and was rolled back: \((error as? PSQLError)?.serverInfo?[.message] ?? "database error")")
        }
    }

    /// A stable checksum of a file's text, recorded per applied version.
    static func checksum(_ text: String) -> String { FNV1a.hex(text.utf8) }
}
