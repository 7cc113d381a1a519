import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore
import NIOCore

/// Generating, reading, finding, editing and publishing rosters; volunteers' assignments and their answers.
struct RosterController {
    let database: Database

    struct GenerateRequest: Decodable {
        var communityID: Community.ID?
        var from: LocalDate
        var to: LocalDate
        var timeLimitSeconds: Double?
        var seed: UInt64?
        enum CodingKeys: String, CodingKey {
            case from, to, seed
            case communityID = "community_id"
            case timeLimitSeconds = "time_limit_seconds"
        }
    }

    /// An answer's optional body: `{"reason": "…"}` (at most 500 characters).
    struct Answer: Decodable {
        var reason: String?

        static func validate(_ reason: String) throws {
            guard reason.count <= 500 else { throw APIError.invalid("must be at most 500 characters", field: "reason") }
            guard reason.unicodeScalars.allSatisfy({ TextRule.isPrintable($0, multiline: true) }) else {
                throw APIError.invalid("contains a character that cannot be printed", field: "reason")
            }
        }
    }

    func register(on v1: RouterGroup<AppContext>) {
        let rosters = RosterRepository(database)
        let assignments = AssignmentRepository(database)
        v1.post("rosters/generate") { request, context in
            let caller = try context.caller
            let ask = try await JSON.decode(GenerateRequest.self, from: request)
            if caller.role != .admin { try caller.mayWrite(community: ask.communityID, unit: nil) }
            guard ask.to >= ask.from, ask.to.dayNumber - ask.from.dayNumber < 62 else {
                throw APIError.invalid("must be on or after from, within 62 days", field: "to")
            }
            let limit = ask.timeLimitSeconds ?? 5
            guard limit > 0, limit <= 120 else { throw APIError.invalid("must be more than 0 and at most 120", field: "time_limit_seconds") }
            if let community = ask.communityID { _ = try await CommunityRepository(database).get(community) }
            // Solving takes seconds: a worker does it, and the client follows the job.
            let payload = JobRepository.GenerateRoster(communityID: ask.communityID, from: ask.from, to: ask.to,
                                                       timeLimitSeconds: limit, seed: ask.seed ?? 0)
            let job = try await JobRepository(database).enqueue(.generateRoster, payload, community: ask.communityID)
            return JobController.accepted(job)
        }
        v1.get("rosters/:id") { _, context in JSON.response(try await rosters.get(try pathID(context, "roster"))) }
        v1.get("rosters/:id/problem") { _, context in
            JSON.response(data: Data(try await rosters.document(try pathID(context, "roster"), problem: true).utf8))
        }
        v1.get("rosters/:id/roster") { _, context in
            JSON.response(data: Data(try await rosters.document(try pathID(context, "roster"), problem: false).utf8))
        }
        v1.post("rosters/:id/publish") { _, context in JSON.response(try await rosters.publish(try pathID(context, "roster"))) }
        registerEdits(on: v1, rosters: rosters)
        registerFind(on: v1, rosters: rosters)
        v1.get("volunteers/:id/assignments") { _, context in
            JSON.response(try await assignments.published(for: .init(try pathID(context, "volunteer"))))
        }
        for answer in ["confirm", "decline"] {
            v1.post(RouterPath("volunteers/:id/assignments/:role/\(answer)")) { request, context in
                let volunteer = Volunteer.ID(try pathID(context, "volunteer"))
                guard let role = context.parameters.get("role").flatMap(UUID.init(uuidString:)) else { throw APIError.notFound("assignment") }
                let body = try await JSON.body(request, limit: 16 << 10)
                let reason = body.isEmpty ? "" : (try JSON.decode(Answer.self, from: body).reason ?? "")
                try Answer.validate(reason)
                // An organiser answers only for assignments in their own community.
                let caller = try context.caller
                let scope = caller.role == .organiser ? caller.community : nil
                try await assignments.respond(volunteer, role: role, confirmed: answer == "confirm", reason: reason, organiser: scope)
                return JSON.response(try await assignments.published(for: volunteer))
            }
        }
    }
}
