import Foundation
import LianjianSettings
import LianjianStore
import Logging

/// Delivers the outbox: claims the messages that are due (and out of their community's quiet
/// hours) and hands each to the sender; a failure is retried with exponential backoff, and a
/// message is `dead` after `maxAttempts`.
public struct Deliverer: Sendable {
    let database: Database
    let sender: any NotificationSender
    let maxAttempts: Int
    let retryDelay: Duration
    let logger: Logger

    public init(database: Database, sender: any NotificationSender, maxAttempts: Int = 8, retryDelay: Duration = .seconds(30), logger: Logger) {
        self.database = database
        self.sender = sender
        self.maxAttempts = maxAttempts
        self.retryDelay = retryDelay
        self.logger = logger
    }

    /// The sender the settings name: the webhook, or the log.
    public static func sender(_ settings: AppSettings, logger: Logger) -> any NotificationSender {
        guard let url = settings.webhookURL else { return LogSender(logger: logger) }
        return WebhookSender(url: url, secret: settings.webhookSecret)
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public var sent = 0
        public var failed = 0
        public init(sent: Int = 0, failed: Int = 0) { self.sent = sent; self.failed = failed }
    }

    /// Delivers what is due now, in batches, until nothing is due.
    public func deliverDue(batch: Int = 50) async throws(StoreError) -> Pass {
        let outbox = NotificationRepository(database)
        var pass = Pass()
        while true {
            let due = try await outbox.claimDue(limit: batch, lease: .seconds(60))
            if due.isEmpty { return pass }
            for message in due {
                do throws(DeliveryFailure) {
                    try await sender.send(message)
                } catch {
                    logger.warning("notification not delivered", metadata: [
                        "notification": "\(message.id.uuidString.lowercased())", "attempt": "\(message.attempts)", "error": "\(error)",
                    ])
                    try await outbox.markFailed(message.id, error: error.description, maxAttempts: maxAttempts, baseDelay: retryDelay)
                    pass.failed += 1
                    continue
                }
                try await outbox.markSent(message.id)
                pass.sent += 1
            }
            // A failed message is not due again at once, so the loop ends.
            if due.count < batch { return pass }
        }
    }
}
