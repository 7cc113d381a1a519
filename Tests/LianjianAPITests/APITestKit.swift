import Foundation
import Hummingbird
import HummingbirdTesting
import LianjianAPI
import LianjianStore
import NIOCore
import TestSupport
import Testing

/// Runs `body` with a client of the real router over a fresh, migrated database.
func withAPI(_ body: @escaping @Sendable (APIClient) async throws -> Void) async throws {
    try await TestDatabase.with { db in
        let app = Application(router: buildRouter(database: db))
        try await app.test(.router) { client in try await body(APIClient(client: client, database: db)) }
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

    func send(_ method: HTTPRequest.Method, _ uri: String, body: String? = nil, headers: HTTPFields = [:]) async throws -> Reply {
        try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) { r in
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
