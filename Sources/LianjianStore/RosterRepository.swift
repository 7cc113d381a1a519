import Foundation
import LianjianDomain
import PostgresNIO
import RosterSolver
import Synchronization

/// Roster versions: problems read from the tables, drafts stored with their score, bound and
/// diff, published, edited and answered. Solving itself is the jobs layer's (`LianjianJobs`).
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

    /// A problem read from the tables, with what a draft solved from it is stored with.
    public struct Reading: Sendable {
        public var community: Community.ID?
        public var from: LocalDate
        public var to: LocalDate
        public var problem: Problem
        /// The published pairs of the problem's roles, for the diff.
        public var published: [Pair]
        /// The database's clock when the problem was read: publications and answers after it
        /// make a draft solved from it stale.
        public var builtAt: Date
    }

    /// Reads the `roster-problem/1` of a community (or of every community) between two dates;
    /// published pairs of shifts that start before `freezeUntil` are pinned. With a `partition`
    /// (a night's cluster of communities), only its communities' shifts and the volunteers who
    /// may serve there.
    public func read(community: Community.ID?, from: LocalDate, to: LocalDate, freezeUntil: Date? = nil,
                     partition: [Community.ID]? = nil) async throws(StoreError) -> Reading {
        var zone = DisplayZone.current
        if let community { zone = try await CommunityRepository(db).get(community).zone }
        let builder = RosterProblemBuilder(community: community, partition: partition?.map(\.uuid), from: from, to: to, zone: zone,
                                           logger: db.logger, freezeUntil: freezeUntil)
        let (problem, published, builtAt) = try await db.withConnection { c in
            let builtAt = try await c.query("SELECT now()", logger: db.logger).all(Date.self)[0]
            let (problem, published) = try await builder.build(c)
            return (problem, published, builtAt)
        }
        return Reading(community: community, from: from, to: to, problem: problem, published: published, builtAt: builtAt)
    }

    /// Stores `roster`, solved from `reading`, as a draft version; when `claim` is given, the
    /// job it holds ends with `{"version_id"}` in the same transaction (a worker that lost its
    /// claim stores nothing).
    /// - Returns: the new version's id.
    public func storeDraft(_ reading: Reading, roster: Roster, solveMs: Int, completing claim: JobRepository.Claim? = nil,
                           progress: JobRepository.Progress? = nil) async throws(StoreError) -> UUID {
        let logger = db.logger
        guard let claim else {
            return try await db.transaction { c in try await Self.insertDraft(reading, roster: roster, solveMs: solveMs, on: c, logger: logger) }
        }
        let stored = Mutex<UUID?>(nil)
        try await JobRepository(db).succeed(claim, progress: progress) { c in
            let id = try await Self.insertDraft(reading, roster: roster, solveMs: solveMs, on: c, logger: logger)
            stored.withLock { $0 = id }
            return ["version_id": id.uuidString.lowercased()]
        }
        guard let id = stored.withLock({ $0 }) else { throw StoreError(.unavailable, message: "the draft was not stored") }
        return id
    }

    static func insertDraft(_ reading: Reading, roster: Roster, solveMs: Int, on c: PostgresConnection, logger: Logger) async throws -> UUID {
        // Pairs name our own ids (the problem was built from the tables); one that does not parse is skipped, never a trap.
        let assignment = { (p: Pair) in UUID(uuidString: p.shift).flatMap { r in UUID(uuidString: p.volunteer).map { Assignment(roleID: r, volunteerID: $0) } } }
        let new = Set(roster.assignments.compactMap(assignment))
        let old = Set(reading.published.compactMap(assignment))
        let diff = Diff.between(published: old, new: new)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = { (v: any Encodable) in String(decoding: (try? encoder.encode(v)) ?? Data("null".utf8), as: UTF8.self) }
        let (problemJSON, rosterJSON, scoreJSON, diffJSON) = (json(reading.problem), json(roster), json(roster.score), json(diff))
        let pairs = Array(new)
        let id = try await c.query("""
            INSERT INTO roster_versions (community_id, range_from, range_to, score, lower_bound, diff, problem, roster, solve_ms, built_at)
            VALUES (\(reading.community?.uuid), \(reading.from.description)::date, \(reading.to.description)::date, \(scoreJSON)::jsonb,
                    \(roster.lowerBound), \(diffJSON)::jsonb, \(problemJSON)::jsonb, \(rosterJSON)::jsonb, \(solveMs), \(reading.builtAt))
            RETURNING id
            """, logger: logger).all(UUID.self)[0]
        try await c.query("""
            INSERT INTO roster_assignments (version_id, role_id, volunteer_id)
            SELECT \(id), r, v FROM unnest(\(pairs.map(\.roleID))::uuid[], \(pairs.map(\.volunteerID))::uuid[]) AS t(r, v)
            """, logger: logger)
        return id
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
