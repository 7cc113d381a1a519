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
            #expect(AccessPolicy.publicRoutes.contains(key) || AccessPolicy.rules[key] != nil || ConsolePolicy.pages[key] != nil, "no access rule for \(key)")
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
                            // With an `{id}` a refusal looks like a missing object (``AccessCheck``).
                            #expect(r.status == (path.contains("{id}") ? .notFound : .forbidden), "\(label)")
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

    /// Issue 15 #11, route by route rather than from the rules: what a partner unit's liaison
    /// reads of their unit's joint work, what stays closed to them, and volunteers unchanged.
    @Test func liaisonsReadTheirUnitsEventsSheetsAndRostersAndNoMore() async throws {
        try await withAPI { api in
            let f = try await AccessFixture.make(api)
            let liaison = api.as(f.tokens[.liaison]!)
            let volunteer = api.as(f.tokens[.volunteer]!)
            func reads(_ side: String) -> [String] {
                ["/v1/events/\(f.id(.event, side))", "/v1/events/\(f.id(.event, side))/sheet",
                 "/v1/projects/\(f.id(.project, side))/events?from=2027-01-01&to=2027-01-31",
                 "/v1/rosters/\(f.id(.roster, side))", "/v1/rosters/\(f.id(.roster, side))/csv"]
            }
            for (own, other) in zip(reads("a"), reads("b")) {
                #expect(try await liaison.get(own).status == .ok, "liaison \(own)")
                #expect(try await liaison.get(other).status == .notFound, "liaison, another unit's \(other)")
                #expect(try await volunteer.get(own).status == .notFound, "volunteer \(own)")
            }
            let events = try await liaison.get("/v1/projects/\(f.id(.project, "a"))/events?from=2027-01-01&to=2027-01-31")
            let listed = try JSONSerialization.jsonObject(with: Data(events.text.utf8)) as? [[String: Any]]
            #expect(listed?.map { $0["id"] as? String } == [f.id(.event, "a")])
            // Still the organiser's: the community's lists, residents, participants, the solver's documents, every write.
            let (event, roster, community) = (f.id(.event, "a"), f.id(.roster, "a"), f.id(.community, "a"))
            for path in ["/v1/rosters/\(roster)/problem", "/v1/rosters/\(roster)/roster", "/v1/events/\(event)/participants",
                         "/v1/communities/\(community)/events", "/v1/communities/\(community)/residents"] {
                #expect(try await liaison.get(path).status == .notFound, "liaison \(path)")
                #expect(try await volunteer.get(path).status == .notFound, "volunteer \(path)")
            }
            for path in ["/v1/rosters/\(roster)/publish", "/v1/events/\(event)/cancel", "/v1/events/\(event)/groups"] {
                #expect(try await liaison.post(path, [:]).status == .notFound, "liaison POST \(path)")
            }
            #expect(try await liaison.put("/v1/events/\(event)", ["project_id": f.id(.project, "a"), "title": "改", "start": "2027-01-05T09:00",
                                                                  "end": "2027-01-05T10:00"]).status == .notFound)
        }
    }

    /// A roster is a liaison's when it staffs an event of their unit's projects: not every roster
    /// of a community their unit works in, and another unit's liaison reads neither its events nor sheets.
    @Test func aRosterIsALiaisonsWhenItStaffsTheirUnitsEvents() async throws {
        try await withAPI { api in
            let f = try await AccessFixture.make(api)
            let community = f.id(.community, "a")
            // A second unit working in community a, with an event in the same week.
            let unit = try await api.unit("unit-c", name: "单位c")
            let project = try await api.post("/v1/projects", ["community_id": community, "unit_id": unit, "title": "项目c", "category": "legal",
                                                              "signed_on": "2026-01-01"]).string("id")!
            _ = try await api.post("/v1/events", ["project_id": project, "title": "活动c", "start": "2027-01-06T09:00", "end": "2027-01-06T10:00",
                                                  "roles": [["skill": "companion", "count": 1]]])
            let week = try await api.generate(["community_id": community, "from": "2027-01-04", "to": "2027-01-10", "time_limit_seconds": 0.2])
            let both = (week.json["version"] as? [String: Any])?["id"] as? String ?? "-"
            let cOnly = try await api.generate(["community_id": community, "from": "2027-01-06", "to": "2027-01-06", "time_limit_seconds": 0.2])
            let theirs = (cOnly.json["version"] as? [String: Any])?["id"] as? String ?? "-"
            let liaisonA = api.as(f.tokens[.liaison]!)
            let liaisonC = api.as(try await api.token(.liaison, unit: unit))
            #expect(try await liaisonA.get("/v1/rosters/\(both)").status == .ok)
            #expect(try await liaisonC.get("/v1/rosters/\(both)/csv").status == .ok)
            #expect(try await liaisonC.get("/v1/rosters/\(theirs)").status == .ok)
            #expect(try await liaisonA.get("/v1/rosters/\(theirs)").status == .notFound, "staffs none of unit a's events")
            #expect(try await liaisonA.get("/v1/rosters/\(theirs)/csv").status == .notFound)
            #expect(try await liaisonC.get("/v1/events/\(f.id(.event, "a"))").status == .notFound)
            #expect(try await liaisonC.get("/v1/events/\(f.id(.event, "a"))/sheet").status == .notFound)
            #expect(try await api.as(f.tokens[.organiser]!).get("/v1/rosters/\(theirs)").status == .ok)
        }
    }
}
