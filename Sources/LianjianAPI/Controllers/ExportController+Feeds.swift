import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// Calendar subscriptions: a volunteer (or their organiser or liaison) makes a feed URL whose key
/// opens that one feed read-only; making a new one ends the old URL, and it can be revoked.
extension ExportController {
    struct FeedURL: Encodable {
        var url: String
    }

    func registerFeedKeys(on v1: RouterGroup<AppContext>, sheets: SheetRepository) {
        let keys = FeedKeyRepository(database)
        v1.post("volunteers/:id/calendar-key") { _, context in
            let volunteer = Volunteer.ID(try pathID(context, "volunteer"))
            let key = try await keys.rotate(volunteer)
            return JSON.response(FeedURL(url: "/v1/calendar/\(key).ics"), status: .created)
        }
        v1.delete("volunteers/:id/calendar-key") { _, context in
            guard try await keys.revoke(Volunteer.ID(try pathID(context, "volunteer"))) else { throw APIError.notFound("calendar key") }
            return Response(status: .noContent)
        }
        // Public: the key is the credential, and it opens nothing but this feed.
        v1.get("calendar/:key") { _, context in
            let text = context.parameters.get("key") ?? ""
            let key = text.hasSuffix(".ics") ? String(text.dropLast(4)) : text
            guard let volunteer = try await keys.volunteer(for: key) else { throw APIError.notFound("calendar") }
            let viewer = Principal(tokenID: volunteer.uuid, role: .volunteer, volunteer: volunteer)
            return try await feed(volunteer, for: viewer, sheets)
        }
    }
}
