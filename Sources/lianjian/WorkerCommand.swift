import ArgumentParser
import LianjianJobs
import LianjianStore
import Logging
import ServiceLifecycle

struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run background jobs (roster generation) until stopped.",
        discussion: """
            Any number of workers, on any machines, share one database's queue: each job is taken \
            by one of them. `lianjian serve` runs one itself unless started with --no-worker.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "Jobs to run at once (default: half the cores).")
    var concurrency: Int?

    func run() async throws {
        let settings = try await options.settings()
        let logger = options.logger(settings)
        try await options.requireMigrated(settings, logger)
        let database = Database(settings: settings.database, logger: logger)
        var workerSettings = Worker.Settings()
        if let concurrency { workerSettings.concurrency = max(1, concurrency) }
        let deliverer = Deliverer(database: database, sender: Deliverer.sender(settings, logger: logger),
                                  maxAttempts: settings.notifyMaxAttempts, logger: logger)
        let worker = Worker(database: database, settings: workerSettings, deliverer: deliverer, logger: logger)
        var config = ServiceGroupConfiguration(
            services: [.init(service: database), .init(service: worker)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        config.maximumGracefulShutdownDuration = .seconds(30)
        try await ServiceGroup(configuration: config).run()
    }
}
