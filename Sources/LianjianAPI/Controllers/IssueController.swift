import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// Issues of residents' requests (issue 19): grouping suggestions, merging and splitting, the
/// steps of 一征三议两公开, the links to what answers them, and the community's public board.
struct IssueController {
    let database: Database
    /// How long a notice stays on the board at least (`records.board_days`).
    var boardDays = 7

    struct NewIssue: Decodable {
        var title: String
        var category: String
        var requestIDs: [UUID]
        enum CodingKeys: String, CodingKey {
            case title, category
            case requestIDs = "request_ids"
        }
    }

    struct Requests: Decodable {
        var requestIDs: [UUID]
        enum CodingKeys: String, CodingKey { case requestIDs = "request_ids" }
    }

    struct LinkAsk: Decodable {
        var projectID: UUID?
        var planID: UUID?
        var eventID: UUID?
        var facilityID: UUID?
        enum CodingKeys: String, CodingKey {
            case projectID = "project_id", planID = "plan_id", eventID = "event_id", facilityID = "facility_id"
        }
    }

    struct Items<Item: Encodable>: Encodable { var items: [Item] }

    func register(on v1: RouterGroup<AppContext>) {
        let issues = IssueRepository(database)
        v1.get("communities/:id/issues") { _, context in
            JSON.response(Items(items: try await issues.list(.init(try pathID(context, "community")))))
        }
        v1.get("communities/:id/issues/suggestions") { request, context in
            let community = Community.ID(try pathID(context, "community"))
            let days = try Self.days(request.uri.queryParameters.get("days"))
            return JSON.response(Items(items: try await issues.suggestions(community, since: Date().addingTimeInterval(-Double(days) * 86_400))))
        }
        v1.post("communities/:id/issues") { request, context in
            let community = Community.ID(try pathID(context, "community"))
            let ask = try await JSON.decode(NewIssue.self, from: request)
            let title = ask.title.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...200).contains(title.count) else { throw APIError.invalid("must be 1 to 200 characters", field: "title") }
            guard ask.requestIDs.count <= 500 else { throw APIError.invalid("must hold at most 500 requests", field: "request_ids") }
            let id = try await issues.create(in: community, title: title, category: ask.category, requests: ask.requestIDs,
                                             actor: try context.caller.auditName)
            return JSON.response(try await issues.get(id), status: .created)
        }
        v1.get("issues/:id") { _, context in
            JSON.response(try await issues.get(.init(try pathID(context, "issue"))))
        }
        v1.post("issues/:id/transitions") { request, context in
            let issue = Issue.ID(try pathID(context, "issue"))
            let ask = try await JSON.decode(IssueTransition.self, from: request)
            return JSON.response(try await issues.move(issue, ask, keepDays: boardDays, actor: try context.caller.auditName))
        }
        v1.post("issues/:id/requests") { request, context in
            let issue = Issue.ID(try pathID(context, "issue"))
            let ask = try await JSON.decode(Requests.self, from: request)
            guard (1...500).contains(ask.requestIDs.count) else { throw APIError.invalid("must hold 1 to 500 requests", field: "request_ids") }
            try await issues.add(ask.requestIDs, to: issue)
            return JSON.response(try await issues.get(issue))
        }
        v1.delete("issues/:id/requests/:request") { _, context in
            let issue = Issue.ID(try pathID(context, "issue"))
            guard let request = context.parameters.get("request").flatMap(UUID.init(uuidString:)) else { throw APIError.notFound("request") }
            try await issues.remove(request, from: issue)
            return JSON.response(try await issues.get(issue))
        }
        v1.post("issues/:id/links") { request, context in
            let issue = Issue.ID(try pathID(context, "issue"))
            let ask = try await JSON.decode(LinkAsk.self, from: request)
            let targets: [IssueRepository.Target] = [ask.projectID.map { .project($0) }, ask.planID.map { .plan($0) },
                                                     ask.eventID.map { .event($0) }, ask.facilityID.map { .facility($0) }].compactMap { $0 }
            guard targets.count == 1 else {
                throw APIError.invalid("must name exactly one of project_id, plan_id, event_id, facility_id", field: "project_id")
            }
            return JSON.response(try await issues.link(issue, to: targets[0], actor: try context.caller.auditName), status: .created)
        }
        v1.get("projects/:id/issues") { _, context in
            JSON.response(Items(items: try await issues.answered(by: .project(try pathID(context, "project")))))
        }
        v1.get("facilities/:id/issues") { _, context in
            JSON.response(Items(items: try await issues.answered(by: .facility(try pathID(context, "facility")))))
        }
        v1.get("reports/requests") { request, context in
            let q = request.uri.queryParameters
            let format = q.get("format") ?? "json"
            guard ["json", "csv", "html"].contains(format) else { throw APIError.badRequest("must be json, csv or html", field: "format") }
            let month = try PledgeController.month(q.get("month"))
            let caller = try context.caller
            let asked = try q.get("community").map { text in
                guard let id = UUID(uuidString: text) else { throw APIError.badRequest("must be a community id", field: "community") }
                return Community.ID(id)
            }
            // An organiser's report is their community's; asking for another's is as if it did not exist.
            let community: Community.ID? = switch caller.role {
                case .admin: asked
                case .organiser: caller.community
                default: nil
            }
            if caller.role == .organiser, let asked, asked != caller.community { throw APIError.notFound("report") }
            guard caller.role == .admin || community != nil else { throw APIError.notFound("report") }
            let report = try await RequestRepository(database).report(month: month, community: community)
            switch format {
            case "csv": return Download.response(report.csv(), type: "text/csv; charset=utf-8", name: "requests-\(report.month).csv")
            case "html": return Download.response(Data(report.html().utf8), type: "text/html; charset=utf-8", name: nil)
            default: return JSON.response(report)
            }
        }
        v1.get("communities/:id/board") { request, context in
            let community = Community.ID(try pathID(context, "community"))
            let board = try await issues.board(community)
            let format = request.uri.queryParameters.get("format") ?? "json"
            guard ["json", "html"].contains(format) else { throw APIError.badRequest("must be json or html", field: "format") }
            if format == "html" {
                let zone = try await CommunityRepository(database).get(community).zone
                return Download.response(Data(board.html(zone: zone).utf8), type: "text/html; charset=utf-8", name: nil)
            }
            return JSON.response(board)
        }
    }

    static func days(_ text: String?) throws -> Int {
        guard let text else { return 90 }
        guard let days = Int(text), (1...3660).contains(days) else { throw APIError.badRequest("must be 1 to 3660 days", field: "days") }
        return days
    }
}
