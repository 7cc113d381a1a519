import Foundation
import LianjianDomain
import LianjianStore
import RosterSolver

extension NightSteps {
    /// The smallest budget a re-plan gets: enough to fill a slot a decline left open.
    static let replanFloorSeconds = 1.0

    /// The horizon's roster re-planned and, when it changes anything, published. Skipped when
    /// the night reads exactly what the last night planned from (``RosterFingerprint``).
    func roster() async throws -> NightlyRepository.Step {
        let last = try await NightlyRepository(database).lastStep(named: "roster")
        return try await unfilled(try await replan(partition: nil, last: last))
    }

    /// The roster of the horizon (or of a night's partition) re-planned from what is published,
    /// within ``budget(_:)``, and published when it changes anything; kept as it stands, without
    /// solving, when the reading is the one `last` planned from.
    func replan(partition: [Community.ID]?, last: NightlyRepository.Step?) async throws -> NightlyRepository.Step {
        let rosters = RosterRepository(database)
        let freeze = now.addingTimeInterval(Double(options.freezeHours) * 3600)
        var reading = try await rosters.read(community: nil, from: from, to: to, freezeUntil: freeze, partition: partition)
        guard !reading.problem.shifts.isEmpty else { return .init(name: "roster", ms: 0, counts: ["shifts": 0]) }
        let before = RosterFingerprint(problem: reading.problem, published: reading.published)
        if let last, last.fingerprint == before.text {
            let note = "nothing the roster depends on has changed since the last night: kept as published, not solved again"
            return .init(name: "roster", ms: 0, counts: Self.unchanged(reading), notes: [note], score: last.score, bound: last.bound,
                         fingerprint: before.text)
        }
        var notes: [String] = []
        let ask = JobRepository.GenerateRoster(communityID: nil, from: from, to: to, timeLimitSeconds: budget(reading))
        let clock = ContinuousClock(), started = clock.now
        let solved: Roster
        do {
            solved = try await RosterGeneration.solve(reading.problem, ask, progress: nil)
        } catch {
            // Frozen work that can no longer be kept (someone's hours changed): plan without the
            // freeze rather than leave the night undone, and say so.
            notes.append("frozen assignments could not all be kept (\(error.message)); planned without the freeze window")
            reading = try await rosters.read(community: nil, from: from, to: to, partition: partition)
            solved = try await RosterGeneration.solve(reading.problem, ask, progress: nil)
        }
        let solveMs = RosterGeneration.ms(started, clock.now)
        let planned = Set(solved.assignments)
        var counts = Self.unchanged(reading)
        counts["solver_budget_ms"] = Int(ask.timeLimitSeconds * 1000)
        if Set(reading.published) != planned {
            let id = try await rosters.storeDraft(reading, roster: solved, solveMs: solveMs)
            let version = try await rosters.publish(id)
            counts["assignments_added"] = max(0, version.diff.added.count - version.diff.moved.count)
            counts["assignments_removed"] = max(0, version.diff.removed.count - version.diff.moved.count)
            counts["assignments_moved"] = version.diff.moved.count
        }
        return .init(name: "roster", ms: 0, counts: counts, notes: notes, score: solved.score.total, bound: solved.lowerBound,
                     fingerprint: RosterFingerprint(problem: reading.problem, published: planned).text)
    }

    /// A fresh horizon gets the whole `--time-limit`; a re-plan the share of it that the shifts
    /// with nobody published on them make up (a decline, a new day at the horizon's end), at
    /// least ``replanFloorSeconds``.
    func budget(_ reading: RosterRepository.Reading) -> Double {
        let staffed = Set(reading.published.map(\.shift))
        let open = reading.problem.shifts.filter { !staffed.contains($0.id) }.count
        let share = Double(open) / Double(reading.problem.shifts.count)
        return max(min(options.timeLimitSeconds, Self.replanFloorSeconds), options.timeLimitSeconds * share)
    }

    static func unchanged(_ reading: RosterRepository.Reading) -> [String: Int] {
        ["shifts": reading.problem.shifts.count, "assignments_added": 0, "assignments_removed": 0, "assignments_moved": 0]
    }

    /// The step with the horizon's unfilled positions counted and listed by event.
    func unfilled(_ step: NightlyRepository.Step) async throws -> NightlyRepository.Step {
        var step = step
        let unfilled = try await NightlyRepository(database).unfilled(from: max(start, now), to: end)
        step.counts["unfilled_positions"] = unfilled.reduce(0) { $0 + $1.missing }
        step.notes += unfilled.map { "\($0.title) \($0.start.rfc3339): \($0.missing) missing" }
        return step
    }
}
