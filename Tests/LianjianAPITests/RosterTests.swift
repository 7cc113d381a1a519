import Foundation
import Hummingbird
import RosterSolver
import Testing

@Suite("Rosters from the database")
struct RosterTests {
    /// Six companions free on Saturdays, two film outings that need two each.
    static func setUp(_ api: APIClient) async throws -> (community: String, volunteers: [String], events: [String]) {
        let f = try await ClinicFixture.make(api)
        var volunteers: [String] = []
        for i in 0..<6 {
            let v = try await api.post("/v1/volunteers", [
                "name": "志愿者\(i)", "phone": "1390000010\(i)", "community_id": f.community, "unit_id": f.unit,
                "skills": [["skill": "companion"]], "availability": [["weekday": 6, "start": "08:00", "end": "18:00"]],
            ])
            volunteers.append(v.string("id")!)
        }
        var events: [String] = []
        for day in ["2026-12-05", "2026-12-12"] {
            let e = try await api.post("/v1/events", ["project_id": f.project, "title": "我陪老人看电影", "start": "\(day)T13:30", "end": "\(day)T17:00",
                                                      "roles": [["skill": "companion", "count": 2]]])
            events.append(e.string("id")!)
        }
        return (f.community, volunteers, events)
    }

    static func generate(_ api: APIClient, _ community: String) async throws -> [String: Any] {
        let r = try await api.generate(["community_id": community, "from": "2026-12-01", "to": "2026-12-14", "time_limit_seconds": 0.5])
        #expect(r.string("state") == "succeeded", "\(r.text)")
        return r.json["version"] as? [String: Any] ?? [:]
    }

    static func pairs(_ version: [String: Any]) -> Set<String> {
        Set((version["assignments"] as? [[String: Any]] ?? []).map { "\($0["role_id"]!)|\($0["volunteer_id"]!)" })
    }

    @Test func aGeneratedRosterPassesTheCheckerAndIsPublished() async throws {
        try await withAPI { api in
            let (community, _, _) = try await Self.setUp(api)
            let version = try await Self.generate(api, community)
            let id = version["id"] as! String
            #expect(Self.pairs(version).count == 4)
            #expect((version["score"] as? [String: Any])?["unfilled"] as? Int == 0)
            #expect(version["status"] as? String == "draft")
            // The exported problem and roster pass the same checker `lianjian check` runs.
            let problem = try Problem.decode(Data(try await api.get("/v1/rosters/\(id)/problem").text.utf8))
            let roster = try Roster.decode(Data(try await api.get("/v1/rosters/\(id)/roster").text.utf8))
            let report = Checker(problem: problem).check(roster)
            #expect(report.isValid && report.score == roster.score)
            #expect(problem.shifts.count == 2 && problem.volunteers.count == 6)
            #expect(problem.volunteers.allSatisfy { $0.available.count == 2 && $0.maxMinutes == 3 * 480 })  // three ISO weeks touched
            #expect(try await api.post("/v1/rosters/\(id)/publish", [:]).string("status") == "published")
            #expect(try await api.post("/v1/rosters/\(id)/publish", [:]).status == .unprocessableContent)
        }
    }

