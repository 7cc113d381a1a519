import Foundation
@testable import LianjianStore
import PostgresNIO
import TestSupport
import Testing

/// Idempotency keys after a crash: never stuck, never doing the work twice.
@Suite("Idempotency keys survive a crash")
struct IdempotencyTests {
    static func insertCommunity(_ db: Database, code: String) async throws(StoreError) {
        try await db.transaction { c in
            try await c.query("INSERT INTO communities (code, name, district) VALUES (\(code), \(code), '上街区')", logger: db.logger).collectCount()
        }
    }

    static func count(_ db: Database, code: String) async throws -> Int {
        try await db.withConnection { (c: PostgresConnection) async throws -> Int in
            let rows = try await c.query("SELECT count(*)::int FROM communities WHERE code = \(code)", logger: db.logger).all(Int.self)
            return rows[0]
        }
    }

    @Test func aKeyLeftInProgressByACrashIsTakenOverOnceItsLeaseRunsOut() async throws {
        try await TestDatabase.with { db in
            let keys = IdempotencyRepository(db, lease: .milliseconds(300))
            // The first attempt claims the key and dies before doing anything.
            guard case .proceed = try await keys.begin(scope: "s", key: "k", requestHash: "h") else { Issue.record("no proceed"); return }
            #expect(try await keys.begin(scope: "s", key: "k", requestHash: "h") == .inProgress)
            try await Task.sleep(for: .milliseconds(400))
            guard case .proceed(let fence) = try await keys.begin(scope: "s", key: "k", requestHash: "h") else { Issue.record("stuck"); return }
            try await IdempotencyFence.$current.withValue(fence) { try await Self.insertCommunity(db, code: "once") }
            try await keys.finish(fence, status: 201, body: Data("{}".utf8))
            #expect(try await keys.begin(scope: "s", key: "k", requestHash: "h") == .replay(status: 201, body: Data("{}".utf8)))
            #expect(try await Self.count(db, code: "once") == 1)
        }
    }

    @Test func workThatCommittedIsNeverDoneAgainEvenWithoutItsAnswer() async throws {
        try await TestDatabase.with { db in
            let keys = IdempotencyRepository(db, lease: .milliseconds(200))
            guard case .proceed(let fence) = try await keys.begin(scope: "s", key: "k", requestHash: "h") else { Issue.record("no proceed"); return }
            try await IdempotencyFence.$current.withValue(fence) { try await Self.insertCommunity(db, code: "done") }
            // The process dies here, between the commit and storing the answer.
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await keys.begin(scope: "s", key: "k", requestHash: "h") == .doneWithoutResponse)
            #expect(try await Self.count(db, code: "done") == 1)
        }
    }

    @Test func anAttemptThatWasTakenOverCannotCommitItsWork() async throws {
        try await TestDatabase.with { db in
            let keys = IdempotencyRepository(db, lease: .milliseconds(200))
            guard case .proceed(let slow) = try await keys.begin(scope: "s", key: "k", requestHash: "h") else { Issue.record("no proceed"); return }
            try await Task.sleep(for: .milliseconds(300))
            guard case .proceed(let retry) = try await keys.begin(scope: "s", key: "k", requestHash: "h") else { Issue.record("no takeover"); return }
            try await IdempotencyFence.$current.withValue(retry) { try await Self.insertCommunity(db, code: "retry") }
            // The slow first attempt finally gets to write: it is fenced out and rolled back.
            do {
                try await IdempotencyFence.$current.withValue(slow) { try await Self.insertCommunity(db, code: "slow") }
                Issue.record("the fenced attempt committed")
            } catch let error as StoreError {
                #expect(error.code == .idempotencyFenced)
            }
            #expect(try await Self.count(db, code: "slow") == 0)
            #expect(try await Self.count(db, code: "retry") == 1)
        }
    }

    @Test func aFailedAttemptFreesItsKeyAtOnce() async throws {
        try await TestDatabase.with { db in
            let keys = IdempotencyRepository(db)
            guard case .proceed(let fence) = try await keys.begin(scope: "s", key: "k", requestHash: "h") else { Issue.record("no proceed"); return }
            await keys.abandon(fence)
            guard case .proceed = try await keys.begin(scope: "s", key: "k", requestHash: "h") else { Issue.record("still held"); return }
        }
    }
}
