import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// Service plans, events, residents and participants.
struct EventController {
    let database: Database

    struct GenerateRequest: Decodable { var from: LocalDate; var to: LocalDate }
    struct ParticipantRequest: Decodable {
        var residentID: Resident.ID
        enum CodingKeys: String, CodingKey { case residentID = "resident_id" }
    }

    func register(on v1: RouterGroup<AppContext>) {
        let plans = PlanRepository(database)
        let events = EventRepository(database)
        let people = ParticipantRepository(database)
        v1.post("projects/:id/plans") { request, context in
            let project = JointProject.ID(try pathID(context, "joint project"))
            let draft = try await JSON.decode(ServicePlan.Draft.self, from: request)
            try draft.validate()
            return JSON.response(try await plans.create(for: project, draft), status: .created)
        }
        v1.get("projects/:id/plans") { _, context in
            JSON.response(try await plans.list(for: .init(try pathID(context, "joint project"))))
        }
        v1.post("plans/:id/generate") { request, context in
            let plan = ServicePlan.ID(try pathID(context, "service plan"))
            let range = try await JSON.decode(GenerateRequest.self, from: request)
            guard range.to >= range.from, range.to.dayNumber - range.from.dayNumber <= 400 else {
                throw APIError.invalid("must be on or after from, at most 400 days later", field: "to")
            }
            return JSON.response(try await plans.generate(plan, from: range.from, to: range.to))
        }
        v1.post("events") { request, context in
            let caller = try context.caller
            let draft = try await JSON.decode(Event.Draft.self, from: request)
            try draft.validate()
            let project = try await ProjectRepository(database).get(draft.projectID)
            try caller.mayWrite(community: project.communityID, unit: nil)
            return JSON.response(try await events.create(draft), status: .created)
        }
        v1.get("communities/:id/events") { request, context in
            let community = try await CommunityRepository(database).get(.init(try pathID(context, "community")))
            let (start, end) = try Self.range(request.uri.queryParameters, in: community.zone)
            return JSON.response(try await events.list(community: community.id, from: start, to: end))
        }
        // A partner unit's liaison reads their projects' events here (they have no community).
        v1.get("projects/:id/events") { request, context in
            let project = try await ProjectRepository(database).get(.init(try pathID(context, "joint project")))
            let zone = try await CommunityRepository(database).get(project.communityID).zone
            let (start, end) = try Self.range(request.uri.queryParameters, in: zone)
            return JSON.response(try await events.list(project: project.id, from: start, to: end))
        }
        v1.get("events/:id") { _, context in JSON.response(try await events.get(.init(try pathID(context, "event")))) }
        v1.put("events/:id") { request, context in
            let id = Event.ID(try pathID(context, "event"))
            let draft = try await JSON.decode(Event.Draft.self, from: request)
            try draft.validate()
            let event = try await events.get(id)
            let zone = try await CommunityRepository(database).get(event.communityID).zone
            let span = try draft.span(in: zone, now: Date())
            return JSON.response(try await events.update(id, title: draft.title, venue: draft.venue ?? "", span: span))
        }
        v1.post("events/:id/cancel") { _, context in JSON.response(try await events.cancel(.init(try pathID(context, "event")))) }
        v1.get("events/:id/participants") { _, context in
            JSON.response(try await people.participants(of: .init(try pathID(context, "event"))))
        }
        v1.post("events/:id/participants") { request, context in
            let event = Event.ID(try pathID(context, "event"))
            let body = try await JSON.decode(ParticipantRequest.self, from: request)
            try await people.register(body.residentID, for: event)
            return JSON.response(try await events.get(event), status: .created)
        }
        v1.delete("events/:id/participants/:resident") { _, context in
            let event = Event.ID(try pathID(context, "event"))
            guard let resident = context.parameters.get("resident").flatMap(Resident.ID.init) else { throw APIError.notFound("participant") }
            try await people.unregister(resident, from: event)
            return JSON.response(try await events.get(event))
        }
        v1.get("communities/:id/residents") { _, context in
            JSON.response(try await people.residents(of: .init(try pathID(context, "community"))))
        }
        v1.post("communities/:id/residents") { request, context in
            let community = Community.ID(try pathID(context, "community"))
            let draft = try await JSON.decode(Resident.Draft.self, from: request)
            try draft.validate()
            return JSON.response(try await people.createResident(in: community, draft), status: .created)
        }
    }

    /// `?from=&to=` (local dates, `to` included; from today, 30 days by default) as instants.
    static func range(_ q: Parameters, in zone: TimeZone) throws -> (Date, Date) {
        let from = try date(q.get("from"), "from") ?? LocalDate(Date(), in: zone)
        let to = try date(q.get("to"), "to") ?? from.adding(days: 30)
        guard to >= from else { throw APIError.invalid("must be on or after from", field: "to") }
        guard to.dayNumber - from.dayNumber <= 400 else { throw APIError.invalid("must be at most 400 days after from", field: "to") }
        return (from.at(.init(minutes: 0), in: zone), to.adding(days: 1).at(.init(minutes: 0), in: zone))
    }

    static func date(_ text: String?, _ field: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(text) else { throw APIError.badRequest("must be a date YYYY-MM-DD", field: field) }
        return date
    }
}
