import AsyncHTTPClient
import Crypto
import Foundation
import LianjianDomain
import LianjianStore
import NIOCore
import NIOHTTP1

/// Posts each message as JSON to a webhook (an SMS gateway's), signed so the receiver can tell
/// it came from Lianjian and was not altered:
///
/// `X-Lianjian-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`
///
/// and `Idempotency-Key: <the message's key>`, the same on every retry, so a receiver drops
/// a message it already has. Any 2xx is delivered; anything else is retried.
public struct WebhookSender: NotificationSender {
    let url: String
    let secret: SymmetricKey
    let client: HTTPClient
    let timeout: TimeAmount

    public init(url: String, secret: String, client: HTTPClient = .shared, timeout: TimeAmount = .seconds(10)) {
        self.url = url
        self.secret = SymmetricKey(data: Data(secret.utf8))
        self.client = client
        self.timeout = timeout
    }

    /// What is posted.
    struct Payload: Encodable {
        var idempotencyKey: String
        var template: String
        var language: String
        var to: Recipient
        var parameters: [String: String]
        var text: String
        var items: [NotificationRepository.Message.EncodedItem]

        struct Recipient: Encodable {
            var volunteerID: Volunteer.ID
            var name: String
            var phone: String
            enum CodingKeys: String, CodingKey { case name, phone, volunteerID = "volunteer_id" }
        }

        enum CodingKeys: String, CodingKey {
            case template, language, to, parameters, text, items
            case idempotencyKey = "idempotency_key"
        }
    }

    public func send(_ message: NotificationRepository.Message) async throws(DeliveryFailure) {
        let text = NotificationText(message)
        let payload = Payload(idempotencyKey: message.idempotencyKey, template: text.template, language: message.language,
                              to: .init(volunteerID: message.volunteerID, name: message.name, phone: message.phone),
                              parameters: text.parameters, text: text.text, items: message.items.map(NotificationRepository.Message.EncodedItem.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body: Data
        do {
            body = try DisplayZone.$current.withValue(message.zone) { try encoder.encode(payload) }
        } catch {
            throw DeliveryFailure("the message could not be encoded")
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        request.headers.add(name: "Idempotency-Key", value: message.idempotencyKey)
        request.headers.add(name: "X-Lianjian-Signature", value: Self.signature(body, secret: secret, at: Date()))
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: timeout)
            // Read the answer to its end, so the connection goes back to the pool.
            _ = try await response.body.collect(upTo: 64 * 1024)
            guard (200..<300).contains(Int(response.status.code)) else { throw DeliveryFailure("the webhook answered \(response.status.code)") }
        } catch let failure as DeliveryFailure {
            throw failure
        } catch {
            throw DeliveryFailure("the webhook could not be reached: \(type(of: error))")
        }
    }

    /// `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
    public static func signature(_ body: Data, secret: SymmetricKey, at date: Date) -> String {
        let t = Int(date.timeIntervalSince1970)
        var signed = Data("\(t).".utf8)
        signed.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: secret)
        return "t=\(t),v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }
}
