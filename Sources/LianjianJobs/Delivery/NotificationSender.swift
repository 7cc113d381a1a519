import Foundation
import LianjianStore
import Logging

/// Sends one message; a thrown ``DeliveryFailure`` is retried later.
public protocol NotificationSender: Sendable {
    func send(_ message: NotificationRepository.Message) async throws(DeliveryFailure)
}

/// Why a delivery failed (the receiver's status, or the network's error), without personal data.
public struct DeliveryFailure: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The default when no webhook is configured: logs that a message would go out, never its
/// text or the person's name and phone (logs are not for personal data).
public struct LogSender: NotificationSender {
    let logger: Logger
    public init(logger: Logger) { self.logger = logger }

    public func send(_ message: NotificationRepository.Message) async throws(DeliveryFailure) {
        let text = NotificationText(message)
        logger.info("notification (no webhook configured)", metadata: [
            "notification": "\(message.id.uuidString.lowercased())", "volunteer": "\(message.volunteerID)",
            "template": "\(text.template)", "items": "\(message.items.count)",
        ])
    }
}
