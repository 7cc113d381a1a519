import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// An event's console page (issue 17): roles and people, residents and companion groups,
/// the printable sheet, and the residents' data kept to their community.
@Suite("Console event page")
struct ConsoleEventTests {
    /// A film outing staffed one companion per two residents, with four residents signed up.
    static func outing(_ api: APIClient, _ f: ConsoleFixture) async throws -> String {
        let film = try await api.post("/v1/events", ["project_id": f.project, "title": "社区观影", "venue": "上街影院",
                                                     "start": "\(f.day)T09:00", "end": "\(f.day)T11:30",
                                                     "roles": [["skill": "companion", "per_participants": 2]]])
        let event = try #require(film.string("id"), "\(film.text)")
        for (i, name) in ["赵淑珍", "钱德明", "孙玉兰", "李福海"].enumerated() {
            let r = try await api.post("/v1/communities/\(f.community)/residents", ["name": name, "building": "\(i + 1)号楼",
                                                                                    "phone": "1380000010\(i)", "needs": i == 0 ? ["mobility_aid"] : []])
            #expect(try await api.post("/v1/events/\(event)/participants", ["resident_id": try #require(r.string("id"), "\(r.text)")]).status == .created)
        }
        let draft = try await PublishTests.generate(api, f.community, from: f.day, to: f.day)
        #expect(try await api.post("/v1/rosters/\(draft)/publish", [:]).status == .ok)
        return event
    }

    @Test func theOrganiserSeesPeopleResidentsAndGroupsAndPrintsTheSheet() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outing(api, f)
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            let week = try await organiser.get("/week?start=\(f.day)")
            #expect(week.text.contains(#"<a href="/events/\#(event)">社区观影</a>"#), "\(week.text)")
            let page = try await organiser.get("/events/\(event)")
            #expect(page.status == .ok, "\(page.text)")
            for text in ["社区观影", "上街影院", "陪护", "2/2", "赵淑珍", "1号楼", "共 4 位居民报名", "还没有分组"] {
                #expect(page.text.contains(text), "\(text) missing")
            }
            #expect(!page.text.contains("13800000100"), "residents' phones stay off the page")
            let grouped = try await organiser.post("/events/\(event)/groups", [:], csrf: ConsoleClient.csrf(in: page.text))
            #expect(grouped.status == .seeOther && grouped.headers[.location] == "/events/\(event)?done=grouped")
            let after = try await organiser.get("/events/\(event)?done=grouped")
            #expect(after.text.contains("已按陪护志愿者重新分组") && !after.text.contains("还没有分组"), "\(after.text)")
            let sheet = try await organiser.get("/events/\(event)/sheet")
            #expect(sheet.status == .ok && sheet.text.contains("社区观影") && sheet.text.contains("赵淑珍"))
        }
    }

    @Test func aLiaisonReadsResidentsMaskedAndAnotherCommunityNothing() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outing(api, f)
            try await f.account(api, "liaison", .liaison)
            var liaison = ConsoleClient(api)
            _ = try await liaison.signIn("liaison", "a-good-password")
            for path in ["/events/\(event)", "/events/\(event)/sheet"] {
                let r = try await liaison.get(path)
                #expect(r.status == .ok && r.text.contains("社区观影"), "\(path): \(r.status)")
                #expect(!r.text.contains("赵淑珍") && !r.text.contains("1号楼") && !r.text.contains("mobility"), "\(path) shows a resident")
            }
            #expect(!(try await liaison.get("/events/\(event)")).text.contains(#"action="/events/\#(event)/groups""#))
            let refused = try await liaison.post("/events/\(event)/groups", [:], csrf: ConsoleClient.csrf(in: try await liaison.get("/unit").text))
            #expect(refused.status == .forbidden)

            let other = try await api.community("zhuzhai", name: "朱寨社区")
            let scope = Principal(tokenID: UUID(), role: .organiser, community: .init(other))
            _ = try await AccountRepository(api.database).create(login: "zhuzhai", displayName: "朱寨", passwordHash: try await Passwords.hash("a-good-password"), scope: scope)
            var stranger = ConsoleClient(api)
            _ = try await stranger.signIn("zhuzhai", "a-good-password")
            for path in ["/events/\(event)", "/events/\(event)/sheet", "/events/\(UUID().uuidString.lowercased())"] {
                let r = try await stranger.get(path)
                #expect(r.status == .notFound && !r.text.contains("社区观影"), "\(path): \(r.status)")
            }
        }
    }
}
