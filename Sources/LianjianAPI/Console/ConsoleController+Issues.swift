import Foundation
import Hummingbird
import LianjianDomain
import LianjianQR
import LianjianStore

/// The organiser's 民情速递站 (issue 19): the requests in, the suggested groups to make issues
/// of, each building's poster, the public board; an issue's page with its steps, the next step's
/// form (the vote at 决议), declining with a reason, and what answers it. All through the API's
/// own rules and repositories.
extension ConsoleController {
    func registerIssues(on console: RouterGroup<AppContext>) {
        console.get("requests") { request, context in
            guard let community = try await chosenCommunity(request.uri.queryParameters.get("community"), context,
                                                            rule: "GET /v1/communities/{id}/requests") else {
                return try await communityPicker("/requests", context)
            }
            return pages.page("requests", try await requestsValues(community, request), session: context.session)
        }
        console.post("issues") { request, context in
            let form = try await Form.read(request)
            let caller = try context.caller
            guard let community = caller.community ?? UUID(uuidString: form["community"]).map(Community.ID.init) else { throw ConsoleRefusal.badForm }
            try await check.authorize("POST /v1/communities/{id}/issues", caller, id: community.uuid.uuidString, logger: context.logger)
            let ids = form["requests"].split(separator: ",").compactMap { UUID(uuidString: String($0)) }
            let title = form["title"].trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...200).contains(title.count), !ids.isEmpty else { throw ConsoleRefusal.badForm }
            let issue = try await IssueRepository(database).create(in: community, title: title, category: form["category"], requests: ids,
                                                                   actor: caller.auditName)
            return ConsolePages.redirect("/issues/\(issue.uuid.uuidString.lowercased())")
        }
        console.get("issues/:id") { request, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("issue") }
            try await check.authorize("GET /v1/issues/{id}", try context.caller, id: text, logger: context.logger)
            return pages.page("issue", try await issueValues(.init(id), done: request.uri.queryParameters.get("done")), session: context.session)
        }
        console.post("issues/:id/transitions") { request, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("issue") }
            let caller = try context.caller
            try await check.authorize("POST /v1/issues/{id}/transitions", caller, id: text, logger: context.logger)
            let form = try await Form.read(request)
            guard let to = IssueState(rawValue: form["to"]) else { throw ConsoleRefusal.badForm }
            let vote = Int(form["for"]).map { IssueTransition.Vote(inFavour: $0, against: Int(form["against"]) ?? 0, abstaining: Int(form["abstaining"]) ?? 0) }
            let move = IssueTransition(to: to, note: form["note"], vote: vote, minutes: form["minutes"], decision: form["decision"],
                                       result: form["result"], reason: form["reason"])
            do {
                _ = try await IssueRepository(database).move(.init(id), move, keepDays: boardDays, actor: caller.auditName)
            } catch let error as StoreError where error.code == .invalid || error.code == .conflict {
                var values = try await issueValues(.init(id), done: nil)
                values["error"] = Messages.localise(error.message, to: Language.current)
                return pages.page("issue", values, session: context.session, status: .unprocessableContent)
            }
            return ConsolePages.redirect("/issues/\(text)?done=\(to.rawValue)")
        }
        console.post("issues/:id/links") { request, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("issue") }
            let caller = try context.caller
            try await check.authorize("POST /v1/issues/{id}/links", caller, id: text, logger: context.logger)
            let form = try await Form.read(request)
            let parts = form["target"].split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let target = UUID(uuidString: parts[1]) else { throw ConsoleRefusal.badForm }
            let link: IssueRepository.Target = parts[0] == "facility" ? .facility(target) : .project(target)
            _ = try await IssueRepository(database).link(.init(id), to: link, actor: caller.auditName)
            return ConsolePages.redirect("/issues/\(text)?done=linked")
        }
        console.get("buildings/:id/poster") { request, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("building") }
            try await check.authorize("GET /v1/buildings/{id}/poster", try context.caller, id: text, logger: context.logger)
            let building = try await RequestRepository(database).building(id: id)
            let url = CheckInController.base(request, secure: secureCookies) + "/intake/\(building.code)"
            let html = Poster.html(community: building.community, estate: building.estate, building: building.name, formURL: url,
                                   qrSVG: QRCode(url)?.svg(size: 90) ?? "")
            return Download.response(Data(html.utf8), type: "text/html; charset=utf-8", name: nil)
        }
        console.get("board/:id") { _, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("community") }
            let community = try await CommunityRepository(database).get(.init(id))
            let board = try await IssueRepository(database).board(.init(id))
            return Download.response(Data(board.html(zone: community.zone).utf8), type: "text/html; charset=utf-8", name: nil)
        }
    }

    private func requestsValues(_ community: Community.ID, _ request: Request) async throws -> [String: Any] {
        let t = ConsoleText.strings(Language.current)
        let zone = DisplayZone.current
        let c = try await CommunityRepository(database).get(community)
        let issues = IssueRepository(database)
        let suggestions = try await issues.suggestions(community, since: Date().addingTimeInterval(-90 * 86_400))
        let list = try await issues.list(community)
        let recent = try await RequestRepository(database).list(community, limit: 30)
        return [
            "community": c.name, "community_id": community.uuid.uuidString.lowercased(),
            "suggestions": suggestions.map { s -> [String: Any] in
                let where_ = s.building ?? s.estate ?? (t["req_no_building"] ?? "")
                return ["where": where_, "category": s.category, "category_name": s.categoryName, "count": "\(s.count)",
                        "title": "\(where_) \(s.categoryName)", "requests": s.requestIDs.joined(separator: ",")]
            },
            "has_suggestions": !suggestions.isEmpty,
            "issues": list.map { ["id": $0.id.uuid.uuidString.lowercased(), "title": $0.title, "summary": $0.summary,
                                  "state": Language.current == .english ? $0.state.english : $0.state.chinese,
                                  "done": [.closed, .resultPublished, .declined].contains($0.state)] },
            "has_issues": !list.isEmpty,
            "buildings": try await RequestRepository(database).buildings(of: community).map {
                ["id": $0.id.uuidString.lowercased(), "name": "\($0.estate) \($0.name)"]
            },
            "requests": recent.map { r -> [String: Any] in
                ["when": "\(LocalDate(r.receivedAt, in: zone))", "where": r.building ?? r.estate ?? "—", "category": r.category,
                 "text": String(r.text.prefix(60)), "channel": t["req_channel_\(r.channel)"] ?? r.channel,
                 "who": r.residentName.isEmpty && r.residentPhone.isEmpty ? "—" : "\(r.residentName) \(Mask.phone(r.residentPhone))"]
            },
            "has_requests": !recent.isEmpty,
        ]
    }

    private func issueValues(_ id: Issue.ID, done: String?) async throws -> [String: Any] {
        let t = ConsoleText.strings(Language.current)
        let zone = DisplayZone.current
        let issue = try await IssueRepository(database).get(id)
        let words = { (s: String?) in s.flatMap(IssueState.init(rawValue:)).map { Language.current == .english ? $0.english : $0.chinese } ?? "" }
        let projects = try await ProjectRepository(database).list(RegistryFilter(community: issue.communityID), PageRequest(limit: 200)).items
        let facilities = try await FacilityRepository(database).list(in: issue.communityID)
        var values: [String: Any] = [
            "id": id.uuid.uuidString.lowercased(), "title": issue.title, "summary": issue.summary, "state": words(issue.state.rawValue),
            "community_id": issue.communityID.uuid.uuidString.lowercased(),
            "steps": issue.steps.map { ["at": "\(LocalDate($0.at, in: zone)) \(LocalTime($0.at, in: zone))", "to": words($0.to), "note": $0.note] },
            "links": issue.links.map { ["name": $0.name, "kind": t["link_\($0.kind)"] ?? $0.kind] }, "has_links": !issue.links.isEmpty,
            "targets": projects.map { ["value": "project:\($0.id.uuid.uuidString.lowercased())", "label": "\(t["link_project"] ?? "") \($0.title)"] }
                + facilities.map { ["value": "facility:\($0.id.uuid.uuidString.lowercased())", "label": "\(t["link_facility"] ?? "") \($0.name)"] },
            "may_decline": issue.state.allows(.declined),
        ]
        if let vote = issue.vote {
            values["vote"] = ConsoleText.fill(t["issue_vote"], ["for": "\(vote.inFavour)", "against": "\(vote.against)", "abstain": "\(vote.abstaining)"])
        }
        for (key, text) in [("decision", issue.decision), ("result", issue.result), ("declined", issue.declinedReason)] where !text.isEmpty {
            values[key] = text
        }
        if let next = issue.state.next {
            values["next"] = next.rawValue
            values["next_label"] = ConsoleText.fill(t["issue_next"], ["step": words(next.rawValue)])
            values["needs_vote"] = next == .resolved
            values["needs_result"] = next == .resultPublished
        }
        if let done { values["notice"] = ConsoleText.fill(t["issue_done"], ["step": words(done)]) }
        return values
    }
}
