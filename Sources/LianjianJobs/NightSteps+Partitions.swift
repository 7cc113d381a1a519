import Foundation
import LianjianDomain
import LianjianStore
import Logging

extension NightSteps {
    /// How often a process waiting on the night's partitions looks again.
    static let partitionPoll: Duration = .milliseconds(200)

    /// The roster and layout steps of a night shared by several processes: one job per cluster
    /// of communities with work in the horizon (``NightPartition``), each with its share of the
    /// solver time, done by whichever process claims it (this one too) — none twice, none
    /// missed. A dry run plans the partitions here, inside its transaction.
    /// - Returns: the roster step and the layout step, summed over the partitions.
    func partitioned(run: UUID) async throws -> [NightlyRepository.Step] {
        let clock = ContinuousClock(), started = clock.now
        let planned = try await partitionPayloads(run: run)
        let payloads = planned.map(\.payload)
        var outcomes: [NightPartition.Outcome] = []
        if options.dryRun {
            for payload in payloads { outcomes.append(try await NightPartition(database: database, payload: payload, logger: logger).plan()) }
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let nights = NightlyRepository(database)
            _ = try await nights.queuePartitions(run: run, try planned.map { (String(decoding: try encoder.encode($0.payload), as: UTF8.self), $0.priority) })
            try await Nightly.workOnPartitions(database: database, logger: logger) { try await nights.partitions(of: run).open > 0 }
            let state = try await nights.partitions(of: run)
            if let failure = state.failures.first { throw NightPartitionFailed(error: failure) }
            outcomes = state.results.compactMap { try? JSONDecoder().decode(NightPartition.Outcome.self, from: Data($0.utf8)) }
        }
        var roster = Self.sum(outcomes.map(\.roster), name: "roster")
        roster.counts["partitions"] = payloads.count
        roster = try await unfilled(roster)
        var layout = Self.sum(outcomes.map(\.layout), name: "layout")
        layout.counts["partitions"] = payloads.count
        let ms = RosterGeneration.ms(started, clock.now)
        (roster.ms, layout.ms) = (ms, 0)
        return [roster, layout]
    }

    /// How many shifts' worth of work laying out one booked facility is taken to be when the
    /// partitions are ordered: an estimate, only the order depends on it.
    static let facilityWeight = 25

    /// One partition per cluster with shifts or booked facilities in the horizon; the night's
    /// solver time is shared by their shifts. Each comes with its priority (its work: shifts and
    /// weighted facilities), so that processes claim the largest first and finish together.
    func partitionPayloads(run: UUID) async throws -> [(payload: NightPartition.Payload, priority: Int)] {
        let nights = NightlyRepository(database)
        let (communities, links) = try await nights.communityLinks()
        let work = try await nights.workByCommunity(from: start, to: end)
        let clusters = CommunityClusters.of(communities, links: links).filter { $0.contains { work[$0] != nil } }
        let total = max(1, work.values.reduce(0) { $0 + $1.roles })
        return clusters.map { cluster in
            let roles = cluster.reduce(0) { $0 + (work[$1]?.roles ?? 0) }
            let facilities = cluster.reduce(0) { $0 + (work[$1]?.facilities ?? 0) }
            let payload = NightPartition.Payload(run: run.uuidString.lowercased(), key: NightPartition.Payload.key(cluster), communities: cluster,
                                          asOf: options.asOf, horizonDays: options.horizonDays, freezeHours: options.freezeHours,
                                          timeLimitSeconds: options.timeLimitSeconds * Double(roles) / Double(total),
                                          now: now, zone: zone.identifier)
            return (payload, roles + Self.facilityWeight * facilities)
        }
    }

    /// The partitions' steps as one: counts added up, notes in partition order, scores and
    /// bounds summed (a bound only when every partition has one).
    static func sum(_ steps: [NightlyRepository.Step], name: String) -> NightlyRepository.Step {
        var total = NightlyRepository.Step(name: name, ms: 0)
        for step in steps {
            total.counts.merge(step.counts, uniquingKeysWith: +)
            total.notes += step.notes.filter { !total.notes.contains($0) }
        }
        let scores = steps.compactMap(\.score), bounds = steps.compactMap(\.bound)
        total.score = scores.isEmpty ? nil : scores.reduce(0, +)
        total.bound = bounds.count == steps.count && !bounds.isEmpty ? bounds.reduce(0, +) : nil
        return total
    }
}

/// A partition of the night failed on every attempt; the run fails with its reason.
struct NightPartitionFailed: Error, CustomStringConvertible {
    let error: String
    var description: String { "a partition of the night failed: \(error)" }
}
