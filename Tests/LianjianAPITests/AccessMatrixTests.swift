import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import TestSupport
import Testing

/// Every route of the router × every role, generated from the router itself: a route without
/// an access rule fails here, and every rule is exercised against objects in and out of scope.
@Suite("Access matrix")
struct AccessMatrixTests {
    static func routes() async throws -> [(method: String, path: String)] {
        let db = try await TestDatabase.database(named: "unused")
        return routeList(buildRouter(database: db)).map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return (String(parts[0]), String(parts[1]))
        }
    }

    @Test func everyRouteHasARule() async throws {
        for (method, path) in try await Self.routes() {
            let key = "\(method) \(path)"
            #expect(AccessPolicy.publicRoutes.contains(key) || AccessPolicy.rules[key] != nil, "no access rule for \(key)")
        }
        #expect(AccessPolicy.rules.count + AccessPolicy.publicRoutes.count == (try await Self.routes()).count, "a rule names a route that does not exist")
    }

    @Test func everyRoleOnEveryRoute() async throws {
        let routes = try await Self.routes()
        try await withAPI { api in
            let f = try await AccessFixture.make(api)
            for (method, path) in routes where !AccessPolicy.publicRoutes.contains("\(method) \(path)") {
                let rule = AccessPolicy.rules["\(method) \(path)"]!
                for side in ["a", "b"] {
                    let query = path.hasSuffix("/timetable") ? "?date=2026-12-01" : ""
                    let uri = (rule.object.map { path.replacingOccurrences(of: "{id}", with: f.id($0, side)) } ?? path) + query
                    let noToken = try await api.as(nil).send(.init(method)!, uri, body: "{}")
                    #expect(noToken.status == .unauthorized, "\(method) \(uri) without a token: \(noToken.status)")
                    for role in [Principal.Role.organiser, .liaison, .volunteer, .admin] {
                        let r = try await api.as(f.tokens[role]!).send(.init(method)!, uri, body: "{}", headers: [.acceptLanguage: "en"])
                        let label = "\(role) \(method) \(path) on side \(side): \(r.status) \(r.text.prefix(160))"
                        switch rule.roles[role] {
                        case nil:
                            #expect(r.status == (rule.object == nil ? .forbidden : .notFound), "\(label)")
                        case .own? where rule.object != nil && side == "b", .ownOrServed? where side == "b":
                            #expect(r.status == .notFound, "\(label)")
                            #expect(r.error["message"] as? String == "\(rule.object!.displayName) not found", "\(label)")
                        default:
                            #expect(r.status != .unauthorized && r.status != .forbidden || r.error["field"] != nil, "\(label)")
                            if method == "GET" && rule.object != nil { #expect(r.status == .ok, "\(label)") }
                        }
                    }
                }
            }
        }
    }
}
