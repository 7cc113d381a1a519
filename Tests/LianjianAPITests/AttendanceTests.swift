import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// Attendance and the service-hours ledger (issue 18): sign-in and sign-out by the organiser,
/// no-shows and walk-ins, hours clipped to the event and rounded, every bad entry a 4xx naming
/// its field with nothing written, and a ledger that refuses to be edited.
@Suite("Attendance and service hours")
struct AttendanceTests {
    /// The fixture's outing (13:30–17:00, three companions rostered) and its id.
    static func outing(_ api: APIClient, _ f: ConsoleFixture) async throws -> String {
        let events = try await api.get("/v1/communities/\(f.community)/events?from=\(f.day)&to=\(f.day)")
        let list = (try JSONSerialization.jsonObject(with: Data(events.text.utf8)) as? [[String: Any]]) ?? []
        return try #require(list.first?["id"] as? String, "\(events.text)")
    }

    static func entry(_ volunteer: String, _ action: String, _ at: String?, role: String? = nil) -> [String: Any] {
        var e: [String: Any] = ["volunteer_id": volunteer, "action": action]
        if let at { e["at"] = at }
        if let role { e["role_id"] = role }
        return e
    }

    @Test func signInsAndOutsCreditTheTimeServedClippedAndRounded() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outing(api, f)
            let (a, b, c) = (f.volunteers[0], f.volunteers[1], f.volunteers[2])
            let signIn = try await api.post("/v1/events/\(event)/attendance", ["entries": [
                Self.entry(a, "sign_in", "\(f.day)T13:20"), Self.entry(b, "sign_in", "\(f.day)T13:45"), Self.entry(c, "no_show", "\(f.day)T14:00"),
            ]])
            #expect(signIn.status == .ok, "\(signIn.text)")
            #expect(signIn.items.count == 3 && signIn.items.contains { $0["status"] as? String == "no_show" })
            let out = try await api.post("/v1/events/\(event)/attendance", ["entries": [
                Self.entry(a, "sign_out", "\(f.day)T17:10"), Self.entry(b, "sign_out", "\(f.day)T16:20"),
            ]])
            #expect(out.status == .ok, "\(out.text)")
            let credited = Dictionary(uniqueKeysWithValues: out.items.map { ($0["volunteer_id"] as? String ?? "", $0["credited_minutes"] as? Int ?? -1) })
            // 13:20–17:10 clipped to 13:30–17:00 is 210 minutes; 13:45–16:20 is 155, rounded to 150.
            #expect(credited == [a: 210, b: 150, c: 0], "\(out.text)")
            let hours = try await api.get("/v1/volunteers/\(a)/hours")
            #expect(hours.json["minutes"] as? Int == 210 && hours.json["hours"] as? Double == 3.5, "\(hours.text)")
            #expect(hours.items.first?["kind"] as? String == "credit" && hours.items.first?["title"] as? String == "我陪老人看电影")

