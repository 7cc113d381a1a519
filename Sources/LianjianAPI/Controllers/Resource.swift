import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// The create/read/update/list endpoints of one registry entity:
/// `POST /v1/<path>`, `GET /v1/<path>`, `GET /v1/<path>/{id}`, `PUT /v1/<path>/{id}`.
///
/// The route's rule (``AccessPolicy``) has already checked the caller and the `{id}`; the hooks
/// check what the body names, narrow lists to the caller's scope and mask what they may not read.
struct Resource<Entity: Codable & Sendable, Draft: Decodable & Validatable & Sendable>: Sendable {
    /// Singular name for messages, e.g. `volunteer`.
    let name: String
    /// Plural path segment, e.g. `volunteers`.
    let path: String
    /// Filters the list accepts (`community`, `unit`, `skill`).
    let filters: Set<String>
    let create: @Sendable (Draft) async throws -> Entity
    let read: @Sendable (UUID) async throws -> Entity
    let update: @Sendable (UUID, Draft) async throws -> Entity
    var list: @Sendable (RegistryFilter, PageRequest) async throws -> Page<Entity>
    /// Refuses a draft naming things outside the caller's scope (`existing` on updates).
    var mayWrite: @Sendable (Principal, Draft, Entity?) throws -> Void = { _, _, _ in }
    /// Narrows a list's filter to the caller's scope.
    var scope: @Sendable (Principal, RegistryFilter) throws -> RegistryFilter = { _, filter in filter }
    /// What the caller may see of entities, a page at a time (so that what masking needs to
    /// know is looked up once a page, not once an entity).
    var present: @Sendable (Principal, [Entity]) async throws -> [Entity] = { _, entities in entities }

    func register(on group: RouterGroup<AppContext>) {
        group.post(RouterPath(path)) { request, context in
            let caller = try context.caller
            let body = try await JSON.body(request)
            return try await JSON.respond {
                let draft = try JSON.decode(Draft.self, from: body)
                try draft.validate()
                try mayWrite(caller, draft, nil)
                return (.created, JSON.encode(try await presentOne(caller, try await create(draft))))
            }
        }
        group.get(RouterPath(path)) { request, context in
            let caller = try context.caller
            let query = try ListQuery(request.uri.queryParameters, allowedFilters: filters)
            let page = try await list(try scope(caller, query.filter), query.page)
            return JSON.response(Page(items: try await present(caller, page.items), nextCursor: page.nextCursor))
        }
        group.get(RouterPath("\(path)/:id")) { _, context in
            let caller = try context.caller
            return JSON.response(try await presentOne(caller, try await read(try pathID(context, name))))
        }
        group.put(RouterPath("\(path)/:id")) { request, context in
            let caller = try context.caller
            let id = try pathID(context, name)
            let draft = try await JSON.decode(Draft.self, from: request)
            try draft.validate()
            try mayWrite(caller, draft, try await read(id))
            return JSON.response(try await presentOne(caller, try await update(id, draft)))
        }
    }

    private func presentOne(_ caller: Principal, _ entity: Entity) async throws -> Entity {
        try await present(caller, [entity]).first ?? entity
    }
}
