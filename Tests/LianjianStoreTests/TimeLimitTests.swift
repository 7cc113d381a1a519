import Foundation
@testable import LianjianStore
import PostgresNIO
import TestSupport
import Testing

/// Time limits are the database's own: an answer of "timeout" means nothing was written.
@Suite("Time limits: the answer matches what the database did")
struct TimeLimitTests {
    static func communities(_ db: Database) async throws -> Int {
        try await db.withConnection { (c: PostgresConnection) async throws -> Int in
            let rows = try await c.query("SELECT count(*)::int FROM communities", logger: db.logger).all(Int.self)
            return rows[0]
        }
    }

    static func slowInsert(_ db: Database, seconds: Double, limit: TimeLimit = .request, code: String = "slow") async throws(StoreError) {
        try await db.transaction(limit: limit) { c in
            try await c.query("INSERT INTO communities (code, name, district) VALUES (\(code), \(code), '上街区')", logger: db.logger).collectCount()
            try await c.query("SELECT pg_sleep(\(seconds))", logger: db.logger).collectCount()
        }
    }

    @Test func workCutOffByTheLimitIsRolledBackAndSaysSo() async throws {
        try await TestDatabase.with(queryTimeoutSeconds: 1) { db in
            let clock = ContinuousClock()
            let start = clock.now
            await #expect(throws: StoreError.self) { try await Self.slowInsert(db, seconds: 3) }
            do { try await Self.slowInsert(db, seconds: 3); Issue.record("not cut off") } catch let error as StoreError { #expect(error.code == .timeout) }
            #expect(clock.now - start < .seconds(5))
            // Before, a client-side timer answered "timeout" while the transaction went on to commit.
            try await Task.sleep(for: .seconds(3))
            #expect(try await Self.communities(db) == 0)
        }
    }

    @Test func bulkWorkHasALimitOfItsOwn() async throws {
        try await TestDatabase.with(queryTimeoutSeconds: 1) { db in
            try await Self.slowInsert(db, seconds: 1.5, limit: .long(.seconds(5)))
            #expect(try await Self.communities(db) == 1)
            // The longer limit was this call's only: the next request-sized call has 1 s again.
            do { try await Self.slowInsert(db, seconds: 1.5, code: "slow-again"); Issue.record("not cut off") } catch let error as StoreError { #expect(error.code == .timeout) }
            #expect(try await Self.communities(db) == 1)
        }
    }
}
