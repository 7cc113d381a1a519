import Foundation
import LianjianJobs
import LianjianStore
import TestSupport
import Testing

/// `serve` and `lianjian worker` deliver the outbox themselves: a lane of the worker sends what
/// falls due, also what is written while it runs, so cron needs no `lianjian deliver`.
@Suite("Worker delivery")
struct WorkerDeliveryTests {
    func states(_ db: Database) async throws -> [String] {
        try await db.strings("SELECT state || ':' || attempts FROM notifications ORDER BY created_at, id")
    }

    /// Polls for up to 20 s until `done` holds of the outbox's states.
    func wait(_ db: Database, until done: ([String]) -> Bool) async throws -> [String] {
        var seen = try await states(db)
        for _ in 0..<400 where !done(seen) {
            try await Task.sleep(for: .milliseconds(50))
            seen = try await states(db)
        }
        return seen
    }

    @Test func theWorkerDeliversWhatFallsDueWhileItRuns() async throws {
        try await TestDatabase.with { db in
            try await WebhookDeliveryTests.message(db)
            let sender = RecordingSender()
            let deliverer = Deliverer(database: db, sender: sender, logger: NightlyTests.logger)
            let settings = Worker.Settings(pollInterval: .milliseconds(100), concurrency: 1, deliveryInterval: .milliseconds(100))
            let worker = Worker(database: db, settings: settings, deliverer: deliverer, logger: NightlyTests.logger)
            let running = Task { try await worker.run() }
            defer { running.cancel() }

            #expect(try await wait(db) { $0 == ["sent:1"] } == ["sent:1"])
            // A message written after the worker started goes out on a later pass.
            try await db.execute("""
                INSERT INTO notifications (volunteer_id, community_id, night, items)
                SELECT volunteer_id, community_id, night + 1, items FROM notifications
                """)
            #expect(try await wait(db) { $0 == ["sent:1", "sent:1"] } == ["sent:1", "sent:1"])
            running.cancel()
            _ = await running.result
            let sent = await sender.messages
            #expect(sent.count == 2, "each message is sent once")
            #expect(Set(sent.map(\.idempotencyKey)).count == 2)
        }
    }

    @Test func withoutADelivererTheWorkerLeavesTheOutboxAlone() async throws {
        try await TestDatabase.with { db in
            try await WebhookDeliveryTests.message(db)
            let settings = Worker.Settings(pollInterval: .milliseconds(50), concurrency: 1, deliveryInterval: .milliseconds(50))
            let running = Task { try await Worker(database: db, settings: settings, logger: NightlyTests.logger).run() }
            try await Task.sleep(for: .milliseconds(600))
            running.cancel()
            _ = await running.result
            #expect(try await states(db) == ["pending:0"])
        }
    }
}
