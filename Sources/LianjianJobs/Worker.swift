import Foundation
import LianjianDomain
import LianjianStore
import Logging
import Metrics
import ServiceLifecycle

/// Runs queued jobs: claims them from the database's queue (`FOR UPDATE SKIP LOCKED`, so any
/// number of workers in any number of processes share it), keeps each claim's lease alive while
/// it works, and ends each job with its result or error. A service: `lianjian worker` runs it
/// alone, `lianjian serve` beside the HTTP server.
///
/// On graceful shutdown it takes no new job and lets the running ones finish; a job cut off
/// anyway loses its lease and is taken over by another worker (or this one, restarted).
public struct Worker: Service {
    public struct Settings: Sendable {
        /// Names the worker in `jobs.locked_by` and in logs: host and process by default.
        public var name: String
        /// How long to wait before looking again when the queue is empty.
        public var pollInterval: Duration
        /// How long a claim holds without renewal; it is renewed every third of it.
        public var lease: Duration
        /// Jobs run at once (each solve uses threads of its own).
        public var concurrency: Int
        /// How often the delivery lane looks for notifications that are due.
        public var deliveryInterval: Duration

        public init(name: String = Settings.defaultName, pollInterval: Duration = .milliseconds(500),
                    lease: Duration = .seconds(30), concurrency: Int = SolverGate.shared.slots,
                    deliveryInterval: Duration = .seconds(15)) {
            self.name = name
            self.pollInterval = pollInterval
            self.lease = lease
            self.concurrency = max(1, concurrency)
            self.deliveryInterval = deliveryInterval
        }

        public static var defaultName: String {
            "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
        }
    }

    let database: Database
    let settings: Settings
    let deliverer: Deliverer?
    let logger: Logger

    /// With a `deliverer`, a lane of its own delivers the notification outbox as it falls due
    /// (quiet hours and retries decide when), so no separate `lianjian deliver` is needed.
    public init(database: Database, settings: Settings = .init(), deliverer: Deliverer? = nil, logger: Logger) {
        self.database = database
        self.settings = settings
        self.deliverer = deliverer
        self.logger = logger
    }

    public func run() async throws {
        logger.info("worker started", metadata: ["worker": "\(settings.name)", "concurrency": "\(settings.concurrency)"])
        await withTaskGroup(of: Void.self) { group in
            for lane in 0..<settings.concurrency {
                group.addTask { await self.lane(lane) }
            }
            if let deliverer { group.addTask { await self.deliveryLane(deliverer) } }
        }
        logger.info("worker stopped", metadata: ["worker": "\(settings.name)"])
    }

