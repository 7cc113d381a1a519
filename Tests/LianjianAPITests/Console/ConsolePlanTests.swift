import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// The plans page (issue 17): a plan shown with its rule in words, created from the form with
/// the API's own validation, and its events generated for a range (twice creates nothing twice).
@Suite("Console plans page")
struct ConsolePlanTests {
    /// A JSON list answer's rows, whether bare or paged under `items`.
    static func rows(_ r: Reply) -> [[String: Any]] {
        (try? JSONSerialization.jsonObject(with: Data(r.text.utf8))) as? [[String: Any]] ?? r.items
    }

    @Test func anOrganiserCreatesAMonthlyPlanReadsItInWordsAndGeneratesItsEvents() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            let page = try await organiser.get("/plans")
            #expect(page.status == .ok && page.text.contains("新建服务计划"), "\(page.text)")
            let csrf = ConsoleClient.csrf(in: page.text)
            let created = try await organiser.post("/plans", [
                "project": f.project, "title": "中医义诊", "venue": "老旧小区活动室", "frequency": "monthly",
                "week_of_month": "2", "weekday": "6", "start_date": "2027-01-01", "start_time": "09:00", "end_time": "12:00",
                "skill": "companion", "count": "2", "skip_holidays": "on",
            ], csrf: csrf)
            #expect(created.status == .seeOther && created.headers[.location] == "/plans?done=created", "\(created.status) \(created.text)")
            let list = try await organiser.get("/plans?done=created")
            for text in ["服务计划已建立", "中医义诊", "每月第二个星期六 09:00–12:00", "陪护 2 名", "法定节假日不安排", "自 2027-01-01 起"] {
                #expect(list.text.contains(text), "\(text) missing")
            }
            let plans = try await api.get("/v1/projects/\(f.project)/plans")
            let plan = try #require(Self.rows(plans).first?["id"] as? String, "\(plans.text)")
            let range = ["from": "2027-01-01", "to": "2027-03-31"]
            let made = try await organiser.post("/plans/\(plan)/generate", range, csrf: csrf)
            #expect(made.status == .seeOther && made.headers[.location] == "/plans?created=3&kept=0&holidays=0", "\(made.headers)")
            let again = try await organiser.post("/plans/\(plan)/generate", range, csrf: csrf)
            #expect(again.headers[.location] == "/plans?created=0&kept=3&holidays=0")
            let notice = try await organiser.get(again.headers[.location] ?? "/plans")
            #expect(notice.text.contains("已生成 0 场活动；3 场原已存在"), "\(notice.text)")
            let events = try await api.get("/v1/communities/\(f.community)/events?from=2027-01-01&to=2027-03-31")
            #expect(Self.rows(events).compactMap { ($0["start"] as? String)?.prefix(10) }.sorted() == ["2027-01-09", "2027-02-13", "2027-03-13"], "\(events.text)")
        }
    }

    @Test func aRefusedPlanComesBackInChineseWithWhatWasTyped() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            let csrf = ConsoleClient.csrf(in: try await organiser.get("/plans").text)
            let body = "_csrf=\(ConsoleClient.encode(csrf ?? ""))&project=\(f.project)&title=%E6%B3%95%E5%BE%8B%E4%B9%89%E8%AF%8A&frequency=weekly&week_of_month="
                + "&start_date=2027-01-01&start_time=14:00&end_time=13:00&skill=companion&count=1"
            let refused = try await organiser.send(.post, "/plans", body: body, contentType: "application/x-www-form-urlencoded")
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("结束时间") && refused.text.contains(#"value="法律义诊""#), "\(refused.text)")
            #expect(Self.rows(try await api.get("/v1/projects/\(f.project)/plans")).isEmpty)
            let noDays = body.replacingOccurrences(of: "end_time=13:00", with: "end_time=16:00")
            let second = try await organiser.send(.post, "/plans", body: noDays, contentType: "application/x-www-form-urlencoded")
            #expect(second.status == .unprocessableContent && second.text.contains("星期"), "\(second.text)")
        }
    }

    @Test func anotherCommunitysOrganiserCannotGenerateOrCreate() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let plan = try await api.post("/v1/projects/\(f.project)/plans", [
                "title": "普法讲座", "recurrence": ["frequency": "weekly", "weekdays": [3]], "start_date": "2027-01-01",
                "start_time": "14:00", "duration_minutes": 90, "roles": [["skill": "companion", "count": 1]],
            ])
            let id = try #require(plan.string("id"), "\(plan.text)")
            let other = try await api.community("zhuzhai", name: "朱寨社区")
            let scope = Principal(tokenID: UUID(), role: .organiser, community: .init(other))
            _ = try await AccountRepository(api.database).create(login: "zhuzhai", displayName: "朱寨", passwordHash: try await Passwords.hash("a-good-password"), scope: scope)
            var stranger = ConsoleClient(api)
            _ = try await stranger.signIn("zhuzhai", "a-good-password")
            let own = try await stranger.get("/plans")
            #expect(own.status == .ok && !own.text.contains("普法讲座"))
            let csrf = ConsoleClient.csrf(in: own.text)
            let generate = try await stranger.post("/plans/\(id)/generate", ["from": "2027-01-01", "to": "2027-01-31"], csrf: csrf)
            #expect(generate.status == .notFound)
            let create = try await stranger.post("/plans", ["project": f.project, "title": "x", "frequency": "daily", "start_date": "2027-01-01",
                                                            "start_time": "09:00", "end_time": "10:00", "skill": "companion", "count": "1"], csrf: csrf)
            #expect(create.status == .notFound)
            #expect(Self.rows(try await api.get("/v1/projects/\(f.project)/plans")).count == 1)
        }
    }
}
