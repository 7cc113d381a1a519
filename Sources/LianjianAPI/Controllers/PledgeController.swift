import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// Joint projects' structured pledges, and the monthly report of pledged against delivered for a
/// partner unit, a community or the district, as JSON, CSV or a printable page (issue 18).
struct PledgeController {
    let database: Database

    struct Items<Item: Encodable>: Encodable { var items: [Item] }

    func register(on v1: RouterGroup<AppContext>) {
        let pledges = PledgeRepository(database)
        v1.post("projects/:id/pledges") { request, context in
            let project = JointProject.ID(try pathID(context, "project"))
            let draft = try await JSON.decode(Pledge.Draft.self, from: request)
            return JSON.response(try await pledges.create(project, draft), status: .created)
        }
        v1.get("projects/:id/pledges") { _, context in
            JSON.response(Items(items: try await pledges.list(.init(try pathID(context, "project")))))
        }
        v1.get("reports/pledges") { request, context in
            try await report(for: try context.caller, request)
        }
    }

    /// The report the query asks for, as `caller` may have it: JSON, CSV or the printable page
    /// (the console's `/reports/pledges` downloads answer with this too).
    func report(for caller: Principal, _ request: Request) async throws -> Response {
        let q = request.uri.queryParameters
        let format = q.get("format") ?? "json"
        guard ["json", "csv", "html"].contains(format) else { throw APIError.badRequest("must be json, csv or html", field: "format") }
        let report = try await read(for: caller, q)
        switch format {
        case "csv": return Download.response(report.csv(), type: "text/csv; charset=utf-8", name: "pledges-\(report.month).csv")
        case "html": return Download.response(Data(report.html().utf8), type: "text/html; charset=utf-8", name: nil)
        default: return JSON.response(report)
        }
    }

    /// The report of the query's month and scope.
    func read(for caller: Principal, _ q: Parameters) async throws -> PledgeReport {
        let month = try Self.month(q.get("month"))
        let scope = try Self.scope(for: caller, unit: q.get("unit"), community: q.get("community"))
        return try await PledgeRepository(database).report(month: month, scope: scope)
    }

    /// `2026-12`; by default the month before this one (the one a report is due for).
    static func month(_ text: String?) throws -> LocalDate {
        guard let text else { return LocalDate(Date(), in: DisplayZone.current).startOfMonth.adding(days: -1).startOfMonth }
        guard let month = LocalDate.month(text) else { throw APIError.badRequest("must be a month YYYY-MM", field: "month") }
        return month
    }

    /// A liaison's report is their unit's and an organiser's their community's, whatever they
    /// ask; asking for another's is answered as if it did not exist. An admin chooses.
    static func scope(for caller: Principal, unit: String?, community: String?) throws -> PledgeRepository.Scope {
        let unitID = try unit.map { text in
            guard let id = UUID(uuidString: text) else { throw APIError.badRequest("must be a partner unit id", field: "unit") }
            return PartnerUnit.ID(id)
        }
        let communityID = try community.map { text in
            guard let id = UUID(uuidString: text) else { throw APIError.badRequest("must be a community id", field: "community") }
            return Community.ID(id)
        }
        switch caller.role {
        case .liaison:
            guard let own = caller.unit, unitID == nil || unitID == own, communityID == nil else { throw APIError.notFound("report") }
            return .unit(own)
        case .organiser:
            guard let own = caller.community, communityID == nil || communityID == own, unitID == nil else { throw APIError.notFound("report") }
            return .community(own)
        case .admin:
            if let unitID { return .unit(unitID) }
            if let communityID { return .community(communityID) }
            return .district
        case .volunteer:
            throw APIError.notFound("report")
        }
    }
}
