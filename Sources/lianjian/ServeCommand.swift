import ArgumentParser
import LianjianAPI
import LianjianStore
import Logging
import ServiceLifecycle

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (JSON under /v1, /health, /openapi.yaml).",
        discussion: "Refuses to start when the database schema is not exactly the one this build knows; run `lianjian migrate` first.")

    @OptionGroup var options: GlobalOptions

    @Option(help: "Port to listen on (overrides http.port).")
    var port: Int?

    func run() async throws {
        var settings = try await options.settings()
        if let port { settings.httpPort = port }
        let logger = options.logger(settings)
        let migrations = try options.migrations()
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
        let database = Database(settings: settings.database, logger: logger)
        let server = buildServer(settings: settings, database: database, logger: logger)
        var config = ServiceGroupConfiguration(
            services: [.init(service: database), .init(service: server)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        config.maximumGracefulShutdownDuration = .seconds(10)
        logger.info("serving", metadata: ["address": "http://\(settings.httpHost):\(settings.httpPort)"])
        try await ServiceGroup(configuration: config).run()
    }
}
