import Foundation
import LianjianDomain
import PostgresNIO

extension IssueRepository {
    static func issue(_ id: UUID, _ c: PostgresConnection, _ logger: Logger) async throws -> Issue {
        guard let r = try await c.query("""
            SELECT i.community_id, i.category, k.name_zh, i.title, i.state, i.votes_for, i.votes_against, i.votes_abstain,
                   i.minutes, i.decision, i.result, i.declined_reason
            FROM issues i JOIN request_categories k ON k.code = i.category WHERE i.id = \(id)
            """, logger: logger).all((UUID, String, String, String, String, Int?, Int?, Int?, String, String, String, String).self).first,
              let state = IssueState(rawValue: r.4) else { throw StoreError.notFound("issue") }
        let buildings = try await c.query("""
            SELECT coalesce(b.name, e.name, '（未注明楼栋）'), count(*) FROM issue_requests x JOIN resident_requests q ON q.id = x.request_id
            LEFT JOIN buildings b ON b.id = q.building_id LEFT JOIN estates e ON e.id = q.estate_id
            WHERE x.issue_id = \(id) GROUP BY 1 ORDER BY length(coalesce(b.name, e.name, '（未注明楼栋）')), 1
            """, logger: logger).all((String, Int).self)
        let steps = try await c.query("""
            SELECT from_state, to_state, note, actor, at FROM issue_steps WHERE issue_id = \(id) ORDER BY id
            """, logger: logger).all((String?, String, String, String, Date).self).map { Issue.Step(from: $0.0, to: $0.1, note: $0.2, actor: $0.3, at: $0.4) }
        let vote = r.5.map { IssueTransition.Vote(inFavour: $0, against: r.6 ?? 0, abstaining: r.7 ?? 0) }
        return Issue(id: .init(id), communityID: .init(r.0), category: r.1, categoryName: r.2, title: r.3, state: state,
                     requests: buildings.reduce(0) { $0 + $1.1 }, buildings: buildings.map { (name: $0.0, count: $0.1) }, vote: vote,
                     minutes: r.8, decision: r.9, result: r.10, declinedReason: r.11, steps: steps, links: try await links(id, c, logger))
    }

    static func links(_ issue: UUID, _ c: PostgresConnection, _ logger: Logger) async throws -> [Issue.Link] {
        try await c.query("""
            SELECT CASE WHEN l.project_id IS NOT NULL THEN 'project' WHEN l.plan_id IS NOT NULL THEN 'plan'
                        WHEN l.event_id IS NOT NULL THEN 'event' ELSE 'facility' END,
                   coalesce(l.project_id, l.plan_id, l.event_id, l.facility_id)::text,
                   coalesce(p.title || '（' || u.name || '）', s.title, e.title, f.name, '')
            FROM issue_links l LEFT JOIN joint_projects p ON p.id = l.project_id LEFT JOIN partner_units u ON u.id = p.unit_id
            LEFT JOIN service_plans s ON s.id = l.plan_id LEFT JOIN events e ON e.id = l.event_id LEFT JOIN facilities f ON f.id = l.facility_id
            WHERE l.issue_id = \(issue) ORDER BY l.linked_at, 2
            """, logger: logger).all((String, String, String).self).map { Issue.Link(kind: $0.0, id: $0.1, name: $0.2) }
    }

    /// The community's public board: its notices still up, newest first, each with the issue's
    /// request count, buildings and what answers it. Nothing personal is read at all.
    public func board(_ community: Community.ID, now: Date = Date()) async throws(StoreError) -> Board {
        try await db.withConnection { c in
            guard let name = try await c.query("SELECT name FROM communities WHERE id = \(community.uuid)", logger: db.logger).all(String.self).first
            else { throw StoreError.notFound("community") }
            let rows = try await c.query("""
                SELECT n.issue_id, n.kind, n.title, n.body, k.name_zh, n.published_at, n.keep_until
                FROM board_notices n JOIN issues i ON i.id = n.issue_id JOIN request_categories k ON k.code = i.category
                WHERE n.community_id = \(community.uuid) AND (n.taken_down_at IS NULL OR n.taken_down_at > \(now))
                ORDER BY n.published_at DESC, n.id
                """, logger: db.logger).all((UUID, String, String, String, String, Date, Date).self)
            var notices: [Board.Notice] = []
            for r in rows {
                let issue = try await Self.issue(r.0, c, db.logger)
                notices.append(.init(kind: r.1, title: r.2, body: r.3, category: r.4, publishedAt: r.5, keepUntil: r.6, requests: issue.requests,
                                     buildings: issue.buildings.map(\.name), answers: issue.links.map { Self.linkWords($0) }))
            }
            return Board(community: name, notices: notices)
        }
    }

    static func linkWords(_ l: Issue.Link) -> String {
        switch l.kind {
        case "project": "联建项目「\(l.name)」"
        case "plan": "服务计划「\(l.name)」"
        case "event": "活动「\(l.name)」"
        default: "共享场地「\(l.name)」"
        }
    }

    /// The issues a project or a facility answers, the other way round: 「这片停车场回应了 2号楼、3号楼的 11 件诉求」.
    public func answered(by target: Target) async throws(StoreError) -> [Issue] {
        try await db.withConnection { c in
            let ids: [UUID] = switch target {
                case .project(let id): try await c.query("SELECT issue_id FROM issue_links WHERE project_id = \(id) ORDER BY linked_at", logger: db.logger).all(UUID.self)
                case .plan(let id): try await c.query("SELECT issue_id FROM issue_links WHERE plan_id = \(id) ORDER BY linked_at", logger: db.logger).all(UUID.self)
                case .event(let id): try await c.query("SELECT issue_id FROM issue_links WHERE event_id = \(id) ORDER BY linked_at", logger: db.logger).all(UUID.self)
                case .facility(let id): try await c.query("SELECT issue_id FROM issue_links WHERE facility_id = \(id) ORDER BY linked_at", logger: db.logger).all(UUID.self)
            }
            var issues: [Issue] = []
            for id in ids { issues.append(try await Self.issue(id, c, db.logger)) }
            return issues
        }
    }
}