    @Test func aDeclineIsRefilledWithoutMovingAnyoneElse() async throws {
        try await withAPI { api in
            let (community, volunteers, _) = try await Self.setUp(api)
            let first = try await Self.generate(api, community)
            _ = try await api.post("/v1/rosters/\(first["id"] as! String)/publish", [:])
            let before = Self.pairs(first)
            let assigned = (first["assignments"] as! [[String: Any]])
            let (role, leaver) = (assigned[0]["role_id"] as! String, assigned[0]["volunteer_id"] as! String)
            let (keptRole, keeper) = (assigned[1]["role_id"] as! String, assigned[1]["volunteer_id"] as! String)
            // Volunteers answer for themselves only: someone else's assignment is not found.
            let leaverToken = try await api.token(.volunteer, volunteer: leaver)
            let other = volunteers.first { $0 != leaver }!
            #expect(try await api.as(leaverToken).post("/v1/volunteers/\(other)/assignments/\(role)/confirm", [:]).status == .notFound)
            #expect(try await api.as(leaverToken).post("/v1/volunteers/\(leaver)/assignments/\(keptRole)/confirm", [:]).status == .notFound || keptRole == role)
            let declined = try await api.as(leaverToken).post("/v1/volunteers/\(leaver)/assignments/\(role)/decline", [:])
            #expect(declined.status == .ok, "\(declined.text)")
            let keeperToken = try await api.token(.volunteer, volunteer: keeper)
            #expect(try await api.as(keeperToken).post("/v1/volunteers/\(keeper)/assignments/\(keptRole)/confirm", [:]).status == .ok)
            let second = try await Self.generate(api, community)
            let after = Self.pairs(second)
            #expect(before.subtracting(after) == ["\(role)|\(leaver)"])
            #expect(after.subtracting(before).count == 1)
            #expect(after.subtracting(before).first?.hasPrefix(role) == true)
            let diff = second["diff"] as? [String: Any] ?? [:]
            #expect((diff["removed"] as? [Any])?.count == 1 && (diff["added"] as? [Any])?.count == 1)
            let mine = try await api.as(keeperToken).get("/v1/volunteers/\(keeper)/assignments")
            #expect(mine.text.contains("\"response\":\"confirmed\""))
        }
    }

    @Test func organisersGenerateOnlyForTheirCommunity() async throws {
        try await withAPI { api in
            let (community, _, _) = try await Self.setUp(api)
            let other = try await api.community("huicai", name: "汇才社区")
            let organiser = api.as(try await api.token(.organiser, community: other))
            let r = try await organiser.post("/v1/rosters/generate", ["community_id": community, "from": "2026-12-01", "to": "2026-12-14"])
            #expect(r.status == .forbidden && r.error["field"] as? String == "community_id")
            let bad = try await api.post("/v1/rosters/generate", ["community_id": community, "from": "2026-12-14", "to": "2026-12-01"])
            #expect(bad.status == .unprocessableContent && bad.error["field"] as? String == "to")
        }
    }

    @Test func anotherCommunitysPublishedRosterIsRespected() async throws {
        try await withAPI { api in
            // One companion, two communities, two outings at the same hour: the second roster
            // cannot use the companion the first one published.
            let a = try await ClinicFixture.make(api)
            let b = try await api.community("huicai", name: "汇才社区")
            let projectB = try await api.post("/v1/projects", ["community_id": b, "unit_id": a.unit, "title": "陪伴", "category": "elderly_companionship", "signed_on": "2026-01-01"])
            _ = try await api.post("/v1/volunteers", ["name": "唯一", "phone": "13900000999", "community_id": a.community, "unit_id": a.unit,
                                                      "skills": [["skill": "companion"]], "availability": [["weekday": 6, "start": "08:00", "end": "18:00"]]])
            for (project, title) in [(a.project, "甲"), (projectB.string("id")!, "乙")] {
                _ = try await api.post("/v1/events", ["project_id": project, "title": title, "start": "2026-12-05T13:30", "end": "2026-12-05T17:00",
                                                      "roles": [["skill": "companion", "count": 1]]])
            }
            let first = try await api.generate(["community_id": a.community, "from": "2026-12-01", "to": "2026-12-07", "time_limit_seconds": 0.3])
            let firstID = (first.json["version"] as! [String: Any])["id"] as! String
            #expect(Self.pairs(first.json["version"] as! [String: Any]).count == 1)
            _ = try await api.post("/v1/rosters/\(firstID)/publish", [:])
            let second = try await api.generate(["community_id": b, "from": "2026-12-01", "to": "2026-12-07", "time_limit_seconds": 0.3])
            let version = second.json["version"] as! [String: Any]
            #expect(Self.pairs(version).isEmpty)
            #expect((version["score"] as? [String: Any])?["unfilled"] as? Int == 1000)
        }
    }
}
