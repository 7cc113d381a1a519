import ArgumentParser
import LianjianJobs
import LianjianStore

struct DeliverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver",
        abstract: "Deliver the notifications that are due (to notify.webhook_url, or to the log) and exit.",
        discussion: "Messages held by a community's quiet hours wait until they end; failed ones are retried with backoff and dead after notify.max_attempts.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let settings = try await options.settings()
        let logger = options.logger(settings)
        try await options.requireMigrated(settings, logger)
        let sender = Deliverer.sender(settings, logger: logger)
        let pass = try await options.withDatabase { db in
            try await Deliverer(database: db, sender: sender, maxAttempts: settings.notifyMaxAttempts, logger: logger).deliverDue()
        }
        print("delivered \(pass.sent), failed \(pass.failed) (to be retried or dead)")
    }
}
