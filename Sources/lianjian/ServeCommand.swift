import ArgumentParser
import LianjianAPI
import LianjianJobs
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

    @Flag(help: "Run no worker in this process (background jobs are then done by `lianjian worker` elsewhere).")
    var noWorker = false

    func run() async throws {
        var settings = try await options.settings()
        if let port { settings.httpPort = port }
        let logger = options.logger(settings)
        try await options.requireMigrated(settings, logger)
        let database = Database(settings: settings.database, logger: logger)
        // Requests and jobs are counted from here on, for GET /metrics.
        Telemetry.bootstrap()
        let server = buildServer(settings: settings, database: database, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: database), .init(service: server)]
        if !noWorker {
            let deliverer = Deliverer(database: database, sender: Deliverer.sender(settings, logger: logger),
                                      maxAttempts: settings.notifyMaxAttempts, logger: logger)
            services.append(.init(service: Worker(database: database, deliverer: deliverer, logger: logger)))
        }
        var config = ServiceGroupConfiguration(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        config.maximumGracefulShutdownDuration = .seconds(10)
        logger.info("serving", metadata: ["address": "http://\(settings.httpHost):\(settings.httpPort)"])
        try await ServiceGroup(configuration: config).run()
    }
}
