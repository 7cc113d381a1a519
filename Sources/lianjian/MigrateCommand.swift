import ArgumentParser
import LianjianStore

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply the numbered SQL files of sql/ that the database has not applied yet.",
        discussion: "Each file runs in one transaction under an advisory lock; a file changed after it was applied is refused.")

    @OptionGroup var options: GlobalOptions

    @Flag(help: "Only print what is applied and what is pending.")
    var status = false

    func run() async throws {
        let settings = try await options.settings()
        let migrations = try options.migrations()
        let database = Database(settings: settings.database, logger: options.logger(settings))
        try await database.withRunning { db in
            let migrator = Migrator(database: db, migrations: migrations)
            if status {
                let s = try await migrator.status()
                print("applied: \(s.applied.map(String.init).joined(separator: ", "))")
                print("pending: \(s.pending.map(String.init).joined(separator: ", "))")
                if !s.unknown.isEmpty { print("unknown to this build: \(s.unknown.map(String.init).joined(separator: ", "))") }
                return
            }
            let applied = try await migrator.migrate()
            print(applied.isEmpty ? "the database is up to date" : "applied: \(applied.map { String(format: "%04d", $0) }.joined(separator: ", "))")
            // The shipped holiday table, for the years the database has none of (an admin's own are kept).
            let loaded = try await HolidayRepository(db).loadMissingYears(try HolidaysCommand.shipped(options))
            if !loaded.isEmpty { print("public holidays loaded for \(loaded.map(String.init).joined(separator: ", "))") }
        }
    }
}

import Foundation
