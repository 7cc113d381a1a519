import ArgumentParser
import Foundation
import LianjianDomain
import LianjianSettings
import LianjianStore
import Logging

/// Options every database command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("config"), help: "Folder with default.json (default: ./config, or the one beside the build).")
    var configDirectory: String?

    @Option(name: .customLong("sql"), help: "Folder with the numbered migrations (default: ./sql, or the one beside the build).")
    var sqlDirectory: String?

    /// Finds `name` in the working directory or above the executable (for `.build/debug/lianjian`).
    static func locate(_ name: String, override: String?, marker: String) throws -> String {
        if let override { return override }
        let fm = FileManager.default
        var candidates = [fm.currentDirectoryPath + "/" + name]
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent(name).path)
            dir = dir.deletingLastPathComponent()
        }
        guard let found = candidates.first(where: { fm.fileExists(atPath: "\($0)/\(marker)") }) else {
            throw Failure("cannot find the \(name)/ folder; pass --\(name == "config" ? "config" : "sql") DIR")
        }
        return found
    }

    func settings() async throws -> AppSettings {
        let dir = try Self.locate("config", override: configDirectory, marker: "default.json")
        do {
            return try await AppSettings.load(configDirectory: dir)
        } catch {
            throw Failure(error.description)
        }
    }

    func migrations() throws -> [Migration] {
        let dir = try Self.locate("sql", override: sqlDirectory, marker: "0001_registry.sql")
        return try Migrator.load(directory: dir)
    }

    func logger(_ settings: AppSettings) -> Logger {
        var logger = Logger(label: "lianjian")
        logger.logLevel = Logger.Level(rawValue: settings.logLevel) ?? .info
        return logger
    }
}

extension GlobalOptions {
    /// Runs `body` against the configured database; its writes are audited as `cli <user>`.
    func withDatabase<T: Sendable>(_ body: @escaping @Sendable (Database) async throws -> T) async throws -> T {
        let settings = try await settings()
        let database = Database(settings: settings.database, logger: logger(settings))
        let user = ProcessInfo.processInfo.userName
        return try await AuditActor.$current.withValue("cli \(user)") {
            try await DisplayZone.$current.withValue(settings.zone) {
                try await database.withRunning { db in try await body(db) }
            }
        }
    }
}
