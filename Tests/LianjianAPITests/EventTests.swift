import Foundation
import Hummingbird
import Testing

/// A community, the justice bureau and its legal-clinic project.
struct ClinicFixture {
    let community: String
    let unit: String
    let project: String

    static func make(_ api: APIClient) async throws -> ClinicFixture {
        let community = try await api.community("xiangyuanjie", name: "香园街社区")
        let unit = try await api.unit("justice-bureau", name: "上街区司法局")
        let p = try await api.post("/v1/projects", ["community_id": community, "unit_id": unit, "title": "法律服务零距离", "category": "legal", "signed_on": "2026-01-01"])
        return ClinicFixture(community: community, unit: unit, project: p.string("id")!)
    }
}

@Suite("Service plans and events")
struct EventTests {
    @Test func aPlanGeneratesItsEventsOnceAndKeepsEditedOnes() async throws {
        try await withAPI { api in
            let f = try await ClinicFixture.make(api)
            let plan = try await api.post("/v1/projects/\(f.project)/plans", [
                "title": "法律咨询", "venue": "社区服务中心", "start_date": "2026-12-01", "start_time": "09:00", "duration_minutes": 180,
                "recurrence": ["frequency": "monthly", "weekdays": [6], "week_of_month": 2, "count": 6],
                "roles": [["skill": "notary", "count": 1], ["skill": "lawyer", "count": 2, "units_only": true]],
            ])
            #expect(plan.status == .created, "\(plan.text)")
            let id = plan.string("id")!
            let first = try await api.post("/v1/plans/\(id)/generate", ["from": "2026-12-01", "to": "2027-03-31"])
            #expect(first.json["created"] as? Int == 4 && first.json["kept"] as? Int == 0)
            let events = try await api.get("/v1/communities/\(f.community)/events?from=2026-12-01&to=2027-12-31")
            let list = (try JSONSerialization.jsonObject(with: Data(events.text.utf8)) as? [[String: Any]]) ?? []
            #expect(list.map { $0["start"] as? String } == ["2026-12-12T09:00:00+08:00", "2027-01-09T09:00:00+08:00", "2027-02-13T09:00:00+08:00", "2027-03-13T09:00:00+08:00"])
            let roles = list[0]["roles"] as? [[String: Any]] ?? []
            #expect(roles.map { $0["skill"] as? String } == ["lawyer", "notary"])
            #expect(roles.map { $0["required"] as? Int } == [2, 1])
            // Move January's clinic an hour later and cancel February's; generate again over a longer range.
            let jan = list[1]["id"] as! String
            let moved = try await api.put("/v1/events/\(jan)", ["project_id": f.project, "title": "法律咨询（改时间）", "start": "2027-01-09T10:00", "end": "2027-01-09T13:00"])
            #expect(moved.status == .ok && moved.json["edited"] as? Bool == true)
            #expect(try await api.post("/v1/events/\(list[2]["id"] as! String)/cancel", [:]).json["status"] as? String == "cancelled")
            let again = try await api.post("/v1/plans/\(id)/generate", ["from": "2026-12-01", "to": "2027-12-31"])
            #expect(again.json["created"] as? Int == 2 && again.json["kept"] as? Int == 4)
            #expect(try await api.get("/v1/events/\(jan)").string("title") == "法律咨询（改时间）")
            #expect(try await api.get("/v1/events/\(jan)").string("start") == "2027-01-09T10:00:00+08:00")
        }
    }

    @Test func companionsFollowTheResidentsWhoComeAndGo() async throws {
        try await withAPI { api in
            let f = try await ClinicFixture.make(api)
            let film = try await api.post("/v1/events", ["project_id": f.project, "title": "我陪老人看电影", "venue": "上街影院",
                                                         "start": "2026-12-05T13:30", "end": "2026-12-05T17:00",
                                                         "roles": [["skill": "companion", "per_participants": 3, "needs": ["mobility_aid": 1]]]])
            #expect(film.status == .created, "\(film.text)")
            let event = film.string("id")!
            var residents: [String] = []
            for i in 0..<7 {
                let r = try await api.post("/v1/communities/\(f.community)/residents", ["name": "老人\(i)", "building": "\(i % 3 + 1)号楼",
                                                                                        "phone": "1380000000\(i)", "needs": i == 6 ? ["mobility_aid"] : []])
                residents.append(r.string("id")!)
            }
            func required() async throws -> Int? {
                ((try await api.get("/v1/events/\(event)").json["roles"] as? [[String: Any]])?.first?["required"] as? Int)
            }
            #expect(try await required() == 0)
            for r in residents.prefix(4) { #expect(try await api.post("/v1/events/\(event)/participants", ["resident_id": r]).status == .created) }
            #expect(try await required() == 2)
            #expect(try await api.post("/v1/events/\(event)/participants", ["resident_id": residents[6]]).json["participants"] as? Int == 5)
            #expect(try await required() == 3)
            #expect(try await api.send(.delete, "/v1/events/\(event)/participants/\(residents[0])").status == .ok)
            #expect(try await required() == 2)
            let stranger = try await api.post("/v1/events/\(event)/participants", ["resident_id": UUID().uuidString])
            #expect(stranger.status == .unprocessableContent && stranger.error["field"] as? String == "resident_id")
            #expect(try await api.get("/v1/events/\(event)/participants").text.contains("老人6"))
        }
    }

    @Test func badPlansAndEventsNameTheirField() async throws {
        try await withAPI { api in
            let f = try await ClinicFixture.make(api)
            let base: [String: Any] = ["title": "义诊", "start_date": "2026-12-01", "start_time": "09:00", "duration_minutes": 120,
                                       "recurrence": ["frequency": "weekly", "weekdays": [6]]]
            func plan(_ change: (inout [String: Any]) -> Void) async throws -> Reply {
                var body = base
                change(&body)
                return try await api.post("/v1/projects/\(f.project)/plans", body)
            }
            let cases: [((inout [String: Any]) -> Void, String)] = [
                ({ $0["recurrence"] = ["frequency": "monthly", "weekdays": [6], "week_of_month": 7] }, "recurrence.week_of_month"),
                ({ $0["recurrence"] = ["frequency": "monthly", "days_of_month": [31], "until": "2026-12-20"] }, "recurrence"),
                ({ $0["roles"] = [["skill": "companion", "per_participants": -1]] }, "roles[0].per_participants"),
                ({ $0["roles"] = [["skill": "juggler", "count": 1]] }, "roles[0].skill"),
                ({ $0["duration_minutes"] = 0 }, "duration_minutes"),
                ({ $0["start_time"] = "25:00" }, "start_time"),
            ]
            for (change, field) in cases {
                let r = try await plan(change)
                #expect(r.status.code / 100 == 4 && r.error["field"] as? String == field, "\(field): \(r.text)")
            }
            let past = try await api.post("/v1/events", ["project_id": f.project, "title": "过去", "start": "2020-01-01T09:00", "end": "2020-01-01T10:00"])
            #expect(past.status == .unprocessableContent && past.error["field"] as? String == "start", "\(past.text)")
            let unknown = try await api.post("/v1/events", ["project_id": UUID().uuidString, "title": "x", "start": "2027-01-01T09:00", "end": "2027-01-01T10:00"])
            #expect(unknown.status == .notFound)
        }
    }
}
