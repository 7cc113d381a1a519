import LianjianSettings
import LianjianStore
import Logging

extension GlobalOptions {
    /// Stops a long-running command before it starts when the database schema is not exactly
    /// the one this build knows.
    func requireMigrated(_ settings: AppSettings, _ logger: Logger) async throws {
        let migrations = try migrations()
        // A client runs only once, so the schema check uses its own short-lived one.
        let status = try await Database(settings: settings.database, logger: logger).withRunning { db in
            try await Migrator(database: db, migrations: migrations).status()
        }
        guard status.unknown.isEmpty else {
            throw Failure("the database has migrations this build does not know (\(status.unknown)); run a newer lianjian")
        }
        guard status.pending.isEmpty else {
            throw Failure("the database is not migrated (pending: \(status.pending)); run `lianjian migrate` first")
        }
    }
}