    /// One job at a time, until shutdown.
    func lane(_ lane: Int) async {
        let jobs = JobRepository(database)
        let name = "\(settings.name)/\(lane)"
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                if let claim = try await jobs.claim(worker: name, lease: settings.lease) {
                    await perform(claim)
                    continue
                }
            } catch {
                // Stopping cuts the claim's query short: that is no failure to report.
                if Task.isCancelled { break }
                logger.warning("could not claim a job", metadata: ["worker": "\(name)", "error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: settings.pollInterval) }
        }
    }

    /// Delivers what is due, then waits, until shutdown.
    func deliveryLane(_ deliverer: Deliverer) async {
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                let pass = try await deliverer.deliverDue()
                if pass.sent + pass.failed > 0 {
                    logger.info("notifications delivered", metadata: ["worker": "\(settings.name)", "sent": "\(pass.sent)", "failed": "\(pass.failed)"])
                }
            } catch {
                if Task.isCancelled { break }
                logger.warning("could not deliver notifications", metadata: ["worker": "\(settings.name)", "error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: settings.deliveryInterval) }
        }
    }

    /// Runs a claimed job once to its end, and only this once: every write checks the claim.
    public func perform(_ claim: JobRepository.Claim) async {
        var jobLogger = self.logger
        jobLogger[metadataKey: "job"] = "\(claim.id.uuidString.lowercased())"
        jobLogger[metadataKey: "kind"] = "\(claim.kind.rawValue)"
        jobLogger[metadataKey: "attempt"] = "\(claim.attempt)"
        let logger = jobLogger
        logger.info("job started")
        let jobs = JobRepository(database)
        let progress = ProgressBox()
        let clock = ContinuousClock()
        let started = clock.now
        let outcome: Result<[String: String], JobFailure> = await withTaskGroup(of: Result<[String: String], JobFailure>?.self) { group in
            group.addTask { await self.heartbeat(claim, progress, jobs, logger); return nil }
            group.addTask {
                do throws(JobFailure) { return .success(try await self.work(claim, progress, logger)) } catch { return .failure(error) }
            }
            var outcome: Result<[String: String], JobFailure>?
            while let next = await group.next() {
                if let next { outcome = next; group.cancelAll() }
            }
            return outcome ?? .failure(.unexpected)
        }
        let elapsed = started.duration(to: clock.now)
        let ms = RosterGeneration.ms(started, clock.now)
        let state = if case .success = outcome { "succeeded" } else { "failed" }
        Metrics.Timer(label: "lianjian_job_duration_seconds", dimensions: [("kind", claim.kind.rawValue), ("outcome", state)],
                      preferredDisplayUnit: .seconds)
            .recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        switch outcome {
        case .success:
            logger.info("job succeeded", metadata: ["ms": "\(ms)"])
        case .failure(let failure):
            logger.warning("job failed", metadata: ["ms": "\(ms)", "code": "\(failure.code)", "retry": "\(failure.retryable)"])
            do {
                try await jobs.fail(claim, failure.record, retry: failure.retryable)
            } catch {
                logger.error("could not record the job's failure; its lease will run out and it will be retried", metadata: ["error": "\(error)"])
            }
        }
    }

    /// The job's own work, by kind.
    func work(_ claim: JobRepository.Claim, _ progress: ProgressBox, _ logger: Logger) async throws(JobFailure) -> [String: String] {
        do {
            switch claim.kind {
            case .generateRoster:
                let ask = try JSONDecoder().decode(JobRepository.GenerateRoster.self, from: Data(claim.payload.utf8))
                // Whatever the job writes is recorded in the audit log as the job's.
                return try await AuditActor.$current.withValue("job \(claim.id.uuidString.lowercased())") {
                    try await RosterGeneration(database).run(ask, claim, progress: progress)
                }
            case .nightlyPartition:
                let payload = try JSONDecoder().decode(NightPartition.Payload.self, from: Data(claim.payload.utf8))
                var logger = logger
                logger[metadataKey: "run"] = "\(payload.run)"
                let partition = NightPartition(database: database, payload: payload, logger: logger)
                return try await AuditActor.$current.withValue("nightly \(payload.run)") { try await partition.run(claim) }
            }
        } catch let failure as JobFailure {
            throw failure
        } catch let error as StoreError {
            throw JobFailure(error)
        } catch is DecodingError {
            throw JobFailure(code: "invalid", field: "payload", message: "the job's payload cannot be read")
        } catch {
            logger.error("job threw an unexpected error", metadata: ["error": "\(error)"])
            throw JobFailure.unexpected
        }
    }

    /// Renews the claim's lease with the latest progress every third of the lease (at most
    /// every second, so progress stays fresh), until cancelled.
    func heartbeat(_ claim: JobRepository.Claim, _ progress: ProgressBox, _ jobs: JobRepository, _ logger: Logger) async {
        let every = min(.seconds(1), claim.lease / 3)
        while !Task.isCancelled {
            try? await Task.sleep(for: every)
            if Task.isCancelled { return }
            do {
                if try await !jobs.renew(claim, progress: progress.current) {
                    logger.warning("lost the job's claim to another worker; its result will be dropped")
                    return
                }
            } catch {
                logger.warning("could not renew the job's lease", metadata: ["error": "\(error)"])
            }
        }
    }
}
