import Foundation
import LianjianDomain
import LianjianStore
import Logging
import RosterSolver
import Synchronization

/// Roster generation: reads the problem from the tables, solves it on the solver's threads and
/// stores a draft. Run by a worker for a queued job, or directly by commands (the demo, the
/// benchmark) that wait for it anyway.
public struct RosterGeneration: Sendable {
    let database: Database

    public init(_ database: Database) { self.database = database }

    /// Timings of one generation, for the benchmark.
    public struct Timing: Sendable {
        public var loadMs: Int
        public var solveMs: Int
        public var storeMs: Int
    }

    /// Generates and stores a draft now, on the caller's task (the solving itself still runs on
    /// the gate's threads).
    public func generate(_ ask: JobRepository.GenerateRoster) async throws -> (RosterRepository.Version, Timing) {
        let rosters = RosterRepository(database)
        let clock = ContinuousClock()
        let t0 = clock.now
        let reading = try await rosters.read(community: ask.communityID, from: ask.from, to: ask.to)
        let t1 = clock.now
        let roster = try await Self.solve(reading.problem, ask, progress: nil)
        let t2 = clock.now
        let id = try await rosters.storeDraft(reading, roster: roster, solveMs: Self.ms(t1, t2))
        let timing = Timing(loadMs: Self.ms(t0, t1), solveMs: Self.ms(t1, t2), storeMs: Self.ms(t2, clock.now))
        return (try await rosters.get(id), timing)
    }

    /// The job: as ``generate(_:)``, reporting progress, and storing the draft together with
    /// the job's end (nothing is stored when the claim was lost meanwhile).
    func run(_ ask: JobRepository.GenerateRoster, _ claim: JobRepository.Claim, progress: ProgressBox) async throws -> [String: String] {
        let rosters = RosterRepository(database)
        progress.set(.init(phase: "reading", percent: 0))
        let reading = try await rosters.read(community: ask.communityID, from: ask.from, to: ask.to)
        let clock = ContinuousClock()
        let started = clock.now
        let roster = try await Self.solve(reading.problem, ask) { p in
            progress.set(.init(phase: p.phase == .done ? "storing" : p.phase.rawValue, percent: p.percent, best: p.best, bound: p.bound))
        }
        progress.set(.init(phase: "storing", percent: 100, best: roster.score.total, bound: roster.lowerBound))
        let id = try await rosters.storeDraft(reading, roster: roster, solveMs: Self.ms(started, clock.now), completing: claim,
                                              progress: progress.current)
        return ["version_id": id.uuidString.lowercased()]
    }

    /// Pinned (confirmed) pairs that break a hard rule are the only way solving can fail.
    static func solve(_ problem: Problem, _ ask: JobRepository.GenerateRoster,
                      progress: (@Sendable (SolverProgress) -> Void)?) async throws(JobFailure) -> Roster {
        let options = SolverOptions(timeLimit: .milliseconds(Int(ask.timeLimitSeconds * 1000)), seed: ask.seed, progress: progress)
        // The solver is CPU-bound for seconds: it runs on a thread of its own, never on Swift's pool.
        let outcome = await SolverGate.shared.run { Result { () throws(ProblemError) -> Roster in try Solver.solve(problem, options: options) } }
        switch outcome {
        case .success(let roster): return roster
        case .failure(let error):
            throw JobFailure(code: "invalid", field: "pinned",
                             message: "confirmed assignments cannot all be kept: \(error.path): \(error.reason)")
        }
    }

    static func ms(_ a: ContinuousClock.Instant, _ b: ContinuousClock.Instant) -> Int {
        let d = a.duration(to: b)
        return Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// The latest progress of a running job, written by the solver's threads and read by the
/// worker's heartbeat.
final class ProgressBox: Sendable {
    private let value = Mutex<JobRepository.Progress?>(nil)
    func set(_ p: JobRepository.Progress) { value.withLock { $0 = p } }
    var current: JobRepository.Progress? { value.withLock { $0 } }
}
