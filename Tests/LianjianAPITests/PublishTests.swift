import Foundation
import Hummingbird
import Testing

/// One published roster per event role (issue 15, item 1), whatever ranges the versions cover.
@Suite("Publishing: one current roster per event role, stale drafts refused")
struct PublishTests {
    static func generate(_ api: APIClient, _ community: String, from: String, to: String) async throws -> String {
        let r = try await api.generate(["community_id": community, "from": from, "to": to, "time_limit_seconds": 0.5])
        #expect(r.string("state") == "succeeded", "\(r.text)")
        return (r.json["version"] as? [String: Any])?["id"] as? String ?? ""
    }

    static func assignments(_ api: APIClient, _ volunteer: String) async throws -> [[String: Any]] {
        let r = try await api.get("/v1/volunteers/\(volunteer)/assignments")
        return (try JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [[String: Any]]) ?? []
    }

    @Test func overlappingRangesNeverShowAnEventTwice() async throws {
        try await withAPI { api in
            let (community, volunteers, events) = try await RosterTests.setUp(api)
            let month = try await Self.generate(api, community, from: "2026-12-01", to: "2026-12-31")
            #expect(try await api.post("/v1/rosters/\(month)/publish", [:]).status == .ok)
            let middle = try await Self.generate(api, community, from: "2026-12-10", to: "2026-12-20")
            #expect(try await api.post("/v1/rosters/\(middle)/publish", [:]).status == .ok)
            // Both versions are current, each for its own roles: the 5th from the month, the 12th from the middle.
            #expect(try await api.get("/v1/rosters/\(month)").string("status") == "published")
            for event in events {
                let sheet = try await api.get("/v1/events/\(event)/sheet")
                #expect(sheet.status == .ok)
                let rows = sheet.text.components(separatedBy: "<td>陪护</td><td>志愿者").count - 1
                #expect(rows == 2, "the sheet of \(event) lists \(rows) volunteers")
            }
            var seen = Set<String>()
            for v in volunteers {
                for a in try await Self.assignments(api, v) { #expect(seen.insert("\(a["role_id"]!)|\(v)").inserted, "listed twice") }
            }
            #expect(seen.count == 4)
            // A later month-long publish takes all of its roles back: the middle version is superseded.
            let again = try await Self.generate(api, community, from: "2026-12-01", to: "2026-12-31")
            #expect(try await api.post("/v1/rosters/\(again)/publish", [:]).status == .ok)
            #expect(try await api.get("/v1/rosters/\(middle)").string("status") == "superseded")
            #expect(try await api.get("/v1/rosters/\(month)").string("status") == "superseded")
        }
    }

    @Test func theDatabaseRefusesTwoVersionsPeopleForOneRole() async throws {
        try await withAPI { api in
            let (community, _, _) = try await RosterTests.setUp(api)
            let a = try await Self.generate(api, community, from: "2026-12-01", to: "2026-12-14")
            #expect(try await api.post("/v1/rosters/\(a)/publish", [:]).status == .ok)
            let b = try await Self.generate(api, community, from: "2026-12-01", to: "2026-12-14")
            // Writing another version's people in beside the current ones, bypassing the API, is refused.
            await #expect(throws: (any Error).self) {
                try await api.database.execute("""
                    INSERT INTO published_assignments (role_id, volunteer_id, version_id)
                    SELECT role_id, volunteer_id, version_id FROM roster_assignments WHERE version_id = '\(b)'
                    """)
            }
        }
    }

    @Test func concurrentPublishesAreSerialised() async throws {
        try await withAPI { api in
            let (community, _, _) = try await RosterTests.setUp(api)
            let drafts = [try await Self.generate(api, community, from: "2026-12-01", to: "2026-12-07"),
                          try await Self.generate(api, community, from: "2026-12-08", to: "2026-12-14")]
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for d in drafts { group.addTask { try await api.post("/v1/rosters/\(d)/publish", [:]).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == [.ok, .ok])
        }
    }

    @Test func aDraftBuiltBeforeADeclineOrANewerPublicationIsStale() async throws {
        try await withAPI { api in
            let (community, _, _) = try await RosterTests.setUp(api)
            let first = try await Self.generate(api, community, from: "2026-12-01", to: "2026-12-14")
            let old = try await Self.generate(api, community, from: "2026-12-01", to: "2026-12-14")
            #expect(try await api.post("/v1/rosters/\(first)/publish", [:]).status == .ok)
            let stale = try await api.post("/v1/rosters/\(old)/publish", [:])
            #expect(stale.status == .conflict && stale.error["code"] as? String == "stale", "\(stale.text)")
            #expect((stale.error["message"] as? String)?.contains("发布") == true)
            // A decline after a draft was built makes it stale too, naming who declined.
            let next = try await Self.generate(api, community, from: "2026-12-01", to: "2026-12-14")
            let assigned = try await api.get("/v1/rosters/\(first)")
            let pair = try #require((assigned.json["assignments"] as? [[String: Any]])?.first)
            let decline = try await api.post("/v1/volunteers/\(pair["volunteer_id"]!)/assignments/\(pair["role_id"]!)/decline", [:])
            #expect(decline.status == .ok || decline.status == .noContent, "\(decline.text)")
            let refused = try await api.post("/v1/rosters/\(next)/publish", [:])
            #expect(refused.status == .conflict && (refused.error["message"] as? String)?.contains("谢绝") == true, "\(refused.text)")
            // Generated again after the decline, it publishes.
            let fresh = try await Self.generate(api, community, from: "2026-12-01", to: "2026-12-14")
            #expect(try await api.post("/v1/rosters/\(fresh)/publish", [:]).status == .ok)
        }
    }
}

@Suite("Problems built from the database")
struct ProblemBuildingTests {
    @Test func aShiftAcrossTwoTouchingSlotsIsOffered() async throws {
        try await withAPI { api in
            let f = try await ClinicFixture.make(api)
            let v = try await api.post("/v1/volunteers", [
                "name": "王芳", "phone": "13900000101", "community_id": f.community, "unit_id": f.unit, "skills": [["skill": "lawyer"]],
                "availability": [["weekday": 6, "start": "08:00", "end": "12:00"], ["weekday": 6, "start": "12:00", "end": "18:00"]],
            ])
            #expect(v.status == .created, "\(v.text)")
            _ = try await api.post("/v1/events", ["project_id": f.project, "title": "法律咨询", "start": "2026-12-05T11:00", "end": "2026-12-05T13:00",
                                                  "roles": [["skill": "lawyer", "count": 1]]])
            let id = try await PublishTests.generate(api, f.community, from: "2026-12-01", to: "2026-12-07")
            let version = try await api.get("/v1/rosters/\(id)")
            #expect((version.json["assignments"] as? [[String: Any]])?.count == 1, "\(version.text)")
        }
    }
}
