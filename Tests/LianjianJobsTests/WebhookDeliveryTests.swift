import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import LianjianDomain
import LianjianJobs
import LianjianStore
import Synchronization
import TestSupport
import Testing

/// Delivery to a real HTTP receiver started by the test: the signature checks out with the
/// shared secret, a failure is retried with the same idempotency key, a message that keeps
/// failing is dead-lettered, and quiet hours hold messages back.
@Suite("Webhook delivery")
struct WebhookDeliveryTests {
    static let secret = "a-webhook-secret-of-at-least-32-characters"

    /// What the receiver was sent, and how it answers: the first `failures` requests get 503.
    final class Receiver: Sendable {
        struct Hit: Sendable { var key: String; var signature: String; var body: Data }
        let hits = Mutex<[Hit]>([])
        let failures: Int
        init(failures: Int) { self.failures = failures }

        func router() -> Router<BasicRequestContext> {
            let router = Router()
            router.post("/hook") { request, context -> Response in
                let body = try await request.body.collect(upTo: 1 << 20)
                func header(_ name: String) -> String { request.headers.first { $0.name.canonicalName == name }?.value ?? "" }
                let hit = Hit(key: header("idempotency-key"), signature: header("x-lianjian-signature"), body: Data(buffer: body))
                let n = self.hits.withLock { $0.append(hit); return $0.count }
                return Response(status: n <= self.failures ? .serviceUnavailable : .ok)
            }
            return router
        }
    }

    /// One pending message for one volunteer, due now; no quiet hours unless a test sets them.
    static func message(_ db: Database) async throws {
        for sql in [
            "INSERT INTO communities (code, name, quiet_from, quiet_until) VALUES ('hook', '社区', '00:00', '00:00')",
            "INSERT INTO partner_units (code, name, kind, liaison_name, liaison_phone) VALUES ('tcm', '中医院', 'hospital', '联络员', '13700000000')",
            "INSERT INTO volunteers (name, phone, unit_id, community_id) SELECT '王芳', '13900000001', u.id, c.id FROM partner_units u, communities c",
            """
            INSERT INTO notifications (volunteer_id, community_id, night, items)
            SELECT id, community_id, current_date, jsonb_build_array(jsonb_build_object('kind', 'added', 'role_id', gen_random_uuid(),
                   'title', '观影', 'venue', '社区影院', 'start', now() + interval '3 days', 'end', now() + interval '3 days 3 hours', 'from_title', null))
            FROM volunteers
            """,
        ] { try await db.execute(sql) }
    }

    func withReceiver(failures: Int, _ body: @Sendable @escaping (Receiver, WebhookSender) async throws -> Void) async throws {
        let receiver = Receiver(failures: failures)
        let app = Application(router: receiver.router())
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body(receiver, WebhookSender(url: "http://127.0.0.1:\(port)/hook", secret: Self.secret))
        }
    }

    func state(_ db: Database) async throws -> String {
        try await db.strings("SELECT state || ':' || attempts FROM notifications").joined(separator: ",")
    }

    @Test func aFailureIsRetriedWithTheSameKeyAndTheSignatureChecksOut() async throws {
        try await TestDatabase.with { db in
            try await Self.message(db)
            try await withReceiver(failures: 1) { receiver, sender in
                let deliverer = Deliverer(database: db, sender: sender, maxAttempts: 3, retryDelay: .zero, logger: NightlyTests.logger)
                #expect(try await deliverer.deliverDue() == .init(sent: 0, failed: 1))
                #expect(try await self.state(db) == "pending:1")
                #expect(try await deliverer.deliverDue() == .init(sent: 1, failed: 0))
                #expect(try await self.state(db) == "sent:2")
                let hits = receiver.hits.withLock { $0 }
                #expect(hits.count == 2 && hits[0].key == hits[1].key && hits[0].key.hasPrefix("lj-"), "a retry carries the same idempotency key")
                for hit in hits {
                    // The receiver's check: HMAC-SHA256 over "<t>.<body>" with the shared secret.
                    let parts = Dictionary(uniqueKeysWithValues: hit.signature.split(separator: ",").map { p in
                        let kv = p.split(separator: "=", maxSplits: 1); return (String(kv[0]), String(kv[1]))
                    })
                    let t = try #require(parts["t"]), v1 = try #require(parts["v1"])
                    let mac = HMAC<SHA256>.authenticationCode(for: Data("\(t).".utf8) + hit.body, using: SymmetricKey(data: Data(Self.secret.utf8)))
                    #expect(mac.map { String(format: "%02x", $0) }.joined() == v1)
                    #expect(abs(Double(t)! - Date().timeIntervalSince1970) < 300)
                    let json = try #require(try JSONSerialization.jsonObject(with: hit.body) as? [String: Any])
                    #expect(json["template"] as? String == "LJ_ROSTER_CHANGES" && json["idempotency_key"] as? String == hit.key)
                }
                let tampered = HMAC<SHA256>.authenticationCode(for: Data("x".utf8) + hits[0].body, using: SymmetricKey(data: Data(Self.secret.utf8)))
                #expect(!hits[0].signature.hasSuffix("v1=" + tampered.map { String(format: "%02x", $0) }.joined()), "a changed body does not verify")
            }
        }
    }

    @Test func aMessageThatKeepsFailingIsDeadLettered() async throws {
        try await TestDatabase.with { db in
            try await Self.message(db)
            try await withReceiver(failures: 100) { receiver, sender in
                let deliverer = Deliverer(database: db, sender: sender, maxAttempts: 2, retryDelay: .zero, logger: NightlyTests.logger)
                _ = try await deliverer.deliverDue()
                _ = try await deliverer.deliverDue()
                #expect(try await self.state(db) == "dead:2")
                #expect(try await deliverer.deliverDue() == .init(sent: 0, failed: 0), "a dead message is not tried again")
                #expect(receiver.hits.withLock { $0.count } == 2)
                #expect(try await db.strings("SELECT last_error FROM notifications") == ["the webhook answered 503"])
            }
        }
    }

    @Test func quietHoursHoldMessagesBack() async throws {
        try await TestDatabase.with { db in
            try await Self.message(db)
            // Quiet from an hour ago to an hour from now, in the community's zone.
            try await db.execute("""
                UPDATE communities SET quiet_from = ((now() - interval '1 hour') AT TIME ZONE time_zone)::time,
                                       quiet_until = ((now() + interval '1 hour') AT TIME ZONE time_zone)::time
                """)
            try await withReceiver(failures: 0) { receiver, sender in
                let deliverer = Deliverer(database: db, sender: sender, logger: NightlyTests.logger)
                #expect(try await deliverer.deliverDue() == .init(sent: 0, failed: 0))
                let held = try await self.state(db)
                #expect(receiver.hits.withLock { $0.isEmpty } && held == "pending:0")
                try await db.execute("UPDATE communities SET quiet_from = '00:00', quiet_until = '00:00'")
                #expect(try await deliverer.deliverDue() == .init(sent: 1, failed: 0))
                #expect(receiver.hits.withLock { $0.count } == 1)
            }
        }
    }
}
