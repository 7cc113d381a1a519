import Crypto
import Foundation
import LianjianDomain
import LianjianStore
import Logging

/// One partition of a night shared by several processes (`lianjian nightly --workers`): the
/// roster of one cluster of communities (``CommunityClusters``) re-planned and published, then
/// the cluster's facilities laid out, as a job any worker may claim. Clusters share no
/// volunteer, so partitions planned at the same time cannot plan anybody twice; the notices
/// they write go to different people.
struct NightPartition: Sendable {
    /// What the coordinating run queues for a partition.
    struct Payload: Codable, Sendable, Equatable {
        /// The run that queued it, and the partition's key: the same cluster has the same key
        /// every night, so a night finds what the last one planned there.
        var run: String
        var key: String
        var communities: [Community.ID]
        var asOf: LocalDate
        var horizonDays: Int
        var freezeHours: Int
        /// The partition's share of the night's solver time (its share of the shifts).
        var timeLimitSeconds: Double
        /// The run's clock and zone, so that every process plans the same night.
        var now: Date
        var zone: String

        enum CodingKeys: String, CodingKey {
            case run, key, communities, now, zone
            case asOf = "as_of"
            case horizonDays = "horizon_days"
            case freezeHours = "freeze_hours"
            case timeLimitSeconds = "time_limit_seconds"
        }

        /// The same key for the same communities, whatever their order.
        static func key(_ communities: [Community.ID]) -> String {
            let text = communities.map(\.description).sorted().joined(separator: ",")
            return SHA256.hash(data: Data(text.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        }
    }

    /// What a partition did, as its job's result carries it.
    struct Outcome: Codable, Sendable {
        var roster: NightlyRepository.Step
        var layout: NightlyRepository.Step
    }

    let database: Database
    let payload: Payload
    let logger: Logger

    /// Plans the partition and ends the job with its ``Outcome`` (under `result.step`).
    func run(_ claim: JobRepository.Claim) async throws -> [String: String] {
        // A partition left by a run that was killed, when a later run plans the night again:
        // planning it with the old run's clock would only race the new one.
        if let newest = try await NightlyRepository(database).newestRun(), newest.uuidString.lowercased() != payload.run {
            let result = ["superseded_by": newest.uuidString.lowercased()]
            try await JobRepository(database).succeed(claim, result: result)
            return result
        }
        let outcome = try await plan()
        let result = ["step": String(decoding: try JSONEncoder().encode(outcome), as: UTF8.self)]
        try await JobRepository(database).succeed(claim, result: result)
        return result
    }

    /// The partition's roster and layout.
    func plan() async throws -> Outcome {
        let zone = TimeZone(identifier: payload.zone) ?? DisplayZone.standard
        return try await DisplayZone.$current.withValue(zone) {
            let options = Nightly.Options(asOf: payload.asOf, horizonDays: payload.horizonDays, freezeHours: payload.freezeHours,
                                          timeLimitSeconds: payload.timeLimitSeconds)
            let night = NightSteps(database: database, options: options, now: payload.now, logger: logger)
            let last = try await NightlyRepository(database).lastPartitionStep(key: payload.key)
                .flatMap { try? JSONDecoder().decode(Outcome.self, from: Data($0.utf8)) }
            let roster: NightlyRepository.Step
            do {
                roster = try await night.replan(partition: payload.communities, last: last?.roster)
            } catch let error as StoreError where error.code == .stale {
                // Someone answered or published meanwhile: planning again will read it.
                throw JobFailure(code: "stale", field: error.field, message: error.message, retryable: true)
            }
            return Outcome(roster: roster, layout: try await night.layout(in: payload.communities))
        }
    }
}
