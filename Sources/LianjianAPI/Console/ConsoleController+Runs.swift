import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// The nightly job's record and the notification outbox, as an organiser follows them: each
/// night's steps in words, and where each message to a volunteer stands. Both read what the
/// API's `GET /v1/runs` and `GET /v1/notifications` read, shown by the same rules (a failed
/// run's reason to admins only; phones to their last four digits; sign-in codes never).
extension ConsoleController {
    func registerRuns(on console: RouterGroup<AppContext>) {
        console.get("runs") { _, context in
            let caller = try context.caller
            try await check.authorize("GET /v1/runs", caller, id: nil, logger: context.logger)
            let runs = try await NightlyRepository(database).list(limit: 30).map { NightlyController.shown($0, to: caller) }
            let view = RunsView(language: Language.current, zone: DisplayZone.current)
            return pages.page("runs", ["runs": runs.map(view.run), "none": runs.isEmpty], session: context.session)
        }
        console.get("outbox") { request, context in
            let caller = try context.caller
            try await check.authorize("GET /v1/notifications", caller, id: nil, logger: context.logger)
            let asked = request.uri.queryParameters.get("state").flatMap { NotificationController.states.contains($0) ? $0 : nil }
            let community = try caller.communityScope(nil)
            let messages = try await NotificationRepository(database).list(community: community, state: asked, limit: 200)
                .map(NotificationController.shown)
            let view = RunsView(language: Language.current, zone: DisplayZone.current)
            let t = ConsoleText.strings(Language.current)
            let tabs = [nil, "pending", "sent", "dead"].map { state -> [String: Any] in
                ["href": state.map { "/outbox?state=\($0)" } ?? "/outbox", "label": t["outbox_\(state ?? "all")"] ?? "", "current": state == asked]
            }
            return pages.page("outbox", ["messages": messages.map(view.message), "none": messages.isEmpty, "tabs": tabs],
                              session: context.session)
        }
    }
}
