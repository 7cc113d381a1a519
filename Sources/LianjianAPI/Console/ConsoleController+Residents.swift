import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// A community's residents the events serve: who they are, where they live, what help they
/// need; and a form to add one. Personal data, so only the community's own organisers (and
/// admins) open it, by the API's rule for `/v1/communities/{id}/residents`.
extension ConsoleController {
    func registerResidents(on console: RouterGroup<AppContext>) {
        console.get("residents") { request, context in
            guard let community = try await chosenCommunity(request.uri.queryParameters.get("community"), context,
                                                            rule: "GET /v1/communities/{id}/residents") else {
                return try await communityPicker("/residents", context)
            }
            let done = request.uri.queryParameters.get("done") == "added" ? ConsoleText.strings(Language.current)["resident_added"] : nil
            return try await residentsPage(community, notice: done, context: context)
        }
        console.post("residents") { request, context in
            let form = try await Form.read(request)
            let caller = try context.caller
            guard let community = caller.community ?? UUID(uuidString: form["community"]).map(Community.ID.init) else { throw ConsoleRefusal.badForm }
            try await check.authorize("POST /v1/communities/{id}/residents", caller, id: community.uuid.uuidString, logger: context.logger)
            let draft = Resident.Draft(name: form["name"].trimmingCharacters(in: .whitespaces), building: form["building"],
                                       phone: form["phone"].trimmingCharacters(in: .whitespaces), needs: form.all("need"))
            do {
                try draft.validate()
                _ = try await ParticipantRepository(database).createResident(in: community, draft)
            } catch let error as DomainError {
                let t = ConsoleText.strings(Language.current)
                let field = t["resident_field_\(error.field.split(separator: "[").first ?? "")"] ?? error.field
                return try await residentsPage(community, error: "\(field)：\(Messages.localise(error.reason, to: Language.current))",
                                               typed: draft, context: context, status: .unprocessableContent)
            }
            return ConsolePages.redirect(link("/residents", community, context, query: "done=added"))
        }
    }

    private func residentsPage(_ id: Community.ID, notice: String? = nil, error: String? = nil, typed: Resident.Draft? = nil,
                               context: AppContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let community = try await CommunityRepository(database).get(id)
        let t = ConsoleText.strings(Language.current)
        let residents = try await ParticipantRepository(database).residents(of: id)
            .sorted { $0.building != $1.building ? $0.building.localizedStandardCompare($1.building) == .orderedAscending : Self.pinyinOrder($0.name, $1.name) }
        let words = { (needs: [String]) in needs.map { t["need_\($0)"] ?? $0 }.joined(separator: "、") }
        let chosen = Set(typed?.needs ?? [])
        return pages.page("residents", [
            "community": community.name, "community_id": id.uuid.uuidString.lowercased(),
            "residents": residents.map { ["name": $0.name, "building": $0.building, "phone": $0.phone, "needs": words($0.needs)] },
            "none": residents.isEmpty, "count": ConsoleText.fill(t["resident_count"], ["n": "\(residents.count)"]),
            "need_options": StaffingRule.knownNeeds.map { ["value": $0, "label": t["need_\($0)"] ?? $0, "selected": chosen.contains($0)] },
            "form": ["name": typed?.name ?? "", "building": typed?.building ?? "", "phone": typed?.phone ?? ""],
            "notice": notice as Any, "error": error as Any,
        ], session: context.session, status: status)
    }
}
