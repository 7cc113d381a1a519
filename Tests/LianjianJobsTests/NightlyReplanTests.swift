import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore
import TestSupport
import Testing

/// How much solving a night does: a fresh horizon gets the whole budget, a re-plan the share of
/// it that the unstaffed shifts make up (at least a second), and a night that reads exactly what
/// the last one planned from does not solve at all, so it cannot move anybody.
@Suite("Nightly job: re-planning")
struct NightlyReplanTests {
    static let kept = "nothing the roster depends on has changed since the last night: kept as published, not solved again"

    func night(_ f: NightFixture, timeLimit: Double) async throws -> NightlyRepository.Step {
        var options = f.options()
        options.timeLimitSeconds = timeLimit
        let report = try await DisplayZone.$current.withValue(NightFixture.zone) {
            try await Nightly(database: f.db, logger: NightlyTests.logger).run(options)
        }
        return try #require(report.steps.first { $0.name == "roster" })
    }

    @Test func anUnchangedNightIsNotSolvedAgainAndAChangedOneIs() async throws {
        try await TestDatabase.with { db in
            let f = try await NightFixture.make(db)
            let first = try await night(f, timeLimit: 2)
            #expect(first.counts["solver_budget_ms"] == 2000, "a fresh horizon gets the whole time limit: \(first.counts)")
            #expect(first.fingerprint != nil && !first.notes.contains(Self.kept))

            let second = try await night(f, timeLimit: 2)
            #expect(second.notes.first == Self.kept, "\(second.notes)")
            #expect(second.counts["solver_budget_ms"] == nil && second.counts["assignments_added"] == 0)
            #expect(second.fingerprint == first.fingerprint && second.score == first.score && second.bound == first.bound)

            // Somebody's hours change: the problem is not the same, so the night solves again,
            // with the floor of a second (every shift still has somebody on it).
            try await db.execute("""
                DELETE FROM volunteer_availability WHERE weekday = 7 AND volunteer_id = (SELECT id FROM volunteers ORDER BY name LIMIT 1)
                """)
            let third = try await night(f, timeLimit: 2)
            #expect(!third.notes.contains(Self.kept))
            #expect(third.counts["solver_budget_ms"] == 1000, "\(third.counts)")
            #expect(third.fingerprint != second.fingerprint)
        }
    }

    @Test func aRosterChangedOutsideTheNightIsPlannedAgain() async throws {
        try await TestDatabase.with { db in
            let f = try await NightFixture.make(db)
            _ = try await night(f, timeLimit: 1)
            // An organiser takes somebody off by hand between nights: the published pairs differ
            // from what the night left, so it looks again (and fills the place).
            let before = try await f.published()
            let pair = try #require(before.sorted().last)
            let parts = pair.split(separator: "|").map(String.init)
            try await db.execute("DELETE FROM published_assignments WHERE role_id = '\(parts[0])' AND volunteer_id = '\(parts[1])'")
            let next = try await night(f, timeLimit: 1)
            #expect(!next.notes.contains(Self.kept), "\(next.notes)")
            #expect(try await f.published().count == before.count, "the place is filled again")
        }
    }
}
