import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore
import Testing

@Suite("Access control and privacy")
struct AccessTests {
    @Test func liaisonsStayInsideTheirUnit() async throws {
        try await withAPI { api in
            let f = try await AccessFixture.make(api)
            let liaison = api.as(f.tokens[.liaison]!)
            #expect(try await liaison.get("/v1/volunteers/\(f.id(.volunteer, "b"))").status == .notFound)
            let put = try await liaison.put("/v1/volunteers/\(f.id(.volunteer, "b"))", ["name": "x", "phone": "13900000000", "community_id": f.id(.community, "b")])
            #expect(put.status == .notFound)
            let poach = try await liaison.post("/v1/volunteers", ["name": "新人", "phone": "13900003333", "community_id": f.id(.community, "a"), "unit_id": f.id(.unit, "b")])
            #expect(poach.status == .forbidden && poach.error["field"] as? String == "unit_id")
            let mine = try await liaison.get("/v1/volunteers")
            #expect(mine.items.map { $0["id"] as? String } == [f.id(.volunteer, "a")])
            #expect(try await liaison.get("/v1/volunteers?unit=\(f.id(.unit, "b"))").status == .forbidden)
            // Booking for another unit's visitors, or at a facility's residents' pool, is refused.
            let other = try await liaison.post("/v1/facilities/\(f.id(.facility, "b"))/bookings", ["user_class": "unit", "unit_id": f.id(.unit, "b"),
                                                                                                   "holder": "x", "start": "2026-12-02T09:00", "end": "2026-12-02T10:00"])
            #expect(other.status == .forbidden)
            #expect(try await liaison.send(.delete, "/v1/bookings/\(f.id(.booking, "b"))").status == .notFound)
            #expect(try await liaison.post("/v1/units/\(f.id(.unit, "b"))/volunteers/import", [:]).status == .notFound)
        }
    }

    @Test func organisersStayInsideTheirCommunity() async throws {
        try await withAPI { api in
            let f = try await AccessFixture.make(api)
            let organiser = api.as(f.tokens[.organiser]!)
            #expect(try await organiser.get("/v1/communities/\(f.id(.community, "b"))").status == .notFound)
            #expect(try await organiser.get("/v1/communities").items.map { $0["id"] as? String } == [f.id(.community, "a")])
            #expect(try await organiser.get("/v1/facilities/\(f.id(.facility, "b"))/timetable?date=2026-12-01").status == .notFound)
            let project = try await organiser.post("/v1/projects", ["community_id": f.id(.community, "b"), "unit_id": f.id(.unit, "a"),
                                                                   "title": "越界", "category": "legal", "signed_on": "2026-01-01"])
            #expect(project.status == .forbidden && project.error["field"] as? String == "community_id")
            #expect(try await organiser.get("/v1/projects").items.count == 1)
            #expect(try await organiser.get("/v1/units").status == .ok)
            #expect(try await organiser.post("/v1/units", ["code": "x"]).status == .forbidden)
            #expect(try await organiser.get("/v1/audit").status == .forbidden)
        }
    }

    @Test func phoneNumbersAreMaskedOutsideTheirOwner() async throws {
        try await withAPI { api in
            let f = try await AccessFixture.make(api)
            let unit = "/v1/units/\(f.id(.unit, "a"))"
            #expect(try await api.get(unit).string("liaison_phone") == "13700000000")
            #expect(try await api.as(f.tokens[.liaison]!).get(unit).string("liaison_phone") == "13700000000")
            // An organiser calls the liaison of a unit working in their community (a joint project
            // there), not of the others; nor does a liaison see another unit's.
            let organiser = api.as(f.tokens[.organiser]!)
            let other = "/v1/units/\(f.id(.unit, "b"))"
            #expect(try await organiser.get(unit).string("liaison_phone") == "13700000000")
            #expect(try await organiser.get(other).string("liaison_phone") == "*******0000")
            let listed = Dictionary(uniqueKeysWithValues: try await organiser.get("/v1/units").items.map { ($0["id"] as! String, $0["liaison_phone"] as! String) })
            #expect(listed == [f.id(.unit, "a"): "13700000000", f.id(.unit, "b"): "*******0000"])
            let theirs = try await api.as(f.tokens[.liaison]!).get("/v1/units").items.first { $0["id"] as? String == f.id(.unit, "b") }
            #expect(theirs?["liaison_phone"] as? String == "*******0000")
            let volunteer = "/v1/volunteers/\(f.id(.volunteer, "a"))"
            #expect(try await api.as(f.tokens[.volunteer]!).get(volunteer).string("phone") == "13900001111")
            #expect(Mask.phone("+86 139-0000-1111") == "*********1111")
            #expect(Mask.phones(in: "王先生 13912345678，2号楼") == "王先生 *******5678，2号楼")
        }
    }

