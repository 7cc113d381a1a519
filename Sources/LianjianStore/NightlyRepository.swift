import Foundation
import LianjianDomain
import PostgresNIO

/// The nightly job's run records (`nightly_runs`) and the reads its steps need.
public struct NightlyRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The session lock that holds a night: one run at a time, freed at once when its process dies.
    public static let lock: Int64 = 0x6C6A_6E69_6768   // "ljnigh"

    /// One step of a run, as recorded when it ends.
    public struct Step: Sendable, Codable, Equatable {
        public var name: String
        public var ms: Int
        /// What the step did: `events_created`, `assignments_added`, `unfilled_positions`, ….
        public var counts: [String: Int]
        /// Lines a person reads (the events with unfilled positions, a fallback taken).
        public var notes: [String]
        public var score: Int?
        public var bound: Int?
        /// What the roster step planned from, so that the next night can tell nothing changed.
        public var fingerprint: String?

        public init(name: String, ms: Int, counts: [String: Int] = [:], notes: [String] = [], score: Int? = nil, bound: Int? = nil,
                    fingerprint: String? = nil) {
            self.name = name
            self.ms = ms
            self.counts = counts
            self.notes = notes
            self.score = score
            self.bound = bound
            self.fingerprint = fingerprint
        }
    }

    /// A run as `lianjian runs` and `GET /v1/runs` show it.
    public struct Run: Sendable, Encodable {
        public var id: UUID
        public var asOf: LocalDate
        public var horizonDays: Int
        public var freezeHours: Int
        public var state: String
        public var exitCode: Int?
        public var host: String
        public var steps: [Step]
        public var error: String?
        public var startedAt: Date
        public var finishedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, state, host, steps, error
            case asOf = "as_of"
            case horizonDays = "horizon_days"
            case freezeHours = "freeze_hours"
            case exitCode = "exit_code"
            case startedAt = "started_at"
            case finishedAt = "finished_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id.uuidString.lowercased(), forKey: .id)
            try c.encode(asOf.description, forKey: .asOf)
            try c.encode(horizonDays, forKey: .horizonDays)
            try c.encode(freezeHours, forKey: .freezeHours)
            try c.encode(state, forKey: .state)
            try c.encode(exitCode, forKey: .exitCode)
            try c.encode(host, forKey: .host)
            try c.encode(steps, forKey: .steps)
            try c.encode(error, forKey: .error)
            try c.encode(startedAt.rfc3339, forKey: .startedAt)
            try c.encode(finishedAt?.rfc3339, forKey: .finishedAt)
        }
    }

    static let select = """
        SELECT id, as_of::text, horizon_days, freeze_hours, state, exit_code, host, steps::text, error, started_at, finished_at FROM nightly_runs
        """

    typealias Row = (UUID, String, Int32, Int32, String, Int32?, String, String, String?, Date, Date?)

    static func run(_ r: Row) -> Run {
        Run(id: r.0, asOf: LocalDate(r.1)!, horizonDays: Int(r.2), freezeHours: Int(r.3), state: r.4, exitCode: r.5.map(Int.init), host: r.6,
            steps: (try? JSONDecoder().decode([Step].self, from: Data(r.7.utf8))) ?? [], error: r.8, startedAt: r.9, finishedAt: r.10)
    }

    /// Records a new run; runs left `running` by a process that died are marked `interrupted`
    /// (the caller holds the night's lock, so no other run is alive).
    public func start(asOf: LocalDate, horizonDays: Int, freezeHours: Int, host: String) async throws(StoreError) -> UUID {
        try await db.transaction { c -> UUID in
            try await c.query("UPDATE nightly_runs SET state = 'interrupted', finished_at = now() WHERE state = 'running'", logger: db.logger)
            let ids = try await c.query("""
                INSERT INTO nightly_runs (as_of, horizon_days, freeze_hours, host)
                VALUES (\(asOf.description)::date, \(horizonDays), \(freezeHours), \(host)) RETURNING id
                """, logger: db.logger).all(UUID.self)
            return ids[0]
        }
    }

    /// Appends a finished step to the run (committed at once: a killed run shows how far it got).
    public func record(_ run: UUID, _ step: Step) async throws(StoreError) {
        let json = String(decoding: (try? JSONEncoder().encode([step])) ?? Data("[]".utf8), as: UTF8.self)
        _ = try await db.withConnection { c in
            try await c.query("UPDATE nightly_runs SET steps = steps || \(json)::jsonb WHERE id = \(run)", logger: db.logger).collectCount()
        }
    }

    /// Ends the run.
    public func finish(_ run: UUID, state: String, exitCode: Int, error: String? = nil) async throws(StoreError) {
        _ = try await db.withConnection { c in
            try await c.query("""
                UPDATE nightly_runs SET state = \(state), exit_code = \(exitCode), error = \(error), finished_at = now() WHERE id = \(run)
                """, logger: db.logger).collectCount()
        }
    }

    /// The newest runs first.
    public func list(limit: Int) async throws(StoreError) -> [Run] {
        let rows = try await db.withConnection { c in
            try await c.query("\(unescaped: Self.select) ORDER BY started_at DESC, id DESC LIMIT \(limit)", logger: db.logger).all(Row.self)
        }
        return rows.map(Self.run)
    }

    public func get(_ id: UUID) async throws(StoreError) -> Run {
        let rows = try await db.withConnection { c in
            try await c.query("\(unescaped: Self.select) WHERE id = \(id)", logger: db.logger).all(Row.self)
        }
        guard let r = rows.first else { throw .notFound("nightly run") }
        return Self.run(r)
    }

    /// The newest recorded step of this name, of any run (a step is recorded once it committed).
    public func lastStep(named name: String) async throws(StoreError) -> Step? {
        let probe = "[{\"name\": \"\(name)\"}]"
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT steps::text FROM nightly_runs WHERE steps @> \(probe)::jsonb ORDER BY started_at DESC, id DESC LIMIT 1
                """, logger: db.logger).all(String.self)
        }
        let steps = rows.first.flatMap { try? JSONDecoder().decode([Step].self, from: Data($0.utf8)) } ?? []
        return steps.last { $0.name == name }
    }

    /// The run that holds the night now, as far as the records tell.
    public func running() async throws(StoreError) -> Run? {
        let rows = try await db.withConnection { c in
            try await c.query("\(unescaped: Self.select) WHERE state = 'running' ORDER BY started_at DESC LIMIT 1", logger: db.logger).all(Row.self)
        }
        return rows.first.map(Self.run)
    }
}
