import Foundation
import Hummingbird
import HummingbirdTesting
import LianjianAPI
import Logging
import LianjianJobs
import LianjianDomain
import LianjianStore
import NIOCore
import TestSupport
import Testing

/// Runs `body` with a client of the real router over a fresh, migrated database; the client
/// sends an admin token unless told otherwise (``APIClient/as(_:)``).
func withAPI(burst: Int = 10_000, downloads: DownloadLinks.Settings = .init(), signInWindowMinutes: Int = 120,
             _ body: @escaping @Sendable (APIClient) async throws -> Void) async throws {
    try await TestDatabase.with { db in
        let admin = try await TokenRepository(db).create(Principal(tokenID: UUID(), role: .admin), label: "tests", expiresAt: .distantFuture).1
        let app = Application(router: buildRouter(database: db, requestsPerSecond: 1, burst: burst, downloads: downloads, consoleSolveSeconds: 0.5,
                                                         signInWindowMinutes: signInWindowMinutes))
        // Generations are jobs: a worker runs beside the app, as `lianjian serve` runs one.
        var logger = Logger(label: "tests.worker")
        logger.logLevel = .warning
        let worker = Worker(database: db, settings: .init(name: "tests", pollInterval: .milliseconds(20)), logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await worker.run() }
            defer { group.cancelAll() }
            try await app.test(.router) { client in try await body(APIClient(client: client, database: db, token: admin)) }
        }
    }
}

/// A response with its JSON body parsed.
struct Reply: @unchecked Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var text: String
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
    var items: [[String: Any]] { json["items"] as? [[String: Any]] ?? [] }
    var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }
    func string(_ key: String) -> String? { json[key] as? String }
}

struct APIClient: Sendable {
    let client: any TestClientProtocol
    let database: Database
    /// The bearer token sent with every request; `nil` sends none.
    var token: String?

    /// The same client calling with another token.
    func `as`(_ token: String?) -> APIClient { APIClient(client: client, database: database, token: token) }

    /// A new token of `role` scoped to one community, unit or volunteer.
    func token(_ role: Principal.Role, community: String? = nil, unit: String? = nil, volunteer: String? = nil,
               expiresAt: Date = .distantFuture) async throws -> String {
        let scope = Principal(tokenID: UUID(), role: role, community: community.flatMap(Community.ID.init),
                              unit: unit.flatMap(PartnerUnit.ID.init), volunteer: volunteer.flatMap(Volunteer.ID.init))
        return try await TokenRepository(database).create(scope, label: "test \(role)", expiresAt: expiresAt).1
    }

    func send(_ method: HTTPRequest.Method, _ uri: String, body: String? = nil, headers: HTTPFields = [:]) async throws -> Reply {
        var headers = headers
        if let token, headers[.authorization] == nil { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { r in
            Reply(status: r.status, headers: r.headers, text: String(buffer: r.body))
        }
    }

    func post(_ uri: String, _ object: [String: Any], headers: HTTPFields = [:]) async throws -> Reply {
        try await send(.post, uri, body: Self.encode(object), headers: headers)
    }

    func put(_ uri: String, _ object: [String: Any]) async throws -> Reply {
        try await send(.put, uri, body: Self.encode(object))
    }

    func get(_ uri: String) async throws -> Reply { try await send(.get, uri) }

    /// Generates a draft as a client does: queues the job (202 with its `Location`), then
    /// follows the job until it ends. The reply is the ended job's; a finished one has `version`.
    func generate(_ object: [String: Any], headers: HTTPFields = [:]) async throws -> Reply {
        let queued = try await post("/v1/rosters/generate", object, headers: headers)
        guard queued.status == .accepted, let location = queued.headers[.location] else { return queued }
        return try await follow(location)
    }

    /// Polls a job until it has succeeded or failed (at most a minute).
    func follow(_ location: String) async throws -> Reply {
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while true {
            let job = try await get(location)
            let state = job.string("state") ?? ""
            if job.status != .ok || state == "succeeded" || state == "failed" || ContinuousClock.now > deadline { return job }
            try await Task.sleep(for: .milliseconds(25))
        }
    }

    static func encode(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    // MARK: - Fixtures

    func community(_ code: String = "ershilipu", name: String = "二十里铺社区") async throws -> String {
        let r = try await post("/v1/communities", ["code": code, "name": name, "district": "上街区"])
        #expect(r.status == .created, "\(r.text)")
        return r.string("id")!
    }

    func unit(_ code: String = "tcm-hospital", name: String = "上街区中医院") async throws -> String {
        let r = try await post("/v1/units", ["code": code, "name": name, "kind": "hospital", "liaison_name": "李", "liaison_phone": "13700000000"])
        #expect(r.status == .created, "\(r.text)")
        return r.string("id")!
    }

    func volunteer(_ name: String, phone: String, community: String, unit: String?, skills: [String] = ["companion"]) async throws -> Reply {
        var body: [String: Any] = ["name": name, "phone": phone, "community_id": community, "skills": skills.map { ["skill": $0] }]
        if let unit { body["unit_id"] = unit }
        return try await post("/v1/volunteers", body)
    }
}
