// The nightly benchmark: the rostering district of RosterBench (5 communities, 2,000 volunteers,
// 1,500 shifts over 14 days) and the 20 car parks of FacilityBench with their bookings, put
// through `lianjian nightly`'s work end to end (Nightly.run, as the command calls it) three
// ways: a fresh night, the same night again with nothing changed, and a night after one
// volunteer declined one assignment. One line of results at the end, for scripts/bench-nightly.
import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore
import Logging

enum NightlyBench {
    static func run(_ db: Database, logger: Logger) async throws {
        let env = ProcessInfo.processInfo.environment
        let limit = Double(env["TIME_LIMIT"] ?? "") ?? 10
        let asOf = LocalDate("2026-12-07")!
        for sql in RosterBench.setUp { try await db.execute(sql) }
        let seeded = try await FacilityBench.seed(db, facilities: 20, monday: asOf, days: 14)
        let zone = DisplayZone.standard
        // The evening before the horizon, as cron runs it.
        let now = asOf.at(LocalTime(minutes: 0), in: zone).addingTimeInterval(-2 * 3600)
        let options = Nightly.Options(asOf: asOf, horizonDays: 14, freezeHours: 48, timeLimitSeconds: limit)
        let nightly = Nightly(database: db, logger: logger)
        func night() async throws -> (Double, Nightly.Report, Int) {
            // What the last night wrote was delivered in the morning (a pending message would
            // take the next night's changes into it instead of a new one).
            try await db.execute("UPDATE notifications SET state = 'sent', sent_at = now() WHERE state = 'pending'")
            let before = try await db.count("SELECT count(*) FROM notifications")
            let start = ContinuousClock.now
            let report = try await DisplayZone.$current.withValue(zone) { try await nightly.run(options, now: now) }
            let elapsed = millis(ContinuousClock.now - start)
            return (elapsed, report, try await db.count("SELECT count(*) FROM notifications") - before)
        }
        print("district: 2,000 volunteers, 1,500 shifts, 20 car parks (\(seeded.requests - seeded.refused) bookings), 14 days from \(asOf); solver limit \(limit) s")
        let (fresh, first, told) = try await night()
        print(describe("fresh night", fresh, first, told))
        let (rerun, second, retold) = try await night()
        print(describe("again, nothing changed", rerun, second, retold))
        // One assignment a week out is declined (outside the freeze window).
        let pair = try await db.strings("""
            SELECT a.role_id::text || '|' || a.volunteer_id::text FROM published_assignments a
            JOIN event_roles r ON r.id = a.role_id JOIN events e ON e.id = r.event_id
            WHERE e.starts_at >= '2026-12-14T00:00:00+08:00' ORDER BY e.starts_at, a.role_id, a.volunteer_id LIMIT 1
            """)[0].split(separator: "|").map(String.init)
        try await AssignmentRepository(db).respond(Volunteer.ID(pair[1])!, role: UUID(uuidString: pair[0])!, confirmed: false, reason: "基准测试")
        let (declined, third, declineTold) = try await night()
        print(describe("after one decline", declined, third, declineTold))
        print(String(format: "RESULT fresh_ms=%.0f rerun_ms=%.0f rerun_changes=%d rerun_messages=%d decline_ms=%.0f decline_changes=%d decline_messages=%d",
                     fresh, rerun, changes(second), retold, declined, changes(third), declineTold))
    }

    static func changes(_ report: Nightly.Report) -> Int {
        let roster = report.steps.first { $0.name == "roster" }?.counts ?? [:]
        return ["assignments_added", "assignments_removed", "assignments_moved"].reduce(0) { $0 + (roster[$1] ?? 0) }
    }

    static func describe(_ label: String, _ elapsed: Double, _ report: Nightly.Report, _ messages: Int) -> String {
        let steps = report.steps.map { "\($0.name) \($0.ms)" }.joined(separator: ", ")
        let roster = report.steps.first { $0.name == "roster" }?.counts ?? [:]
        let counts = ["assignments_added", "assignments_removed", "assignments_moved", "unfilled_positions", "solver_budget_ms"]
            .map { "\($0) \(roster[$0].map(String.init) ?? "-")" }.joined(separator: ", ")
        return String(format: "  %@: %.0f ms end to end (%@ ms); %@; %d messages; outcome %@", label, elapsed, steps, counts, messages, report.outcome.state)
    }
}
