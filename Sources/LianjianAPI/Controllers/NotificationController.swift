import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// `GET /v1/notifications`: the outbox and where each message stands (pending, sending, sent,
/// dead). Admins read all of it; an organiser reads their own community's volunteers' messages.
struct NotificationController {
    let database: Database

    static let states: Set<String> = ["pending", "sending", "sent", "dead"]

    func register(on v1: RouterGroup<AppContext>) {
        v1.get("notifications") { request, context in
            let caller = try context.caller
            let params = request.uri.queryParameters
            let limit = try NightlyController.limit(params, allowed: ["limit", "state", "community"], default: 50)
            let state = params.get("state")
            if let state, !Self.states.contains(state) { throw APIError.badRequest("must be pending, sending, sent or dead", field: "state") }
            var community: Community.ID?
            if let text = params.get("community") {
                guard let id = Community.ID(text) else { throw APIError.badRequest("must be a community id", field: "community") }
                community = id
            }
            community = try caller.communityScope(community)
            let messages = try await NotificationRepository(database).list(community: community, state: state, limit: limit)
            return JSON.response(NightlyController.Items(items: messages.map(Self.shown)))
        }
    }

    /// The outbox is for following delivery, not for calling people: the phone keeps its last
    /// four digits only (for everyone, admins too), and a gateway's error text has any phone
    /// number in it masked as well.
    static func shown(_ message: NotificationRepository.Message) -> NotificationRepository.Message {
        var message = message
        message.phone = Mask.phone(message.phone)
        message.lastError = message.lastError.map(Mask.phones(in:))
        return message
    }
}
