import Foundation
import LianjianDomain
import PostgresNIO
import RosterSolver

/// Roster versions: generated from the database with the roster solver, stored as drafts with
/// their score, bound and diff, published, and answered by volunteers.
public struct RosterRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// A stored version, without its problem and roster documents.
    public struct Version: Sendable, Encodable {
        public typealias ID = Identifier<Version>
        // Typed ids write themselves in lower case, like every id the API returns.
        public var id: ID
        public var communityID: Community.ID?
        public var from: LocalDate
        public var to: LocalDate
        public var status: String
        public var score: Score
        public var lowerBound: Int?
        public var diff: Diff
        public var solveMs: Int
        public var assignments: [Assignment]

        enum CodingKeys: String, CodingKey {
            case id, from, to, status, score, diff, assignments
            case communityID = "community_id"
            case lowerBound = "lower_bound"
            case solveMs = "solve_ms"
        }
    }

    /// Timings of one generation, for the benchmark.
    public struct Timing: Sendable {
        public var loadMs: Int
        public var solveMs: Int
        public var storeMs: Int
    }

    /// Builds the problem, solves it within `timeLimit`, and stores a draft version.
    public func generate(community: Community.ID?, from: LocalDate, to: LocalDate, timeLimit: Duration,
                         seed: UInt64 = 0) async throws(StoreError) -> (Version, Timing) {
        var zone = DisplayZone.current
        if let community { zone = try await CommunityRepository(db).get(community).zone }
        let clock = ContinuousClock()
        let t0 = clock.now
        let builder = RosterProblemBuilder(community: community, from: from, to: to, zone: zone, logger: db.logger)
        // The database's clock when the problem was read: publications and answers after it make the draft stale.
        let (problem, published, builtAt) = try await db.withConnection { c in
            let builtAt = try await c.query("SELECT now()", logger: db.logger).all(Date.self)[0]
            let (problem, published) = try await builder.build(c)
            return (problem, published, builtAt)
        }
        let t1 = clock.now
        // The solver is CPU-bound for seconds: it runs on a thread of its own, never on a request's task.
        let options = SolverOptions(timeLimit: timeLimit, seed: seed)
        let roster = try await SolverGate.shared.run { Result { () throws(StoreError) -> Roster in try Self.solve(problem, options) } }.get()
        let t2 = clock.now
        let id = try await store(problem: problem, published: published, roster: roster, community: community, from: from, to: to,
                                 solveMs: Self.ms(t1, t2), builtAt: builtAt)
        let version = try await get(id)
        let timing = Timing(loadMs: Self.ms(t0, t1), solveMs: Self.ms(t1, t2), storeMs: Self.ms(t2, clock.now))
        return (version, timing)
    }

    static func ms(_ a: ContinuousClock.Instant, _ b: ContinuousClock.Instant) -> Int {
        let d = a.duration(to: b)
        return Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Pinned (confirmed) pairs that break a hard rule are the only way solving can fail.
    static func solve(_ problem: Problem, _ options: SolverOptions) throws(StoreError) -> Roster {
        do {
            return try Solver.solve(problem, options: options)
        } catch {
            throw StoreError(.invalid, field: "pinned", message: "confirmed assignments cannot all be kept: \(error.path): \(error.reason)")
        }
    }

    private func store(problem: Problem, published: [Pair], roster: Roster, community: Community.ID?, from: LocalDate, to: LocalDate, solveMs: Int, builtAt: Date) async throws(StoreError) -> UUID {
        let new = Set(roster.assignments.map { Assignment(roleID: UUID(uuidString: $0.shift)!, volunteerID: UUID(uuidString: $0.volunteer)!) })
        let old = Set(published.map { Assignment(roleID: UUID(uuidString: $0.shift)!, volunteerID: UUID(uuidString: $0.volunteer)!) })
        let diff = Diff.between(published: old, new: new)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = { (v: any Encodable) in String(decoding: (try? encoder.encode(v)) ?? Data("null".utf8), as: UTF8.self) }
        let (problemJSON, rosterJSON, scoreJSON, diffJSON) = (json(problem), json(roster), json(roster.score), json(diff))
        let pairs = Array(new)
        return try await db.transaction { c in
            let id = try await c.query("""
                INSERT INTO roster_versions (community_id, range_from, range_to, score, lower_bound, diff, problem, roster, solve_ms, built_at)
                VALUES (\(community?.uuid), \(from.description)::date, \(to.description)::date, \(scoreJSON)::jsonb, \(roster.lowerBound),
                        \(diffJSON)::jsonb, \(problemJSON)::jsonb, \(rosterJSON)::jsonb, \(solveMs), \(builtAt))
                RETURNING id
                """, logger: db.logger).all(UUID.self)[0]
            try await c.query("""
                INSERT INTO roster_assignments (version_id, role_id, volunteer_id)
                SELECT \(id), r, v FROM unnest(\(pairs.map(\.roleID))::uuid[], \(pairs.map(\.volunteerID))::uuid[]) AS t(r, v)
                """, logger: db.logger)
            return id
        }
    }

    /// A version with its assignments and diff, each labelled with the volunteer's name, the
    /// event's title and time, the answer given and whether the pair is pinned by hand.
    public func get(_ id: UUID) async throws(StoreError) -> Version {
        let (rows, labels) = try await db.withConnection { c in
            let rows = try await c.query("""
                SELECT community_id, range_from::text, range_to::text, status, score::text, lower_bound, diff::text, solve_ms,
                       coalesce((SELECT array_agg(role_id ORDER BY role_id, volunteer_id) FROM roster_assignments WHERE version_id = v.id), '{}'),
                       coalesce((SELECT array_agg(volunteer_id ORDER BY role_id, volunteer_id) FROM roster_assignments WHERE version_id = v.id), '{}')
                FROM roster_versions v WHERE id = \(id)
                """, logger: db.logger).all((UUID?, String, String, String, String, Int?, String, Int32, [UUID], [UUID]).self)
            let diff = rows.first.flatMap { try? JSONDecoder().decode(Diff.self, from: Data($0.6.utf8)) }
            let pairs = (rows.first.map { zip($0.8, $0.9).map { Assignment(roleID: $0, volunteerID: $1) } } ?? []) + (diff.map { $0.added + $0.removed } ?? [])
            let labels = try await RosterLabels.load(pairs, c, db.logger)
            return (rows, labels)
        }
        guard let r = rows.first, let score = try? JSONDecoder().decode(Score.self, from: Data(r.4.utf8)),
              let diff = try? JSONDecoder().decode(Diff.self, from: Data(r.6.utf8)) else { throw .notFound("roster") }
        return Version(id: .init(id), communityID: r.0.map { .init($0) }, from: LocalDate(r.1)!, to: LocalDate(r.2)!, status: r.3, score: score, lowerBound: r.5,
                       diff: labels.labelled(diff), solveMs: Int(r.7),
                       assignments: zip(r.8, r.9).map { labels.labelled(Assignment(roleID: $0, volunteerID: $1)) })
    }

    /// The stored problem or roster document of a version (JSON text).
    public func document(_ id: UUID, problem: Bool) async throws(StoreError) -> String {
        let rows = try await db.withConnection { c in
            try await c.query(problem ? "SELECT problem::text FROM roster_versions WHERE id = \(id)" : "SELECT roster::text FROM roster_versions WHERE id = \(id)",
                              logger: db.logger).all(String.self)
        }
        guard let text = rows.first else { throw .notFound("roster") }
        return text
    }

}
