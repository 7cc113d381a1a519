import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// The event page's sign-in list (issue 18): an organiser signs a rostered volunteer in and out
/// with one tap each, the ledger records it, and taps at the wrong time or twice are refused in words.
@Suite("Console sign-in list")
struct ConsoleAttendanceTests {
    @Test func anOrganiserSignsAVolunteerInAndOutWithOneTapEach() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let zone = TimeZone(identifier: "Asia/Shanghai")!
            // An hour starting in ten minutes (or just after midnight, so it stays on one local day),
            // and a volunteer free all day, so somebody is rostered on it whatever the time.
            var soon = Date().addingTimeInterval(10 * 60)
            if LocalDate(soon.addingTimeInterval(3600), in: zone) != LocalDate(soon, in: zone) {
                soon = LocalDate(soon.addingTimeInterval(3600), in: zone).at(LocalTime(minutes: 5), in: zone)
            }
            let later = soon.addingTimeInterval(3600)
            let local = { (d: Date) in "\(LocalDate(d, in: zone))T\(LocalTime(d, in: zone))" }
            let owl = try await api.post("/v1/volunteers", ["name": "夜班志愿者", "phone": "13900000298", "community_id": f.community, "unit_id": f.unit,
                                                            "skills": [["skill": "companion"]],
                                                            "availability": (1...7).map { ["weekday": $0, "start": "00:00", "end": "23:59"] }])
            #expect(owl.status == .created, "\(owl.text)")
            let e = try await api.post("/v1/events", ["project_id": f.project, "title": "社区义诊", "venue": "活动室",
                                                      "start": local(soon), "end": local(later), "roles": [["skill": "companion", "count": 1]]])
            let event = try #require(e.string("id"), "\(e.text)")
            let draft = try await PublishTests.generate(api, f.community, from: LocalDate(soon, in: zone).description, to: LocalDate(later, in: zone).description)
            #expect(try await api.post("/v1/rosters/\(draft)/publish", [:]).status == .ok)
            #expect(try await api.get("/v1/events/\(event)/attendance").items.isEmpty, "nothing recorded yet")
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            let page = try await organiser.get("/events/\(event)")
            #expect(page.text.contains("未签到") && page.text.contains(#"action="/events/\#(event)/attendance""#), "\(page.text)")
            let volunteer = try #require(page.text.firstMatch(of: /name="volunteer" value="([0-9a-f-]{36})"/).map { String($0.1) })
            let csrf = ConsoleClient.csrf(in: page.text)
            let signIn = try await organiser.post("/events/\(event)/attendance", ["volunteer": volunteer, "action": "sign_in"], csrf: csrf)
            #expect(signIn.status == .seeOther && signIn.headers[.location] == "/events/\(event)?done=sign_in")
            #expect(try await organiser.get("/events/\(event)?done=sign_in").text.contains("已签到"))
            let signOut = try await organiser.post("/events/\(event)/attendance", ["volunteer": volunteer, "action": "sign_out"], csrf: csrf)
            #expect(signOut.headers[.location] == "/events/\(event)?done=sign_out")
            let after = try await organiser.get("/events/\(event)?done=sign_out")
            #expect(after.text.contains("已签退，服务时长已记入") && after.text.contains("计 0 小时"), "signed out before it began: \(after.text)")
            #expect(try await api.database.count("SELECT count(*) FROM service_hours WHERE kind = 'credit'") == 1)
            let twice = try await organiser.post("/events/\(event)/attendance", ["volunteer": volunteer, "action": "sign_out"], csrf: csrf)
            #expect(twice.headers[.location] == "/events/\(event)?refused=twice")
            #expect(try await organiser.get("/events/\(event)?refused=twice").text.contains("不能重复记录"))

            // The fixture's outing is a week away: too early to sign anybody in.
            let events = try await api.get("/v1/communities/\(f.community)/events?from=\(f.day)&to=\(f.day)")
            let outing = try #require(((try JSONSerialization.jsonObject(with: Data(events.text.utf8))) as? [[String: Any]])?.first?["id"] as? String)
            let early = try await organiser.post("/events/\(outing)/attendance", ["volunteer": f.volunteers[0], "action": "sign_in"], csrf: csrf)
            #expect(early.headers[.location] == "/events/\(outing)?refused=time")
            #expect(try await api.database.count("SELECT count(*) FROM attendance WHERE event_id = '\(outing)'") == 0)

            try await f.account(api, "liaison", .liaison)
            var liaison = ConsoleClient(api)
            _ = try await liaison.signIn("liaison", "a-good-password")
            let seen = try await liaison.get("/events/\(event)")
            #expect(seen.status == .ok && !seen.text.contains("/attendance"), "a liaison sees no sign-in list")
            let refused = try await liaison.post("/events/\(event)/attendance", ["volunteer": volunteer, "action": "no_show"], csrf: ConsoleClient.csrf(in: seen.text))
            #expect(refused.status == .forbidden)
        }
    }
}
