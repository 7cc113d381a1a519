import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore
import Logging
import TestSupport
import Testing

/// The queue in PostgreSQL: each job claimed once, leases that a stalled worker loses, bounded
/// retries with backoff.
@Suite("Job queue")
struct JobQueueTests {
    static let ask = JobRepository.GenerateRoster(communityID: nil, from: LocalDate("2026-12-01")!, to: LocalDate("2026-12-07")!, timeLimitSeconds: 0.2)

    @Test func concurrentWorkersClaimEachJobOnce() async throws {
        try await TestDatabase.with { db in
            let jobs = JobRepository(db)
            for _ in 0..<20 { _ = try await jobs.enqueue(.generateRoster, Self.ask, community: nil) }
            // Four workers grab as fast as they can; SKIP LOCKED keeps them off each other's rows.
            let claimed = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for w in 0..<4 {
                    group.addTask {
                        var mine: [UUID] = []
                        while let claim = try await jobs.claim(worker: "w\(w)", lease: .seconds(30)) { mine.append(claim.id) }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(claimed.count == 20 && Set(claimed).count == 20)
            #expect(try await db.count("SELECT count(*) FROM jobs WHERE state = 'running' AND attempts = 1") == 20)
        }
    }

    /// A night's partitions are claimed largest first, ahead of jobs queued before them; jobs of
    /// equal priority keep their order (issue 16: two workers finish the night together).
    @Test func theLargestPartitionIsClaimedFirst() async throws {
        try await TestDatabase.with { db in
            let jobs = JobRepository(db)
            let roster = try await jobs.enqueue(.generateRoster, Self.ask, community: nil)
            let run = UUID().uuidString.lowercased()
            let sizes = [("small", 40), ("large", 900), ("car parks", 500), ("none", 0)]
            _ = try await NightlyRepository(db).queuePartitions(run: UUID(uuidString: run)!, sizes.map { key, size in
                (#"{"run": "\#(run)", "key": "\#(key)"}"#, size)
            })
            var order: [String] = []
            while let claim = try await jobs.claim(worker: "w", lease: .seconds(30)) {
                order.append(claim.id == roster.id ? "roster" : (try JSONSerialization.jsonObject(with: Data(claim.payload.utf8)) as? [String: Any])?["key"] as? String ?? "?")
            }
            #expect(order == ["large", "car parks", "small", "roster", "none"], "\(order)")
        }
    }

    @Test func aWorkerThatStallsLosesItsClaimAndCannotEndTheJob() async throws {
        try await TestDatabase.with { db in
            let jobs = JobRepository(db)
            let job = try await jobs.enqueue(.generateRoster, Self.ask, community: nil)
            // Leases of seconds, not milliseconds: a loaded machine (the print tests run beside) must not expire one early.
            let stalled = try #require(try await jobs.claim(worker: "stalled", lease: .seconds(2)))
            #expect(try await jobs.claim(worker: "other", lease: .seconds(30)) == nil, "a held lease is not taken")
            try await Task.sleep(for: .milliseconds(2500))
            let taken = try #require(try await jobs.claim(worker: "other", lease: .seconds(30)))
            #expect(taken.id == job.id && taken.attempt == 2)
            // The stalled worker wakes up: it can neither renew, nor succeed, nor fail the job.
            #expect(try await !jobs.renew(stalled, progress: .init(phase: "searching", percent: 50)))
            await #expect(throws: StoreError.self) { try await jobs.succeed(stalled, result: ["version_id": "stale"]) }
            try await jobs.fail(stalled, .init(code: "x", message: "x"), retry: false)
            #expect(try await jobs.get(job.id).state == "running")
            try await jobs.succeed(taken, result: ["done": "yes"])
            let done = try await jobs.get(job.id)
            #expect(done.state == "succeeded" && done.result == ["done": "yes"] && done.attempts == 2 && done.finishedAt != nil)
        }
    }

    @Test func failuresAreRetriedWithBackoffThenFailForGood() async throws {
        try await TestDatabase.with { db in
            let jobs = JobRepository(db)
            let job = try await jobs.enqueue(.generateRoster, Self.ask, community: nil, maxAttempts: 2)
            let first = try #require(try await jobs.claim(worker: "w", lease: .seconds(30)))
            try await jobs.fail(first, .init(code: "timeout", message: "the database did not answer in time"), retry: true)
            var seen = try await jobs.get(job.id)
            #expect(seen.state == "queued" && seen.error?.code == "timeout")
            // Not due yet: the backoff (2 s after the first attempt) holds it.
            #expect(try await jobs.claim(worker: "w", lease: .seconds(30)) == nil)
            try await db.execute("UPDATE jobs SET run_after = now()")
            let second = try #require(try await jobs.claim(worker: "w", lease: .seconds(30)))
            #expect(second.attempt == 2)
            try await jobs.fail(second, .init(code: "timeout", message: "the database did not answer in time"), retry: true)
            seen = try await jobs.get(job.id)
            #expect(seen.state == "failed" && seen.attempts == 2 && seen.finishedAt != nil, "no attempts left")
        }
    }

    @Test func aJobWhoseEveryWorkerVanishedIsFailedNotLeftRunning() async throws {
        try await TestDatabase.with { db in
            let jobs = JobRepository(db)
            let job = try await jobs.enqueue(.generateRoster, Self.ask, community: nil, maxAttempts: 1)
            _ = try #require(try await jobs.claim(worker: "crashed", lease: .milliseconds(100)))
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await jobs.claim(worker: "next", lease: .seconds(30)) == nil)
            let seen = try await jobs.get(job.id)
            #expect(seen.state == "failed" && seen.error?.code == "worker_lost")
        }
    }

    @Test func theWorkerRunsAGenerationToItsDraft() async throws {
        try await TestDatabase.with { db in
            let jobs = JobRepository(db)
            let job = try await jobs.enqueue(.generateRoster, Self.ask, community: nil)
            let claim = try #require(try await jobs.claim(worker: "w", lease: .seconds(30)))
            await Worker(database: db, logger: .init(label: "tests")).perform(claim)
            let done = try await jobs.get(job.id)
            #expect(done.state == "succeeded", "\(String(describing: done.error))")
            let version = try #require(done.result?["version_id"].flatMap(UUID.init(uuidString:)))
            let draft = try await RosterRepository(db).get(version)
            #expect(draft.status == "draft")
            // The last progress is the roster's own penalty and bound.
            #expect(done.progress == .init(phase: "done", percent: 100, best: draft.score.total, bound: draft.lowerBound))
            // The draft is written as the job's in the audit log.
            #expect(try await db.count("SELECT count(*) FROM audit_log WHERE table_name = 'roster_versions' AND actor LIKE 'job %'") == 1)
        }
    }
}