    @Test func printedTimetablesMaskPhonesAndHideOtherHolders() async throws {
        try await withAPI { api in
            let f = try await AccessFixture.make(api)
            let facility = f.id(.facility, "a")
            let resident = try await api.post("/v1/facilities/\(facility)/bookings", ["user_class": "residents", "holder": "3号楼 王先生",
                                                                                      "start": "2026-12-01T18:00", "end": "2026-12-02T08:00"])
            #expect(resident.status == .created)
            // A phone number is refused in a new holder now; one written before is still masked.
            try await api.database.execute("UPDATE bookings SET holder = '3号楼 王先生 13912345678' WHERE holder = '3号楼 王先生'")
            let base = "/v1/facilities/\(facility)/timetable?date=2026-12-01"
            for format in ["csv", "html", "svg", "json"] {
                let text = try await api.as(f.tokens[.organiser]!).get(base + "&format=\(format)").text
                #expect(text.contains("3号楼 王先生 *******5678") && !text.contains("13912345678"), "\(format)")
            }
            let liaison = try await api.as(f.tokens[.liaison]!).get(base + "&format=csv").text
            #expect(!liaison.contains("王先生") && liaison.contains(",居民,,居民\r\n") && liaison.contains("就诊"))
        }
    }

    @Test func expiredAndRevokedTokensAreRefused() async throws {
        try await withAPI { api in
            let expired = try await api.token(.admin, expiresAt: Date().addingTimeInterval(-1))
            let r = try await api.as(expired).get("/v1/me")
            #expect(r.status == .unauthorized && r.error["field"] as? String == "Authorization")
            #expect(try await api.as("lj_not-a-token").get("/v1/me").status == .unauthorized)
            #expect(try await api.as(nil).get("/v1/me").status == .unauthorized)
            let issued = try await api.post("/v1/tokens", ["role": "organiser", "community_id": try await api.community()])
            #expect(issued.status == .created)
            let secret = issued.json["secret"] as! String
            let id = (issued.json["token"] as! [String: Any])["id"] as! String
            #expect(try await api.as(secret).get("/v1/me").string("role") == "organiser")
            #expect(try await api.send(.delete, "/v1/tokens/\(id)").status == .ok)
            #expect(try await api.as(secret).get("/v1/me").status == .unauthorized)
            #expect(!(try await api.get("/v1/tokens").text.contains(secret)))
            let bad = try await api.post("/v1/tokens", ["role": "liaison"])
            #expect(bad.status == .unprocessableContent && bad.error["field"] as? String == "unit_id")
            #expect(try await api.get("/health").status == .ok)
        }
    }

    @Test func everyWriteIsAudited() async throws {
        try await withAPI { api in
            let me = try await api.get("/v1/me").string("token_id")!
            let id = try await api.community()
            _ = try await api.put("/v1/communities/\(id)", ["code": "ershilipu", "name": "二十里铺社区（新）"])
            let log = try await api.get("/v1/audit?table=communities&row_id=\(id)")
            let items = log.items
            #expect(items.map { $0["operation"] as? String } == ["update", "insert"])
            #expect(items.allSatisfy { $0["actor"] as? String == "token \(me) (admin)" })
            #expect((items[0]["before"] as? [String: Any])?["name"] as? String == "二十里铺社区")
            #expect((items[0]["after"] as? [String: Any])?["name"] as? String == "二十里铺社区（新）")
            // Tokens are audited without their hash; the log cannot be changed.
            _ = try await api.post("/v1/tokens", ["role": "admin"])
            #expect(!(try await api.get("/v1/audit?table=api_tokens").text.contains("token_hash")))
            let error = await #expect(throws: StoreError.self) { try await api.database.execute("UPDATE audit_log SET actor = 'nobody'") }
            #expect(error != nil)
            await #expect(throws: StoreError.self) { try await api.database.execute("DELETE FROM audit_log") }
        }
    }

    @Test func everyTableIsAudited() async throws {
        try await withAPI { api in
            // A table added by a later migration without `SELECT audit_table('…')` fails here.
            try await api.database.execute("""
                DO $$ DECLARE missing text; BEGIN
                  SELECT string_agg(c.relname, ', ') INTO missing FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE c.relkind = 'r' AND n.nspname = 'public'
                    -- Queues: their rows change every second while work runs; what the work writes is audited.
                    AND c.relname NOT IN ('audit_log', 'idempotency_keys', 'schema_migrations', 'jobs', 'notifications')
                    -- Sign-in traffic: sessions, codes and failed attempts; the accounts themselves are audited.
                    AND c.relname NOT IN ('console_sessions', 'sign_in_codes', 'sign_in_failures')
                    AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'audit');
                  IF missing IS NOT NULL THEN RAISE EXCEPTION 'tables without the audit trigger: %', missing; END IF;
                END $$
                """)
        }
    }

