import Foundation
import LianjianDomain
import PostgresNIO

/// Residents' requests grouped into issues and taken through 一征三议两公开: each step recorded
/// with who and when, the vote kept, the publications put on the community's board, and what
/// answers the issue linked to it.
public struct IssueRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// Requests not yet in an issue, of one category and one building (or estate), received in
    /// the window: what an organiser is offered to make into one issue.
    public struct Suggestion: Sendable, Encodable, Equatable {
        public var category: String
        public var categoryName: String
        public var building: String?
        public var estate: String?
        public var count: Int
        public var requestIDs: [String]

        enum CodingKeys: String, CodingKey {
            case category, building, estate, count
            case categoryName = "category_name", requestIDs = "request_ids"
        }
    }

    public func suggestions(_ community: Community.ID, since: Date) async throws(StoreError) -> [Suggestion] {
        try await db.withConnection { c in
            try await c.query("""
                SELECT r.category, k.name_zh, b.name, e.name, count(*), array_agg(r.id::text ORDER BY r.received_at, r.id)
                FROM resident_requests r JOIN request_categories k ON k.code = r.category
                LEFT JOIN buildings b ON b.id = r.building_id LEFT JOIN estates e ON e.id = r.estate_id
                WHERE r.community_id = \(community.uuid) AND r.received_at >= \(since)
                  AND NOT EXISTS (SELECT 1 FROM issue_requests x WHERE x.request_id = r.id)
                GROUP BY r.category, k.name_zh, b.name, e.name
                ORDER BY count(*) DESC, r.category, e.name, b.name
                """, logger: db.logger).all((String, String, String?, String?, Int, [String]).self).map {
                Suggestion(category: $0.0, categoryName: $0.1, building: $0.2, estate: $0.3, count: $0.4, requestIDs: $0.5)
            }
        }
    }

    /// A new issue gathering `requests` (of `community`, in no issue yet).
    public func create(in community: Community.ID, title: String, category: String, requests: [UUID],
                       actor: String) async throws(StoreError) -> Issue.ID {
        try await db.transaction { c in
            let found = try await c.query("SELECT 1 FROM request_categories WHERE code = \(category)", logger: db.logger).all(Int.self)
            if found.isEmpty { throw StoreError(.invalid, field: "category", message: "is not a category of requests") }
            let id = try await c.query("""
                INSERT INTO issues (community_id, category, title) VALUES (\(community.uuid), \(category), \(title)) RETURNING id
                """, logger: db.logger).all(UUID.self)[0]
            try await Self.attach(requests, to: id, community: community.uuid, c, db.logger)
            try await c.query("""
                INSERT INTO issue_steps (issue_id, from_state, to_state, note, actor) VALUES (\(id), NULL, 'collected', '', \(actor))
                """, logger: db.logger).collectCount()
            return Issue.ID(id)
        }
    }

    /// Moves requests into an issue: each must be the community's, and in no issue or in one
    /// still being collected (merging two suggestions).
    static func attach(_ requests: [UUID], to issue: UUID, community: UUID, _ c: PostgresConnection, _ logger: Logger) async throws {
        for (i, request) in requests.enumerated() {
            guard let row = try await c.query("""
                SELECT r.community_id, i.state FROM resident_requests r LEFT JOIN issue_requests x ON x.request_id = r.id
                LEFT JOIN issues i ON i.id = x.issue_id WHERE r.id = \(request)
                """, logger: logger).all((UUID, String?).self).first, row.0 == community else {
                throw StoreError(.invalid, field: "request_ids[\(i)]", message: "is not a request of this community")
            }
            if let state = row.1, state != "collected" {
                throw StoreError(.conflict, field: "request_ids[\(i)]", message: "belongs to an issue already under deliberation")
            }
            try await c.query("""
                INSERT INTO issue_requests (request_id, issue_id) VALUES (\(request), \(issue))
                ON CONFLICT (request_id) DO UPDATE SET issue_id = excluded.issue_id
                """, logger: logger).collectCount()
        }
    }

    /// Merges more requests into `issue` (while it is being collected).
    public func add(_ requests: [UUID], to issue: Issue.ID) async throws(StoreError) {
        try await db.transaction { c in
            let (community, state) = try await Self.head(issue.uuid, c, db.logger)
            guard state == .collected else { throw StoreError(.conflict, field: "state", message: "takes requests only while collected") }
            try await Self.attach(requests, to: issue.uuid, community: community, c, db.logger)
            return ()
        }
    }

    /// Takes a request out of `issue` again (splitting it), while it is being collected.
    public func remove(_ request: UUID, from issue: Issue.ID) async throws(StoreError) {
        try await db.transaction { c in
            let (_, state) = try await Self.head(issue.uuid, c, db.logger)
            guard state == .collected else { throw StoreError(.conflict, field: "state", message: "gives requests back only while collected") }
            let gone = try await c.query("""
                DELETE FROM issue_requests WHERE request_id = \(request) AND issue_id = \(issue.uuid) RETURNING request_id
                """, logger: db.logger).all(UUID.self)
            if gone.isEmpty { throw StoreError.notFound("request") }
            return ()
        }
    }

    static func head(_ issue: UUID, _ c: PostgresConnection, _ logger: Logger) async throws -> (UUID, IssueState) {
        guard let row = try await c.query("SELECT community_id, state FROM issues WHERE id = \(issue) FOR UPDATE", logger: logger)
            .all((UUID, String).self).first, let state = IssueState(rawValue: row.1) else { throw StoreError.notFound("issue") }
        return (row.0, state)
    }

    /// Takes the issue one step on (or declines it), as `t` asks, after checking the move and
    /// what it needs; a publication puts its notice on the board for `keepDays` at least.
    public func move(_ issue: Issue.ID, _ t: IssueTransition, keepDays: Int = 7, actor: String) async throws(StoreError) -> Issue {
        try await db.transaction { c in
            let (community, state) = try await Self.head(issue.uuid, c, db.logger)
            do { try t.validate(from: state) } catch let error as DomainError {
                let code: StoreError.Code = error.field == "to" ? .conflict : .invalid
                throw StoreError(code, field: error.field, message: error.reason)
            }
            let requests = try await c.query("SELECT count(*) FROM issue_requests WHERE issue_id = \(issue.uuid)", logger: db.logger).all(Int.self)[0]
            if t.to == .proposed, requests == 0 { throw StoreError(.conflict, field: "to", message: "needs at least one resident's request first") }
            try await c.query("""
                UPDATE issues SET state = \(t.to.rawValue), updated_at = now(),
                    votes_for = coalesce(\(t.vote?.inFavour), votes_for), votes_against = coalesce(\(t.vote?.against), votes_against),
                    votes_abstain = coalesce(\(t.vote?.abstaining), votes_abstain),
                    minutes = CASE WHEN \(t.to == .resolved) THEN \(t.minutes ?? "") ELSE minutes END,
                    decision = CASE WHEN \(t.to == .resolved) THEN \(t.decision ?? "") ELSE decision END,
                    result = CASE WHEN \(t.to == .resultPublished) THEN \(t.result ?? "") ELSE result END,
                    declined_reason = CASE WHEN \(t.to == .declined) THEN \(t.reason ?? "") ELSE declined_reason END
                WHERE id = \(issue.uuid)
                """, logger: db.logger).collectCount()
            try await c.query("""
                INSERT INTO issue_steps (issue_id, from_state, to_state, note, actor) VALUES (\(issue.uuid), \(state.rawValue), \(t.to.rawValue), \(t.note ?? ""), \(actor))
                """, logger: db.logger).collectCount()
            if let kind = t.to.notice {
                try await c.query("""
                    INSERT INTO board_notices (issue_id, community_id, kind, title, body, keep_until)
                    SELECT id, community_id, \(kind), title,
                           CASE \(kind) WHEN 'decision' THEN decision || E'\\n表决：赞成 ' || votes_for || ' 票，反对 ' || votes_against || ' 票，弃权 ' || votes_abstain || ' 票。'
                                        WHEN 'result' THEN result ELSE declined_reason END,
                           now() + make_interval(days => \(keepDays)::int)
                    FROM issues WHERE id = \(issue.uuid)
                    """, logger: db.logger).collectCount()
            }
            _ = community
            return try await Self.issue(issue.uuid, c, db.logger)
        }
    }

    /// What answers an issue.
    public enum Target: Sendable, Equatable {
        case project(UUID), plan(UUID), event(UUID), facility(UUID)
    }

    /// Links what answers `issue` (of the same community); linking it twice changes nothing.
    public func link(_ issue: Issue.ID, to target: Target, actor: String) async throws(StoreError) -> Issue {
        try await db.transaction { c in
            let (community, _) = try await Self.head(issue.uuid, c, db.logger)
            let (field, table, id): (String, String, UUID) = switch target {
                case .project(let id): ("project_id", "joint_projects", id)
                case .plan(let id): ("plan_id", "service_plans", id)
                case .event(let id): ("event_id", "events", id)
                case .facility(let id): ("facility_id", "facilities", id)
            }
            // The table is one of four constants; plans are a project's, so their community is the project's.
            let owner = table == "service_plans"
                ? "SELECT p.community_id FROM service_plans s JOIN joint_projects p ON p.id = s.project_id WHERE s.id = $1"
                : "SELECT community_id FROM \(table) WHERE id = $1"
            var binds = PostgresBindings()
            binds.append(id)
            let found = try await c.query(PostgresQuery(unsafeSQL: owner, binds: binds), logger: db.logger).all(UUID.self).first
            guard found == community else { throw StoreError(.invalid, field: field, message: "is not of this issue's community") }
            let project: UUID? = if case .project(let p) = target { p } else { nil }
            let plan: UUID? = if case .plan(let p) = target { p } else { nil }
            let event: UUID? = if case .event(let p) = target { p } else { nil }
            let facility: UUID? = if case .facility(let p) = target { p } else { nil }
            try await c.query("""
                INSERT INTO issue_links (issue_id, project_id, plan_id, event_id, facility_id, linked_by)
                VALUES (\(issue.uuid), \(project), \(plan), \(event), \(facility), \(actor)) ON CONFLICT DO NOTHING
                """, logger: db.logger).collectCount()
            return try await Self.issue(issue.uuid, c, db.logger)
        }
    }

    public func get(_ issue: Issue.ID) async throws(StoreError) -> Issue {
        try await db.withConnection { c in try await Self.issue(issue.uuid, c, db.logger) }
    }

    /// The community's issues, open ones first, newest first.
    public func list(_ community: Community.ID) async throws(StoreError) -> [Issue] {
        try await db.withConnection { c in
            let ids = try await c.query("""
                SELECT id FROM issues WHERE community_id = \(community.uuid)
                ORDER BY state IN ('closed', 'declined'), updated_at DESC, id
                """, logger: db.logger).all(UUID.self)
            var issues: [Issue] = []
            for id in ids { issues.append(try await Self.issue(id, c, db.logger)) }
            return issues
        }
    }
}
