import Foundation
import LianjianDomain
import PostgresNIO

/// The job queue (`jobs`): work queued by requests and commands, done by workers.
///
/// A worker claims a job with a lease (``claim(worker:kinds:lease:)``), renews it with its
/// progress while it works, and ends it with a result or an error; every one of those writes
/// checks that the worker still holds the lease, so a worker that lost it (it stalled and
/// another took the job over) can never overwrite the new holder's work.
public struct JobRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The kinds of job there are.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Builds a roster problem, solves it and stores a draft (payload: ``GenerateRoster``).
        case generateRoster = "generate_roster"
        /// Re-plans and lays out one cluster of communities for a night shared by several
        /// processes (payload: the jobs layer's `NightPartition.Payload`).
        case nightlyPartition = "nightly_partition"
    }

    /// What a roster generation is asked to do.
    public struct GenerateRoster: Sendable, Codable, Equatable {
        public var communityID: Community.ID?
        public var from: LocalDate
        public var to: LocalDate
        public var timeLimitSeconds: Double
        public var seed: UInt64

        public init(communityID: Community.ID?, from: LocalDate, to: LocalDate, timeLimitSeconds: Double, seed: UInt64 = 0) {
            self.communityID = communityID
            self.from = from
            self.to = to
            self.timeLimitSeconds = timeLimitSeconds
            self.seed = seed
        }

        enum CodingKeys: String, CodingKey {
            case from, to, seed
            case communityID = "community_id"
            case timeLimitSeconds = "time_limit_seconds"
        }
    }

    /// How far a running job has got, as its worker last said.
    public struct Progress: Sendable, Codable, Equatable {
        /// `reading`, `constructing`, `searching`, `bounding`, `storing`, and `done` once it has ended well.
        public var phase: String
        /// Of the time budget used so far, 0–100.
        public var percent: Int
        /// The best roster's total penalty so far, and the lower bound when one is known.
        public var best: Int?
        public var bound: Int?

        public init(phase: String, percent: Int, best: Int? = nil, bound: Int? = nil) {
            self.phase = phase
            self.percent = min(100, max(0, percent))
            self.best = best
            self.bound = bound
        }
    }

    /// Why an attempt failed, as a client may read it (never a database message).
    public struct Failure: Sendable, Codable, Equatable {
        public var code: String
        public var message: String
        public var field: String?

        public init(code: String, message: String, field: String? = nil) {
            self.code = code
            self.message = message
            self.field = field
        }
    }

    /// A job as its owner reads it.
    public struct Job: Sendable, Encodable {
        public var id: UUID
        public var kind: Kind
        public var state: String
        public var attempts: Int
        public var maxAttempts: Int
        public var communityID: Community.ID?
        public var progress: Progress?
        public var result: [String: String]?
        public var error: Failure?
        public var createdAt: Date
        public var startedAt: Date?
        public var finishedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, kind, state, attempts, progress, result, error
            case maxAttempts = "max_attempts"
            case communityID = "community_id"
            case createdAt = "created_at"
            case startedAt = "started_at"
            case finishedAt = "finished_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id.uuidString.lowercased(), forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(state, forKey: .state)
            try c.encode(attempts, forKey: .attempts)
            try c.encode(maxAttempts, forKey: .maxAttempts)
            try c.encode(communityID, forKey: .communityID)
            try c.encode(progress, forKey: .progress)
            try c.encode(result, forKey: .result)
            try c.encode(error, forKey: .error)
            try c.encode(createdAt.rfc3339, forKey: .createdAt)
            try c.encode(startedAt?.rfc3339, forKey: .startedAt)
            try c.encode(finishedAt?.rfc3339, forKey: .finishedAt)
        }
    }

    /// A job a worker holds: which attempt it is, so that only this attempt may end it.
    public struct Claim: Sendable, Equatable {
        public var id: UUID
        public var kind: Kind
        /// The payload's JSON text.
        public var payload: String
        public var attempt: Int
        public var maxAttempts: Int
        public var worker: String
        public var lease: Duration
    }

    /// Queues a job, due now; in the caller's transaction (and idempotency fence) when it has one.
    public func enqueue<Payload: Encodable & Sendable>(_ kind: Kind, _ payload: Payload, community: Community.ID?,
                                                       maxAttempts: Int = 3) async throws(StoreError) -> Job {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: (try? encoder.encode(payload)) ?? Data("{}".utf8), as: UTF8.self)
        let id = try await db.transaction { c in
            try await c.query("""
                INSERT INTO jobs (kind, payload, community_id, max_attempts) VALUES (\(kind.rawValue), \(json)::jsonb, \(community?.uuid), \(maxAttempts))
                RETURNING id
                """, logger: db.logger).all(UUID.self)[0]
        }
        return try await get(id)
    }

    /// One job, or ``StoreError/Code/notFound``.
    public func get(_ id: UUID) async throws(StoreError) -> Job {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT kind, state, attempts, max_attempts, community_id, progress::text, result::text, error::text,
                       created_at, started_at, finished_at
                FROM jobs WHERE id = \(id)
                """, logger: db.logger).all((String, String, Int32, Int32, UUID?, String?, String?, String?, Date, Date?, Date?).self)
        }
        guard let r = rows.first, let kind = Kind(rawValue: r.0) else { throw .notFound("job") }
        return Job(id: id, kind: kind, state: r.1, attempts: Int(r.2), maxAttempts: Int(r.3), communityID: r.4.map { .init($0) },
                   progress: decode(Progress.self, r.5), result: decode([String: String].self, r.6), error: decode(Failure.self, r.7),
                   createdAt: r.8, startedAt: r.9, finishedAt: r.10)
    }

    /// How many jobs wait and run now (for `/health` and metrics).
    public func depth() async throws(StoreError) -> (queued: Int, running: Int) {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT count(*) FILTER (WHERE state = 'queued'), count(*) FILTER (WHERE state = 'running') FROM jobs
                WHERE state IN ('queued', 'running')
                """, logger: db.logger).all((Int, Int).self)
        }
        return rows.first.map { (queued: $0.0, running: $0.1) } ?? (0, 0)
    }

    /// Jobs by state, for metrics.
    public func counts() async throws(StoreError) -> [String: Int] {
        let rows = try await db.withConnection { c in
            try await c.query("SELECT state, count(*) FROM jobs GROUP BY state", logger: db.logger).all((String, Int).self)
        }
        return Dictionary(uniqueKeysWithValues: rows)
    }

    private func decode<T: Decodable>(_: T.Type, _ text: String?) -> T? {
        text.flatMap { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }
    }
}
