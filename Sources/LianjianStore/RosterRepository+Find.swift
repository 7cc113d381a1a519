import Foundation
import LianjianDomain
import PostgresNIO
import RosterSolver

extension RosterRepository {
    /// A version in a list: its scope, range, status and score, without its pairs.
    public struct Summary: Sendable, Codable {
        public var id: UUID
        public var communityID: Community.ID?
        public var from: LocalDate
        public var to: LocalDate
        public var status: String
        public var score: Score
        public var assignments: Int
        /// Hand edits made to it.
        public var edits: Int
        public var createdAt: Date
        public var publishedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, from, to, status, score, assignments, edits
            case communityID = "community_id"
            case createdAt = "created_at"
            case publishedAt = "published_at"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let instant = { (text: String) in try Date.ISO8601FormatStyle().parse(text) }
            id = try c.decode(UUID.self, forKey: .id)
            communityID = try c.decodeIfPresent(Community.ID.self, forKey: .communityID)
            from = try c.decode(LocalDate.self, forKey: .from)
            to = try c.decode(LocalDate.self, forKey: .to)
            status = try c.decode(String.self, forKey: .status)
            score = try c.decode(Score.self, forKey: .score)
            assignments = try c.decode(Int.self, forKey: .assignments)
            edits = try c.decode(Int.self, forKey: .edits)
            createdAt = try instant(try c.decode(String.self, forKey: .createdAt))
            publishedAt = try c.decodeIfPresent(String.self, forKey: .publishedAt).map(instant)
        }

        init(id: UUID, communityID: Community.ID?, from: LocalDate, to: LocalDate, status: String, score: Score,
             assignments: Int, edits: Int, createdAt: Date, publishedAt: Date?) {
            (self.id, self.communityID, self.from, self.to, self.status, self.score) = (id, communityID, from, to, status, score)
            (self.assignments, self.edits, self.createdAt, self.publishedAt) = (assignments, edits, createdAt, publishedAt)
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeID(id, forKey: .id)
            try c.encode(communityID, forKey: .communityID)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(status, forKey: .status)
            try c.encode(score, forKey: .score)
            try c.encode(assignments, forKey: .assignments)
            try c.encode(edits, forKey: .edits)
            try c.encode(createdAt.rfc3339, forKey: .createdAt)
            try c.encode(publishedAt?.rfc3339, forKey: .publishedAt)
        }
    }

    /// What a list of versions is narrowed to; `nil` means any.
    public struct Filter: Sendable {
        public var community: Community.ID?
        /// `draft`, `published` or `superseded`.
        public var status: String?
        /// Versions whose range ends on or after this date.
        public var from: LocalDate?
        /// Versions whose range starts on or before this date.
        public var to: LocalDate?

        public init(community: Community.ID? = nil, status: String? = nil, from: LocalDate? = nil, to: LocalDate? = nil) {
            (self.community, self.status, self.from, self.to) = (community, status, from, to)
        }
    }

    /// Versions newest first, `page.limit` after the cursor (a version's id).
    public func list(_ filter: Filter, _ page: PageRequest) async throws(StoreError) -> Page<Summary> {
        let (community, status, from, to) = (filter.community?.uuid, filter.status, filter.from?.description, filter.to?.description)
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT v.id, v.community_id, v.range_from::text, v.range_to::text, v.status, v.score::text,
                       (SELECT count(*) FROM roster_assignments a WHERE a.version_id = v.id), (SELECT count(*) FROM roster_edits x WHERE x.version_id = v.id),
                       v.created_at, v.published_at
                FROM roster_versions v
                WHERE (\(community)::uuid IS NULL OR v.community_id = \(community))
                  AND (\(status)::text IS NULL OR v.status = \(status))
                  AND (\(from)::date IS NULL OR v.range_to >= \(from)::date)
                  AND (\(to)::date IS NULL OR v.range_from <= \(to)::date)
                  AND (\(page.after)::uuid IS NULL OR (v.created_at, v.id) < (SELECT created_at, id FROM roster_versions WHERE id = \(page.after)))
                ORDER BY v.created_at DESC, v.id DESC LIMIT \(page.limit + 1)
                """, logger: db.logger).all((UUID, UUID?, String, String, String, String, Int, Int, Date, Date?).self)
        }
        return rows.page(limit: page.limit, id: \.0) { r in
            Summary(id: r.0, communityID: r.1.map { .init($0) }, from: LocalDate(r.2)!, to: LocalDate(r.3)!, status: r.4,
                    score: (try? JSONDecoder().decode(Score.self, from: Data(r.5.utf8))) ?? Score(unfilled: 0, away: 0, fairness: 0, change: 0),
                    assignments: r.6, edits: r.7, createdAt: r.8, publishedAt: r.9)
        }
    }
}
