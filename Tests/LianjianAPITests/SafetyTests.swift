import Foundation
import HTTPTypes
import Testing

/// The hostile-user review's defects (issue 14): each test failed before its fix.
@Suite("Safety: no request stops the server or reaches beyond its scope")
struct SafetyTests {
    @Test func generatingARangeBeforeThePlanStartsCreatesNothingAndDoesNotTrap() async throws {
        try await withAPI { api in
            let f = try await ClinicFixture.make(api)
            let plan = try await api.post("/v1/projects/\(f.project)/plans", [
                "title": "法律咨询", "start_date": "2026-12-07", "start_time": "09:00", "duration_minutes": 180,
                "recurrence": ["frequency": "weekly", "weekdays": [1]], "roles": [["skill": "lawyer", "count": 1]],
            ])
            #expect(plan.status == .created, "\(plan.text)")
            let r = try await api.post("/v1/plans/\(plan.string("id")!)/generate", ["from": "2026-11-01", "to": "2026-11-10"])
            #expect(r.status == .ok, "\(r.text)")
            #expect(r.json["created"] as? Int == 0 && r.json["kept"] as? Int == 0)
        }
    }

    @Test func aVolunteerCannotGrantThemselvesSkillsOrACap() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let unit = try await api.unit()
            let v = try await api.volunteer("王芳", phone: "13900000001", community: community, unit: unit)
            let id = v.string("id")!
            let me = api.as(try await api.token(.volunteer, volunteer: id))
            let base: [String: Any] = ["name": "王芳", "phone": "13900000001", "community_id": community, "unit_id": unit]
            let grab = try await me.put("/v1/volunteers/\(id)", base.merging(["skills": [["skill": "companion"], ["skill": "notary"], ["skill": "doctor"]]]) { $1 })
            #expect(grab.status == .forbidden && grab.error["field"] as? String == "skills", "\(grab.text)")
            let cap = try await me.put("/v1/volunteers/\(id)", base.merging(["max_minutes_per_week": 10_080]) { $1 })
            #expect(cap.status == .forbidden && cap.error["field"] as? String == "max_minutes_per_week", "\(cap.text)")
            // Their own availability is theirs to change, and leaving skills out keeps them.
            let slots = try await me.put("/v1/volunteers/\(id)", base.merging(["availability": [["weekday": 6, "start": "09:00", "end": "12:00"]]]) { $1 })
            #expect(slots.status == .ok, "\(slots.text)")
            #expect((slots.json["skills"] as? [[String: Any]])?.map { $0["skill"] as? String } == ["companion"])
            #expect((slots.json["availability"] as? [[String: Any]])?.count == 1)
            #expect(try await api.get("/v1/volunteers/\(id)").json["max_minutes_per_week"] as? Int == 480)
        }
    }

    @Test func aCredentialedSkillRecordsWhoVerifiedItAndWhen() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let unit = try await api.unit()
            let liaison = api.as(try await api.token(.liaison, unit: unit))
            let v = try await liaison.volunteer("赵医生", phone: "13900000002", community: community, unit: unit, skills: ["doctor", "companion"])
            #expect(v.status == .created, "\(v.text)")
            let skills = v.json["skills"] as? [[String: Any]] ?? []
            let doctor = skills.first { $0["skill"] as? String == "doctor" }
            let companion = skills.first { $0["skill"] as? String == "companion" }
            #expect((doctor?["verified_by"] as? String)?.hasSuffix("(liaison)") == true, "\(v.text)")
            #expect(doctor?["verified_at"] is String)
            #expect(companion?["verified_by"] == nil)
        }
    }

    @Test func anOrganiserCannotMoveAUnitsVolunteerToAnotherUnit() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let hospital = try await api.unit()
            let bureau = try await api.unit("justice-bureau", name: "上街区司法局")
            let id = try await api.volunteer("李明", phone: "13900000003", community: community, unit: hospital).string("id")!
            let organiser = api.as(try await api.token(.organiser, community: community))
            let moved = try await organiser.put("/v1/volunteers/\(id)", ["name": "李明", "phone": "13900000003", "community_id": community, "unit_id": bureau])
            #expect(moved.status == .forbidden && moved.error["field"] as? String == "unit_id", "\(moved.text)")
            let liaison = api.as(try await api.token(.liaison, unit: hospital))
            #expect(try await liaison.get("/v1/volunteers/\(id)").status == .ok)
        }
    }

    @Test func calendarFeedsUseARevocableReadOnlyKeyNotTheToken() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let id = try await api.volunteer("陈静", phone: "13900000004", community: community, unit: nil).string("id")!
            let token = try await api.token(.volunteer, volunteer: id)
            let me = api.as(token)
            // The API token no longer opens the feed from a URL.
            #expect(try await api.as(nil).get("/v1/volunteers/\(id)/calendar.ics?token=\(token)").status == .unauthorized)
            let made = try await me.post("/v1/volunteers/\(id)/calendar-key", [:])
            #expect(made.status == .created, "\(made.text)")
            let url = try #require(made.string("url"))
            #expect(!url.contains(token) && url.hasPrefix("/v1/calendar/cal_") && url.hasSuffix(".ics"))
            let feed = try await api.as(nil).get(url)
            #expect(feed.status == .ok && feed.text.hasPrefix("BEGIN:VCALENDAR"), "\(feed.text)")
            #expect(feed.headers[.contentType]?.hasPrefix("text/calendar") == true)
            // The key opens nothing else: not the API, not another volunteer's feed.
            let key = String(url.dropFirst("/v1/calendar/".count).dropLast(4))
            #expect(try await api.as(key).get("/v1/volunteers/\(id)").status == .unauthorized)
            // Rotating ends the old URL; revoking ends the new one.
            let second = try #require(try await me.post("/v1/volunteers/\(id)/calendar-key", [:]).string("url"))
            #expect(try await api.as(nil).get(url).status == .notFound)
            #expect(try await api.as(nil).get(second).status == .ok)
            #expect(try await me.send(.delete, "/v1/volunteers/\(id)/calendar-key").status == .noContent)
            #expect(try await api.as(nil).get(second).status == .notFound)
        }
    }

    @Test func theBearerSchemeIsCaseInsensitive() async throws {
        try await withAPI { api in
            let token = try #require(api.token)
            for scheme in ["bearer", "BEARER", "Bearer"] {
                let r = try await api.as(nil).send(.get, "/v1/me", headers: [.authorization: "\(scheme) \(token)"])
                #expect(r.status == .ok, "\(scheme): \(r.text)")
            }
        }
    }
}
