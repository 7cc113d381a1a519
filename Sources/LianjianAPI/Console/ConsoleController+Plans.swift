import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// A community's service plans, each with its recurrence in words (「每月第二个星期六 09:00–12:00」):
/// create one, and generate its events for a range. Both go through the API's rules for
/// `POST /v1/projects/{id}/plans` and `POST /v1/plans/{id}/generate`, and the same validation.
extension ConsoleController {
    func registerPlans(on console: RouterGroup<AppContext>) {
        console.get("plans") { request, context in
            let q = request.uri.queryParameters
            guard let community = try await chosenCommunity(q.get("community"), context, rule: "GET /v1/communities/{id}/events") else {
                return try await communityPicker("/plans", context)
            }
            return try await plansPage(community, notice: Self.generatedNotice(q), context: context)
        }
        console.post("plans") { request, context in
            let form = try await Form.read(request)
            guard let projectID = UUID(uuidString: form["project"]) else { throw ConsoleRefusal.badForm }
            try await check.authorize("POST /v1/projects/{id}/plans", try context.caller, id: projectID.uuidString, logger: context.logger)
            let project = try await ProjectRepository(database).get(.init(projectID))
            do {
                let draft = try PlanForm(form).draft()
                try draft.validate()
                _ = try await PlanRepository(database).create(for: project.id, draft)
            } catch let error as DomainError {
                let t = ConsoleText.strings(Language.current)
                let field = t["plan_field_\(error.field.split(separator: ".").last ?? "")"] ?? error.field
                let message = "\(field)：\(Messages.localise(error.reason, to: Language.current))"
                return try await plansPage(project.communityID, error: message, form: PlanForm(form).chosen, context: context,
                                           status: .unprocessableContent)
            }
            return ConsolePages.redirect(link("/plans", project.communityID, context, query: "done=created"))
        }
        console.post("plans/:id/generate") { request, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("service plan") }
            try await check.authorize("POST /v1/plans/{id}/generate", try context.caller, id: text, logger: context.logger)
            let form = try await Form.read(request)
            guard let from = LocalDate(form["from"]), let to = LocalDate(form["to"]), to >= from, to.dayNumber - from.dayNumber <= 400 else {
                throw ConsoleRefusal.badForm
            }
            let plan = try await PlanRepository(database).get(.init(id))
            let made = try await PlanRepository(database).generate(plan.id, from: from, to: to)
            let community = try await ProjectRepository(database).get(plan.projectID).communityID
            return ConsolePages.redirect(link("/plans", community, context,
                                              query: "created=\(made.created)&kept=\(made.kept)&holidays=\(made.skippedHolidays.count)"))
        }
    }

    /// A console link about `community`: an admin (who has no community of their own) names it
    /// with `?community=`; an organiser's pages are about their own.
    func link(_ path: String, _ community: Community.ID, _ context: AppContext, query: String = "") -> String {
        var items: [String] = []
        if (try? context.caller)?.community == nil { items.append("community=\(community.uuid.uuidString.lowercased())") }
        if !query.isEmpty { items.append(query) }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }

    /// The community a page is about: an organiser's own, an admin's choice (nil: not chosen yet),
    /// authorised with the API's rule for reading it.
    func chosenCommunity(_ asked: String?, _ context: AppContext, rule: String) async throws -> Community.ID? {
        let caller = try context.caller
        guard let id = caller.community ?? asked.flatMap(UUID.init(uuidString:)).map(Community.ID.init) else { return nil }
        try await check.authorize(rule, caller, id: id.uuid.uuidString, logger: context.logger)
        _ = try await CommunityRepository(database).get(id)
        return id
    }

    /// The list of communities for an admin to choose from, each linking to `path`.
    func communityPicker(_ path: String, _ context: AppContext) async throws -> Response {
        let list = try await CommunityRepository(database).list(.init(limit: 200))
        return pages.page("communities", ["communities": list.items.map { ["id": $0.id.uuid.uuidString.lowercased(), "name": $0.name] },
                                          "target": path], session: context.session)
    }

    private static func generatedNotice(_ q: Parameters) -> String? {
        let t = ConsoleText.strings(Language.current)
        if q.get("done") == "created" { return t["plan_created"] }
        guard let created = q.get("created").flatMap(Int.init) else { return nil }
        return RosterView.fill(t["events_generated"], ["n": created, "kept": Int(q.get("kept") ?? "") ?? 0,
                                                       "holidays": Int(q.get("holidays") ?? "") ?? 0])
    }

    private func plansPage(_ communityID: Community.ID, notice: String? = nil, error: String? = nil, form: PlanForm.Chosen? = nil,
                           context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let community = try await CommunityRepository(database).get(communityID)
        let projects = try await ProjectRepository(database).list(.init(community: communityID), .init(limit: 200)).items
        let english = Language.current == .english
        let skills = try await VolunteerRepository(database).skills().map { (code: $0.code, name: english ? $0.nameEn : $0.nameZh) }
        let view = PlansView(skills: Dictionary(skills.map { ($0.code, $0.name) }) { a, _ in a }, english: english,
                             today: LocalDate(Date(), in: community.zone))
        var sections: [[String: Any]] = []
        var unitNames: [PartnerUnit.ID: String] = [:]
        for project in projects {
            if unitNames[project.unitID] == nil { unitNames[project.unitID] = try await UnitRepository(database).get(project.unitID).name }
            let plans = try await PlanRepository(database).list(for: project.id)
            sections.append(view.project(project, unit: unitNames[project.unitID] ?? "", plans: plans))
        }
        var values: [String: Any] = [
            "community": community.name, "projects": sections, "no_projects": sections.isEmpty,
            "notice": notice as Any, "error": error as Any,
            "week": link("/week", communityID, context),
        ]
        values.merge(view.choices(form ?? view.defaults, projects: projects, skills: skills)) { $1 }
        values["may_create"] = !projects.isEmpty
        return pages.page("plans", values, session: context.session, status: status)
    }
}
