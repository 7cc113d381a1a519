import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

extension RosterController {
    /// `POST /v1/rosters/{id}/edits`: `{"op", "role_id", "volunteer_id", "with": {"role_id", "volunteer_id"}}`.
    struct EditRequest: Decodable {
        var op: String
        var roleID: UUID
        var volunteerID: Volunteer.ID
        var with: Other?

        struct Other: Decodable {
            var roleID: UUID?
            var volunteerID: Volunteer.ID?
            enum CodingKeys: String, CodingKey {
                case roleID = "role_id"
                case volunteerID = "volunteer_id"
            }
        }

        enum CodingKeys: String, CodingKey {
            case op, with
            case roleID = "role_id"
            case volunteerID = "volunteer_id"
        }

        func edit() throws -> RosterEdit {
            guard let op = RosterEdit.Op(rawValue: op) else { throw APIError.invalid(RosterEdit.unknownOpMessage, field: "op") }
            return RosterEdit(op, role: roleID, volunteer: volunteerID, otherRole: with?.roleID, otherVolunteer: with?.volunteerID)
        }
    }

    func registerEdits(on v1: RouterGroup<AppContext>, rosters: RosterRepository) {
        v1.post("rosters/:id/edits") { request, context in
            let id = try pathID(context, "roster")
            let edit = try await JSON.decode(EditRequest.self, from: request).edit()
            return JSON.response(try await rosters.edit(id, edit))
        }
    }
}
