import Foundation
import Testing

@Suite("Registry API: create, read, update, list")
struct RegistryTests {
    @Test func communitiesAndEstates() async throws {
        try await withAPI { api in
            let id = try await api.community()
            #expect(try await api.get("/v1/communities/\(id)").string("name") == "二十里铺社区")
            let updated = try await api.put("/v1/communities/\(id)", ["code": "ershilipu", "name": "二十里铺社区（新）"])
            #expect(updated.status == .ok)
            #expect(updated.string("name") == "二十里铺社区（新）")
            let estate = try await api.post("/v1/communities/\(id)/estates", ["name": "陇海安居小区", "households": 224, "buildings": ["1号楼", "2号楼"]])
            #expect(estate.status == .created)
            let estates = try await api.get("/v1/communities/\(id)/estates")
            #expect(estates.text.contains("陇海安居小区"))
            #expect(try await api.get("/v1/communities").items.count == 1)
        }
    }

    @Test func unitsAndProjects() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let unit = try await api.unit()
            let other = try await api.unit("justice-bureau", name: "上街区司法局")
            let created = try await api.post("/v1/projects", [
                "community_id": community, "unit_id": unit, "title": "错时停车", "category": "parking", "signed_on": "2021-02-25",
            ])
            #expect(created.status == .created, "\(created.text)")
            #expect(created.string("status") == "active")
            let project = created.string("id")!
            let paused = try await api.put("/v1/projects/\(project)", [
                "community_id": community, "unit_id": unit, "title": "错时停车", "category": "parking", "signed_on": "2021-02-25",
                "status": "paused", "pledge_minutes_per_month": 600,
            ])
            #expect(paused.string("status") == "paused")
            #expect(try await api.get("/v1/projects?unit=\(unit)").items.count == 1)
            #expect(try await api.get("/v1/projects?unit=\(other)").items.isEmpty)
            #expect(try await api.get("/v1/units/\(unit)").string("code") == "tcm-hospital")
            let renamed = try await api.put("/v1/units/\(other)", ["code": "justice-bureau", "name": "司法局", "kind": "justice", "liaison_name": "赵", "liaison_phone": "13700000001"])
            #expect(renamed.string("name") == "司法局")
        }
    }

    @Test func volunteersFilteredAndPaged() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let elsewhere = try await api.community("xiangyuanjie", name: "香园街社区")
            let unit = try await api.unit()
            for i in 0..<5 {
                let r = try await api.volunteer("志愿者\(i)", phone: "1390000000\(i)", community: i < 3 ? community : elsewhere,
                                                unit: i == 4 ? nil : unit, skills: i % 2 == 0 ? ["doctor"] : ["companion"])
                #expect(r.status == .created, "\(r.text)")
            }
            #expect(try await api.get("/v1/volunteers?community=\(community)").items.count == 3)
            #expect(try await api.get("/v1/volunteers?unit=\(unit)").items.count == 4)
            #expect(try await api.get("/v1/volunteers?skill=doctor").items.count == 3)
            var seen: [String] = []
            var cursor: String? = nil
            repeat {
                let page = try await api.get("/v1/volunteers?limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""))
                seen += page.items.map { $0["id"] as! String }
                cursor = page.json["next_cursor"] as? String
            } while cursor != nil
            #expect(Set(seen).count == 5)
        }
    }

    @Test func volunteerUpdateReplacesSkillsAndAvailability() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let id = try await api.volunteer("王芳", phone: "13900000001", community: community, unit: nil).string("id")!
            let r = try await api.put("/v1/volunteers/\(id)", [
                "name": "王芳", "phone": "13900000001", "community_id": community, "max_minutes_per_week": 300,
                "skills": [["skill": "nurse", "expires_on": "2027-06-30"]],
                "availability": [["weekday": 6, "start": "08:00", "end": "12:00"]],
                "exceptions": [["date": "2026-12-12", "available": false]],
            ])
            #expect(r.status == .ok, "\(r.text)")
            let got = try await api.get("/v1/volunteers/\(id)").json
            #expect((got["skills"] as? [[String: Any]])?.first?["expires_on"] as? String == "2027-06-30")
            #expect((got["availability"] as? [[String: Any]])?.first?["start"] as? String == "08:00")
            #expect((got["exceptions"] as? [[String: Any]])?.count == 1)
            #expect(got["max_minutes_per_week"] as? Int == 300)
        }
    }

    @Test func healthAndSkills() async throws {
        try await withAPI { api in
            let health = try await api.get("/health")
            let skills = try await api.get("/v1/skills")
            #expect(health.string("status") == "ok")
            #expect(skills.text.contains("公证员"))
        }
    }
}
