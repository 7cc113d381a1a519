import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore
import Logging
import TestSupport
import Testing

/// The nightly job's frame: one run holds the night, a dry run keeps nothing, a crash between
/// steps is mended by running again, and quiet hours hold messages.
@Suite("Nightly job")
struct NightlyTests {
    static let logger = Logger(label: "tests.nightly")
    static let options = Nightly.Options(asOf: LocalDate("2026-12-07")!, horizonDays: 7, timeLimitSeconds: 0.3)

    @Test func anEmptyNightHasNothingToDoAndIsRecorded() async throws {
        try await TestDatabase.with { db in
            let report = try await Nightly(database: db, logger: Self.logger).run(Self.options)
            #expect(report.outcome == .nothingToDo && report.steps.map(\.name) == ["events", "staffing", "roster", "layout", "reminders", "pledges"])
            let run = try await NightlyRepository(db).get(try #require(report.run))
            #expect(run.state == "nothing_to_do" && run.exitCode == 5 && run.steps.count == 6 && run.finishedAt != nil)
        }
    }

    @Test func aDryRunKeepsNothing() async throws {
        try await TestDatabase.with { db in
            var dry = Self.options
            dry.dryRun = true
            let report = try await Nightly(database: db, logger: Self.logger).run(dry)
            #expect(report.steps.count == 6)
            #expect(try await db.count("SELECT count(*) FROM nightly_runs") == 0, "the run's own record was rolled back too")
        }
    }

    @Test func aSecondRunAtOnceIsLockedOut() async throws {
        try await TestDatabase.with { db in
            let report = try await db.withSessionLock(NightlyRepository.lock) {
                try await Nightly(database: db, logger: Self.logger).run(Self.options)
            }
            #expect(report?.outcome == .locked && report?.outcome.rawValue == 3)
        }
    }

    @Test func aRunKilledBetweenStepsIsCompletedByTheNext() async throws {
        try await TestDatabase.with { db in
            var crashing = Self.options
            crashing.crashAfter = "roster"
            await #expect(throws: Nightly.InjectedCrash.self) { try await Nightly(database: db, logger: Self.logger).run(crashing) }
            // The killed run shows how far it got; the lock went with its connection.
            let killed = try #require(try await NightlyRepository(db).running())
            #expect(killed.steps.map(\.name) == ["events", "staffing", "roster"])
            let next = try await Nightly(database: db, logger: Self.logger).run(Self.options)
            #expect(next.outcome == .nothingToDo)
            #expect(try await NightlyRepository(db).get(killed.id).state == "interrupted")
        }
    }

    @Test func quietHoursHoldMessagesUntilMorning() async throws {
        try await TestDatabase.with { db in
            // 22:30 in Shanghai (14:30 UTC) is inside 21:00–08:00: held until 08:00 the next day.
            let held = try await db.count("""
                SELECT extract(epoch FROM quiet_release('Asia/Shanghai', '21:00', '08:00', '2026-12-07 14:30+00'))::bigint
                """)
            #expect(held == Int(ISO8601DateFormatter().date(from: "2026-12-08T00:00:00Z")!.timeIntervalSince1970))
            let free = try await db.count("""
                SELECT extract(epoch FROM quiet_release('Asia/Shanghai', '21:00', '08:00', '2026-12-07 04:00+00'))::bigint
                """)
            #expect(free == Int(ISO8601DateFormatter().date(from: "2026-12-07T04:00:00Z")!.timeIntervalSince1970))
        }
    }
}
