import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// Communities (with estates), partner units, joint projects, volunteers and the skills list.
struct RegistryController {
    let database: Database

    func register(on v1: RouterGroup<AppContext>) {
        let communities = CommunityRepository(database)
        let units = UnitRepository(database)
        let projects = ProjectRepository(database)
        let volunteers = VolunteerRepository(database)
        var communityResource = Resource<Community, Community.Draft>(
            name: "community", path: "communities", filters: [],
            create: { try await communities.create($0) }, read: { try await communities.get(.init($0)) },
            update: { try await communities.update(.init($0), $1) }, list: { try await communities.list($1) })
        // An organiser's list of communities is their own; `scope` narrows it through the filter.
        communityResource.scope = { caller, filter in
            var f = filter
            f.community = caller.role == .organiser ? caller.community : nil
            return f
        }
        communityResource.list = { filter, page in
            guard let only = filter.community else { return try await communities.list(page) }
            return Page(items: page.after == nil ? [try await communities.get(only)] : [], nextCursor: nil)
        }
        communityResource.register(on: v1)
        var unitResource = Resource<PartnerUnit, PartnerUnit.Draft>(
            name: "partner unit", path: "units", filters: [],
            create: { try await units.create($0) }, read: { try await units.get(.init($0)) },
            update: { try await units.update(.init($0), $1) }, list: { try await units.list($1) })
        // Organisers call the liaisons of the units with joint projects in their community.
        let owners = OwnerRepository(database)
        unitResource.present = { caller, list in
            let workingIn = try await owners.communities(ofUnits: list.map(\.id))
            return list.map { $0.shown(to: caller, workingIn: workingIn[$0.id] ?? []) }
        }
        unitResource.register(on: v1)
        var projectResource = Resource<JointProject, JointProject.Draft>(
            name: "joint project", path: "projects", filters: ["community", "unit"],
            create: { try await projects.create($0) }, read: { try await projects.get(.init($0)) },
            update: { try await projects.update(.init($0), $1) }, list: { try await projects.list($0, $1) })
        projectResource.mayWrite = { caller, draft, _ in try caller.mayWrite(community: draft.communityID, unit: draft.unitID) }
        projectResource.scope = { caller, filter in try caller.scope(filter) }
        projectResource.register(on: v1)
        var volunteerResource = Resource<Volunteer, Volunteer.Draft>(
            name: "volunteer", path: "volunteers", filters: ["community", "unit", "skill"],
            create: { try await volunteers.create($0) }, read: { try await volunteers.get(.init($0)) },
            update: { try await volunteers.update(.init($0), $1) }, list: { try await volunteers.list($0, $1) })
        volunteerResource.mayWrite = { caller, draft, existing in try Self.mayWrite(caller, draft, existing) }
        volunteerResource.scope = { caller, filter in try caller.scope(filter) }
        volunteerResource.present = { caller, list in list.map { $0.shown(to: caller) } }
        volunteerResource.register(on: v1)
        registerEstates(on: v1, communities: communities)
        v1.get("me") { _, context in JSON.response(try context.caller) }
        v1.get("skills") { _, _ in
            JSON.response(try await volunteers.skills().map { ["code": $0.code, "name_zh": $0.nameZh, "name_en": $0.nameEn] })
        }
    }

    /// Who may write what of a volunteer. Volunteers change their own availability, exceptions
    /// and contact; their skills, cap and standing are set by their unit or an organiser. Nobody
    /// but an admin moves a volunteer to another unit (the owning liaison would lose them).
    static func mayWrite(_ caller: Principal, _ draft: Volunteer.Draft, _ existing: Volunteer?) throws {
        if caller.role == .volunteer, let existing {
            guard draft.unitID == existing.unitID, draft.communityID == existing.communityID else {
                throw APIError(.forbidden, code: "forbidden", message: "a volunteer cannot change their own unit or community", field: "unit_id")
            }
            if let skills = draft.skills, skills.map(\.asRequested) != existing.skills.map(\.asRequested) {
                throw APIError(.forbidden, code: "forbidden", message: "skills are recorded by the volunteer's unit or an organiser", field: "skills")
            }
            if let cap = draft.maxMinutesPerWeek, cap != existing.maxMinutesPerWeek {
                throw APIError(.forbidden, code: "forbidden", message: "the weekly cap is set by the volunteer's unit or an organiser",
                               field: "max_minutes_per_week")
            }
            if let active = draft.active, active != existing.active {
                throw APIError(.forbidden, code: "forbidden", message: "ask your unit or an organiser to change whether you are active", field: "active")
            }
            return
        }
        if caller.role != .admin, let existing, draft.unitID != existing.unitID {
            throw APIError(.forbidden, code: "forbidden", message: "only an admin may move a volunteer to another unit", field: "unit_id")
        }
        try caller.mayWrite(community: draft.communityID, unit: draft.unitID)
    }

    private func registerEstates(on v1: RouterGroup<AppContext>, communities: CommunityRepository) {
        v1.post("communities/:id/estates") { request, context in
            let community = Community.ID(try pathID(context, "community"))
            let body = try await JSON.body(request)
            _ = try await communities.get(community)
            // Untyped throws here: the Swift 6.3 release optimiser crashes (signal 11, coroutine
            // splitting) when a typed-throws call sits directly in this closure.
            let create: @Sendable (Estate.Draft) async throws -> Estate = { try await communities.createEstate(in: community, $0) }
            return try await JSON.respond {
                let draft = try JSON.decode(Estate.Draft.self, from: body)
                try draft.validate()
                return (.created, JSON.encode(try await create(draft)))
            }
        }
        v1.get("communities/:id/estates") { _, context in
            let community = Community.ID(try pathID(context, "community"))
            _ = try await communities.get(community)
            return JSON.response(try await communities.estates(of: community))
        }
    }
}