    @Test func limitsGiveClearErrors() async throws {
        try await withAPI(burst: 3) { api in
            let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
            let r = try await api.send(.post, "/v1/communities", body: deep)
            #expect(r.status == .badRequest && r.error["code"] as? String == "too_deep")
            let big = try await api.send(.post, "/v1/communities", body: String(repeating: " ", count: (1 << 20) + 1))
            #expect(big.status == .contentTooLarge)
            // The bucket refills at one a second: under load the requests above may have taken that
            // long, so ask until refused (a handful of back-to-back requests outruns the refill).
            var limited = try await api.get("/v1/me")
            for _ in 0..<10 where limited.status != .tooManyRequests { limited = try await api.get("/v1/me") }
            #expect(limited.status == .tooManyRequests && limited.error["code"] as? String == "rate_limited")
            #expect(limited.headers[.retryAfter] == "1")
        }
    }

    @Test func anImportLargerThanTheRowLimitIsRefused() async throws {
        try await withAPI { api in
            let unit = try await api.unit()
            var csv = "name,phone,community\n"
            csv.reserveCapacity(4_000_000)
            for i in 0...150_000 { csv += "v\(i),1\(i),x\n" }
            let r = try await api.send(.post, "/v1/units/\(unit)/volunteers/import", body: csv)
            #expect(r.status == .contentTooLarge && r.error["field"] as? String == "file")
        }
    }

    @Test func organisersReadTheVolunteersRosteredThereButNoMore() async throws {
        try await withAPI { api in
            // The only companion lives in 朱寨 and is rostered for an outing of 香园街.
            let f = try await ClinicFixture.make(api)
            let home = try await api.community("zhuzhai", name: "朱寨社区")
            let v = try await api.post("/v1/volunteers", ["name": "外来", "phone": "13900000777", "community_id": home, "unit_id": f.unit,
                                                          "skills": [["skill": "companion"]], "availability": [["weekday": 6, "start": "08:00", "end": "18:00"]]])
            let volunteer = v.string("id")!
            _ = try await api.post("/v1/events", ["project_id": f.project, "title": "看电影", "start": "2026-12-05T13:30", "end": "2026-12-05T17:00",
                                                  "roles": [["skill": "companion", "count": 1]]])
            let organiser = api.as(try await api.token(.organiser, community: f.community))
            #expect(try await organiser.get("/v1/volunteers/\(volunteer)").status == .notFound)
            let draft = try await api.generate(["community_id": f.community, "from": "2026-12-01", "to": "2026-12-07", "time_limit_seconds": 0.3])
            #expect(try await organiser.get("/v1/volunteers/\(volunteer)").status == .notFound)  // a draft is not a roster yet
            _ = try await api.post("/v1/rosters/\((draft.json["version"] as! [String: Any])["id"] as! String)/publish", [:])
            let seen = try await organiser.get("/v1/volunteers/\(volunteer)")
            #expect(seen.status == .ok && seen.string("phone") == "*******0777")
            #expect(try await organiser.get("/v1/volunteers/\(volunteer)/assignments").status == .ok)
            let edit = try await organiser.put("/v1/volunteers/\(volunteer)", ["name": "改名", "phone": "13900000777", "community_id": f.community])
            #expect(edit.status == .notFound)
            let stranger = api.as(try await api.token(.organiser, community: home == f.community ? f.community : try await api.community("huicai", name: "汇才社区")))
            #expect(try await stranger.get("/v1/volunteers/\(volunteer)").status == .notFound)
        }
    }

    /// Issue 15 #11: the project's liaison prints the event's sheet, but the residents on it are
    /// the community's personal data: names masked, buildings, needs and phones left out.
    @Test func aLiaisonsSheetMasksTheResidents() async throws {
        try await withAPI { api in
            let film = try await ExportTests.filmOuting(api)
            _ = try await api.post("/v1/events/\(film.event)/groups", [:])
            let project = try await api.get("/v1/events/\(film.event)").string("project_id")!
            let unit = try await api.get("/v1/projects/\(project)").string("unit_id")!
            let sheet = "/v1/events/\(film.event)/sheet"
            let full = try await api.as(try await api.token(.organiser, community: film.community)).get(sheet).text
            #expect(full.contains("老人0") && full.contains("助行器") && full.contains("1号楼") && full.contains("*******0200"))
            let masked = try await api.as(try await api.token(.liaison, unit: unit)).get(sheet)
            #expect(masked.status == .ok)
            #expect(masked.text.contains("上街影院") && masked.text.contains("老**"))
            for i in 0..<7 { #expect(!masked.text.contains("老人\(i)")) }
            #expect(!masked.text.contains("助行器") && !masked.text.contains("号楼") && !masked.text.contains("020"))
            // Their volunteers and the companion groups are still on it.
            #expect(masked.text.contains("志愿者") && masked.text.components(separatedBy: "老**").count - 1 == 7 * 2)
        }
    }
}
