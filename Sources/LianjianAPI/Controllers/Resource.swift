import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// The create/read/update/list endpoints of one registry entity:
/// `POST /v1/<path>`, `GET /v1/<path>`, `GET /v1/<path>/{id}`, `PUT /v1/<path>/{id}`.
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
    let list: @Sendable (RegistryFilter, PageRequest) async throws -> Page<Entity>

    func register<Context: RequestContext>(on group: RouterGroup<Context>, idempotency: Idempotency) {
        group.post(RouterPath(path)) { request, _ in
            let body = try await JSON.body(request)
            return try await idempotency.run(request, body: body, scope: "POST /v1/\(path)") {
                let draft = try JSON.decode(Draft.self, from: body)
                try draft.validate()
                return (.created, JSON.encode(try await create(draft)))
            }
        }
        group.get(RouterPath(path)) { request, _ in
            let query = try ListQuery(request.uri.queryParameters, allowedFilters: filters)
            return JSON.response(try await list(query.filter, query.page))
        }
        group.get(RouterPath("\(path)/:id")) { _, context in
            JSON.response(try await read(try Self.id(context)))
        }
        group.put(RouterPath("\(path)/:id")) { request, context in
            let id = try Self.id(context)
            let draft = try await JSON.decode(Draft.self, from: request)
            try draft.validate()
            return JSON.response(try await update(id, draft))
        }
    }

    /// The `{id}` path parameter; a malformed id cannot name anything, so it is a 404.
    static func id(_ context: some RequestContext) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("\(Entity.self)".lowercased()) }
        return id
    }
}
