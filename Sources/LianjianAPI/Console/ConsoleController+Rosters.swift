import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// Generating a roster from the console: the organiser asks for a range, follows the job's
/// progress bar, reads the draft's changes against what is published and publishes it. Every
/// step is authorised with the API's rule for the same thing.
extension ConsoleController {
    func registerRosters(on console: RouterGroup<AppContext>) {
        console.post("rosters/generate") { request, context in
            let caller = try context.caller
            let form = try await Form.read(request)
            let community = try await communityForWriting(form["community"], caller: caller, logger: context)
            guard let from = LocalDate(form["from"]), let to = LocalDate(form["to"]), to >= from, to.dayNumber - from.dayNumber < 62 else {
                throw ConsoleRefusal.badForm
            }
            let payload = JobRepository.GenerateRoster(communityID: community, from: from, to: to, timeLimitSeconds: solveSeconds, seed: 0)
            let job = try await JobRepository(database).enqueue(.generateRoster, payload, community: community)
            return ConsolePages.redirect("/jobs/\(job.id.uuidString.lowercased())")
        }
        console.get("jobs/:id") { _, context in
            let job = try await followedJob(context)
            if let version = Self.draft(of: job) { return ConsolePages.redirect("/rosters/\(version.uuidString.lowercased())") }
            let progress = JobProgress(job, language: Language.current)
            return pages.page("job", ["job": progress.values, "poll": "/jobs/\(job.id.uuidString.lowercased())/progress",
                                      "script": job.state != "failed", "refresh": job.state != "failed"], session: context.session)
        }
        console.get("jobs/:id/progress") { _, context in
            let job = try await followedJob(context)
            var values = JobProgress(job, language: Language.current).values
            if let version = Self.draft(of: job) { values["next"] = "/rosters/\(version.uuidString.lowercased())" }
            return JSON.response(values.mapValues { "\($0)" })
        }
        console.get("rosters/:id") { request, context in
            let id = try await rosterID(context, rule: "GET /v1/rosters/{id}")
            let notice = request.uri.queryParameters.get("done") == "published" ? ConsoleText.strings(Language.current)["published_notice"] : nil
            return try await rosterPage(id, notice: notice, error: nil, context: context)
        }
        console.post("rosters/:id/publish") { _, context in
            let id = try await rosterID(context, rule: "POST /v1/rosters/{id}/publish")
            do {
                _ = try await RosterRepository(database).publish(id)
            } catch let error as StoreError where error.code == .stale || error.code == .invalid {
                let t = ConsoleText.strings(Language.current)
                return try await rosterPage(id, notice: nil, error: t[error.code == .stale ? "stale_draft" : "not_a_draft"], context: context,
                                            status: .conflict)
            }
            return ConsolePages.redirect("/rosters/\(id.uuidString.lowercased())?done=published")
        }
    }

    /// The community a generation is for: an organiser's own; an admin's from the form.
    private func communityForWriting(_ field: String, caller: Principal, logger context: AppContext) async throws -> Community.ID {
        guard let community = caller.community ?? UUID(uuidString: field).map(Community.ID.init) else { throw ConsoleRefusal.badForm }
        try await check.authorize("POST /v1/rosters/generate", caller, id: nil, logger: context.logger)
        if caller.role != .admin { try caller.mayWrite(community: community, unit: nil) }
        _ = try await CommunityRepository(database).get(community)
        return community
    }

    private func followedJob(_ context: AppContext) async throws -> JobRepository.Job {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("job") }
        try await check.authorize("GET /v1/jobs/{id}", try context.caller, id: text, logger: context.logger)
        return try await JobRepository(database).get(id)
    }

    private func rosterID(_ context: AppContext, rule: String) async throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("roster") }
        try await check.authorize(rule, try context.caller, id: text, logger: context.logger)
        return id
    }

    /// The draft a finished generation made.
    static func draft(of job: JobRepository.Job) -> UUID? {
        guard job.kind == .generateRoster, job.state == "succeeded" else { return nil }
        return job.result?["version_id"].flatMap(UUID.init(uuidString:))
    }

    private func rosterPage(_ id: UUID, notice: String?, error: String?, context: AppContext,
                            status: HTTPResponse.Status = .ok) async throws -> Response {
        let version = try await RosterRepository(database).get(id)
        var zone = DisplayZone.current
        var community = ""
        if let c = version.communityID {
            let found = try await CommunityRepository(database).get(c)
            (zone, community) = (found.zone, found.name)
        }
        let view = RosterView(version, zone: zone, language: Language.current)
        var values = view.values
        values["community"] = community
        values["community_id"] = version.communityID.map { $0.uuid.uuidString.lowercased() } as Any
        values["notice"] = notice as Any
        values["error"] = error as Any
        values["week"] = "/week?start=\(version.from)" + (context.session?.principal.role == .admin
            ? version.communityID.map { "&community=\($0.uuid.uuidString.lowercased())" } ?? "" : "")
        return pages.page("roster", values, session: context.session, status: status)
    }
}