            let again = try await api.post("/v1/events/\(event)/attendance", ["entries": [Self.entry(a, "sign_out", "\(f.day)T17:20")]])
            #expect(again.status == .conflict && again.error["field"] as? String == "entries[0].action", "\(again.text)")
            #expect(try await api.get("/v1/volunteers/\(a)/hours").json["minutes"] as? Int == 210, "one credit, however often it is sent")
            // The volunteer reads the same on their phone, on /me.
            var volunteer = ConsoleClient(api)
            _ = try await volunteer.signIn(phone: ConsoleFixture.phones[0])
            let me = try await volunteer.get("/me")
            #expect(me.text.contains("我的服务时长") && me.text.contains("累计 3.5 小时") && me.text.contains("3.5 小时"), "\(me.text)")
        }
    }

    @Test func eachBadEntryNamesItsFieldAndNothingIsWritten() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outing(api, f)
            let (a, b) = (f.volunteers[0], f.volunteers[1])
            let cases: [([[String: Any]], String)] = [
                ([Self.entry(a, "sign_in", "\(f.day)T13:30"), Self.entry(b, "sign_in", "\(f.day)T03:00")], "entries[1].at"),
                ([Self.entry(a, "sign_in", "tomorrow at nine")], "entries[0].at"),
                ([Self.entry(a, "no_show", nil)], "entries[0].at"),
                ([Self.entry(a, "sign_out", "\(f.day)T17:00")], "entries[0].action"),
                ([Self.entry(UUID().uuidString.lowercased(), "sign_in", "\(f.day)T13:30")], "entries[0].volunteer_id"),
                ([Self.entry(a, "sign_in", "\(f.day)T13:30", role: UUID().uuidString.lowercased())], "entries[0].role_id"),
            ]
            for (entries, field) in cases {
                let r = try await api.post("/v1/events/\(event)/attendance", ["entries": entries])
                #expect(r.status == .unprocessableContent && r.error["field"] as? String == field, "\(field): \(r.status) \(r.text)")
            }
            let empty = try await api.post("/v1/events/\(event)/attendance", ["entries": [[String: Any]]()])
            #expect(empty.status == .unprocessableContent && empty.error["field"] as? String == "entries")
            #expect(try await api.database.count("SELECT count(*) FROM attendance") == 0, "a refused request writes nothing")
            let chinese = try await api.send(.post, "/v1/events/\(event)/attendance", body: #"{"entries": [{"volunteer_id": "\#(a)", "action": "sign_in", "at": "\#(f.day)T03:00"}]}"#,
                                             headers: [.contentType: "application/json", .acceptLanguage: "zh-CN"])
            #expect((chinese.error["message"] as? String)?.contains("2 小时") == true, "\(chinese.text)")
        }
    }

    @Test func aWalkInSignsInToARoleAndALaterNoShowIsRefused() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outing(api, f)
            let walker = try await api.post("/v1/volunteers", ["name": "周建华", "phone": "13900000299", "community_id": f.community, "unit_id": f.unit,
                                                               "skills": [["skill": "companion"]]])
            let id = try #require(walker.string("id"), "\(walker.text)")
            let roles = (try await api.get("/v1/events/\(event)")).json["roles"] as? [[String: Any]] ?? []
            let role = try #require(roles.first?["id"] as? String)
            let r = try await api.post("/v1/events/\(event)/attendance", ["entries": [Self.entry(id, "sign_in", "\(f.day)T13:30", role: role)]])
            #expect(r.status == .ok && r.items.contains { $0["volunteer_id"] as? String == id && $0["walk_in"] as? Bool == true }, "\(r.text)")
            let noShow = try await api.post("/v1/events/\(event)/attendance", ["entries": [Self.entry(f.volunteers[0], "sign_in", "\(f.day)T13:30"),
                                                                                         Self.entry(f.volunteers[0], "no_show", "\(f.day)T14:00")]])
            #expect(noShow.status == .conflict && noShow.error["field"] as? String == "entries[1].action", "\(noShow.text)")
        }
    }

    @Test func theLedgerRefusesEditsAndOthersCannotRecord() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outing(api, f)
            let a = f.volunteers[0]
            _ = try await api.post("/v1/events/\(event)/attendance", ["entries": [Self.entry(a, "sign_in", "\(f.day)T13:30"),
                                                                                Self.entry(a, "sign_out", "\(f.day)T15:00")]])
            #expect(try await api.database.count("SELECT count(*) FROM service_hours") == 1)
            await #expect(throws: StoreError.self) { try await api.database.execute("UPDATE service_hours SET minutes = 600") }
            await #expect(throws: StoreError.self) { try await api.database.execute("DELETE FROM service_hours") }
            #expect(try await api.get("/v1/volunteers/\(a)/hours").json["minutes"] as? Int == 90)

            let liaison = api.as(try await api.token(.liaison, unit: f.unit))
            let refused = try await liaison.post("/v1/events/\(event)/attendance", ["entries": [Self.entry(a, "no_show", nil)]]).status
            #expect(refused == .forbidden || refused == .notFound, "\(refused)")
            let other = try await api.community("zhuzhai", name: "朱寨社区")
            let stranger = api.as(try await api.token(.organiser, community: other))
            #expect(try await stranger.post("/v1/events/\(event)/attendance", ["entries": [Self.entry(a, "no_show", nil)]]).status == .notFound)
            #expect(try await stranger.get("/v1/volunteers/\(a)/hours").status == .notFound)
            let own = api.as(try await api.token(.volunteer, volunteer: a))
            #expect(try await own.get("/v1/volunteers/\(a)/hours").status == .ok)
            #expect(try await own.get("/v1/volunteers/\(f.volunteers[1])/hours").status == .notFound)
        }
    }

    @Test func aCorrectionLeavesTheHistoryAndSetsTheBalance() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outing(api, f)
            let (a, b) = (f.volunteers[0], f.volunteers[1])
            _ = try await api.post("/v1/events/\(event)/attendance", ["entries": [Self.entry(a, "sign_in", "\(f.day)T13:30"),
                                                                                Self.entry(a, "sign_out", "\(f.day)T17:00")]])
            let credit = try #require(try await api.get("/v1/volunteers/\(a)/hours").items.first?["id"] as? Int)
            let fixed = try await api.post("/v1/volunteers/\(a)/hours/corrections", ["entry_id": credit, "minutes": 180, "reason": "提前一刻钟离开，签退时忘了扫码"])
            #expect(fixed.status == .created && fixed.json["minutes"] as? Int == 180, "\(fixed.text)")
            #expect(fixed.items.map { $0["kind"] as? String ?? "" } == ["credit", "reversal", "correction"])
            #expect(fixed.items.map { $0["minutes"] as? Int ?? 0 } == [210, -210, 180], "the history stays as it was")
            #expect(fixed.items.dropFirst().allSatisfy { $0["corrects"] as? Int == credit && $0["reason"] as? String == "提前一刻钟离开，签退时忘了扫码" })

            let again = try await api.post("/v1/volunteers/\(a)/hours/corrections", ["entry_id": credit, "minutes": 150, "reason": "再改一次"])
            #expect(again.status == .conflict, "an entry is corrected once: \(again.text)")
            let correction = try #require(fixed.items.last?["id"] as? Int)
            let second = try await api.post("/v1/volunteers/\(a)/hours/corrections", ["entry_id": correction, "minutes": 150, "reason": "核对签到表后再次更正"])
            #expect(second.status == .created && second.json["minutes"] as? Int == 150, "\(second.text)")

            let reversal = try #require(fixed.items[1]["id"] as? Int)
            for (body, field, status) in [
                (["entry_id": credit, "minutes": 100, "reason": " "] as [String: Any], "reason", HTTPResponse.Status.unprocessableContent),
                (["entry_id": credit, "minutes": 2000, "reason": "x"], "minutes", .unprocessableContent),
                (["entry_id": reversal, "minutes": 100, "reason": "x"], "entry_id", .unprocessableContent),
                (["entry_id": credit, "minutes": 100, "reason": "x"], "entry_id", .notFound),
            ] {
                let who = status == .notFound ? b : a
                let r = try await api.post("/v1/volunteers/\(who)/hours/corrections", body)
                #expect(r.status == status && (status == .notFound || r.error["field"] as? String == field), "\(field): \(r.status) \(r.text)")
            }
            #expect(try await api.get("/v1/volunteers/\(a)/hours").json["minutes"] as? Int == 150)
            let own = api.as(try await api.token(.volunteer, volunteer: a))
            let mine = try await own.post("/v1/volunteers/\(a)/hours/corrections", ["entry_id": credit, "minutes": 600, "reason": "我自己改"]).status
            #expect(mine == .forbidden || mine == .notFound, "a volunteer does not correct their own hours: \(mine)")
        }
    }

    @Test func theSignInWindowIsASetting() async throws {
        try await withAPI(signInWindowMinutes: 60) { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outing(api, f)
            let early = try await api.send(.post, "/v1/events/\(event)/attendance",
                                           body: #"{"entries": [{"volunteer_id": "\#(f.volunteers[0])", "action": "sign_in", "at": "\#(f.day)T12:15"}]}"#,
                                           headers: [.contentType: "application/json", .acceptLanguage: "zh-CN"])
            #expect(early.status == .unprocessableContent && early.error["field"] as? String == "entries[0].at", "\(early.text)")
            #expect((early.error["message"] as? String)?.contains("1 小时") == true, "the configured hour, in words: \(early.text)")
            let inside = try await api.post("/v1/events/\(event)/attendance", ["entries": [Self.entry(f.volunteers[0], "sign_in", "\(f.day)T12:45")]])
            #expect(inside.status == .ok, "\(inside.text)")
            // The check-in code lives as long after the event: an hour here.
            let code = try await api.get("/v1/events/\(event)/checkin-code")
            let expires = try #require(code.string("expires_at"))
            #expect(expires.hasPrefix("\(f.day)T18:00"), "\(expires)")
        }
    }
}
