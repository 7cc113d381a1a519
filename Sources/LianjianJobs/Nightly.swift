import Foundation
import LianjianDomain
import LianjianStore
import Logging

/// The nightly job: brings the coming days up to date, safely, and tells exactly the people
/// whose plans changed.
///
/// In order: events from service plans for the horizon; staffing from participants; the roster
/// of the horizon re-planned (confirmed work and work inside the freeze window pinned, the
/// published roster as `previous`, so nobody moves without reason) and published through the
/// guarded publish, which writes the notifications of what changed; every time-shared facility
/// laid out again; reminders of tomorrow's work. One run at a time holds the night (a session
/// lock, freed at once if its process dies); every step commits on its own and is idempotent,
/// so a run that was killed is simply run again.
public struct Nightly: Sendable {
    public struct Options: Sendable {
        public var asOf: LocalDate
        public var horizonDays: Int
        public var freezeHours: Int
        public var dryRun: Bool
        /// The solver's budget for the horizon's roster.
        public var timeLimitSeconds: Double
        /// For tests: stop as a crash would, after the step of this name.
        public var crashAfter: String?
        /// Share the re-plan and layout with other processes, as jobs of one partition each;
        /// a run that finds the night held joins it instead of exiting.
        public var workers: Bool

        public init(asOf: LocalDate, horizonDays: Int = 14, freezeHours: Int = 48, dryRun: Bool = false,
                    timeLimitSeconds: Double = 10, crashAfter: String? = nil, workers: Bool = false) {
            self.workers = workers
            self.asOf = asOf
            self.horizonDays = horizonDays
            self.freezeHours = freezeHours
            self.dryRun = dryRun
            self.timeLimitSeconds = timeLimitSeconds
            self.crashAfter = crashAfter
        }
    }

    /// How a run ended; the command's exit code.
    public enum Outcome: Int32, Sendable {
        case succeeded = 0
        case failed = 1
        case locked = 3
        case unfilled = 4
        case nothingToDo = 5

        /// As the run record and `lianjian runs` name it.
        public var state: String {
            switch self {
            case .succeeded: "succeeded"
            case .failed: "failed"
            case .locked: "locked"
            case .unfilled: "unfilled"
            case .nothingToDo: "nothing_to_do"
            }
        }
    }

    /// What a run did (or, dry, would do).
    public struct Report: Sendable {
        public var run: UUID?
        public var outcome: Outcome
        public var steps: [NightlyRepository.Step]
        /// Who holds the night, when it was locked (or joined).
        public var holder: String?
        /// The partitions this process did for a night it joined.
        public var joined: Int? = nil
    }

    /// The failure a test asks for between two steps.
    public struct InjectedCrash: Error {}

    let database: Database
    let logger: Logger

    public init(database: Database, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// Runs the night, or answers at once with ``Outcome/locked`` when another run holds it.
    public func run(_ options: Options, now: Date = Date()) async throws -> Report {
        let held = try await database.withSessionLock(NightlyRepository.lock) {
            if options.dryRun {
                return try await database.rolledBack { try await self.steps(options, now: now) }
            }
            return try await self.steps(options, now: now)
        }
        if let held { return held }
        if options.workers && !options.dryRun { return try await join() }
        let holder = try? await NightlyRepository(database).running()
        let who = holder.map { "run \($0.id.uuidString.lowercased()) on \($0.host), started \($0.startedAt.rfc3339)" } ?? "another run"
        return Report(run: holder?.id, outcome: .locked, steps: [], holder: who)
    }

    /// The steps in order, each recorded as it ends.
    func steps(_ options: Options, now: Date) async throws -> Report {
        let runs = NightlyRepository(database)
        let id = try await runs.start(asOf: options.asOf, horizonDays: options.horizonDays, freezeHours: options.freezeHours,
                                      host: Worker.Settings.defaultName)
        var logger = self.logger
        logger[metadataKey: "run"] = "\(id.uuidString.lowercased())"
        let night = NightSteps(database: database, options: options, now: now, logger: logger)
        var done: [NightlyRepository.Step] = []
        do {
            for step in NightSteps.order where !(options.workers && step == "layout") {
                let clock = ContinuousClock(), started = clock.now
                // Shared by several processes, the roster and the layout are done together, by partition.
                var records = options.workers && step == "roster" ? try await night.partitioned(run: id) : [try await night.run(step)]
                if records.count == 1 { records[0].ms = RosterGeneration.ms(started, clock.now) }
                for record in records {
                    try await runs.record(id, record)
                    done.append(record)
                    logger.info("nightly step done", metadata: ["step": "\(record.name)", "ms": "\(record.ms)", "counts": "\(record.counts)"])
                    if options.crashAfter == record.name { throw InjectedCrash() }
                }
            }
        } catch let crash as InjectedCrash {
            throw crash
        } catch {
            logger.error("nightly run failed", metadata: ["error": "\(error)"])
            try? await runs.finish(id, state: Outcome.failed.state, exitCode: Int(Outcome.failed.rawValue), error: "\(error)")
            return Report(run: id, outcome: .failed, steps: done, holder: nil)
        }
        let outcome = Self.outcome(done)
        try await runs.finish(id, state: outcome.state, exitCode: Int(outcome.rawValue))
        return Report(run: id, outcome: outcome, steps: done, holder: nil)
    }

    /// Works on the partitions of the run that holds the night, until it no longer holds it.
    func join() async throws -> Report {
        let nights = NightlyRepository(database)
        let holder = try? await nights.running()
        logger.info("joining the night's run", metadata: ["run": "\(holder?.id.uuidString.lowercased() ?? "-")"])
        let done = try await Self.workOnPartitions(database: database, logger: logger) { try await nights.nightHeld() }
        return Report(run: holder?.id, outcome: .succeeded, steps: [], holder: holder.map { "run \($0.id.uuidString.lowercased()) on \($0.host)" },
                      joined: done)
    }

    /// Claims and does partitions of nights, one at a time, while `more` says there may be some.
    /// - Returns: how many this process did.
    @discardableResult
    static func workOnPartitions(database: Database, logger: Logger, while more: () async throws -> Bool) async throws -> Int {
        let worker = Worker(database: database, settings: .init(concurrency: 1), logger: logger)
        let jobs = JobRepository(database)
        let name = "\(worker.settings.name)/night"
        var done = 0
        while try await more() {
            if let claim = try await jobs.claim(worker: name, kinds: [.nightlyPartition], lease: worker.settings.lease) {
                await worker.perform(claim)
                done += 1
            } else {
                try await Task.sleep(for: NightSteps.partitionPoll)
            }
        }
        return done
    }

    /// Unfilled positions first (organisers must act); then whether anything changed at all.
    static func outcome(_ steps: [NightlyRepository.Step]) -> Outcome {
        let counts = steps.reduce(into: [String: Int]()) { all, s in all.merge(s.counts, uniquingKeysWith: +) }
        if (counts["unfilled_positions"] ?? 0) > 0 { return .unfilled }
        let changes = ["events_created", "roles_restaffed", "assignments_added", "assignments_removed", "assignments_moved",
                       "bookings_moved", "reminders"]
        return changes.contains { (counts[$0] ?? 0) > 0 } ? .succeeded : .nothingToDo
    }
}
