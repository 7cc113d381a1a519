import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// The residents page (issue 17): registered from the form with the API's validation, listed to
/// their own community's organisers only.
@Suite("Console residents page")
struct ConsoleResidentsTests {
    @Test func anOrganiserRegistersAResidentWithTheirNeeds() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            let page = try await organiser.get("/residents")
            #expect(page.status == .ok && page.text.contains("还没有登记居民"), "\(page.text)")
            let csrf = ConsoleClient.csrf(in: page.text)
            let body = "_csrf=\(ConsoleClient.encode(csrf ?? ""))&community=&name=\(ConsoleClient.encode("赵淑珍"))&building=\(ConsoleClient.encode("3号楼"))"
                + "&phone=13800000109&need=mobility_aid&need=living_alone"
            let added = try await organiser.send(.post, "/residents", body: body, contentType: "application/x-www-form-urlencoded")
            #expect(added.status == .seeOther && added.headers[.location] == "/residents?done=added", "\(added.text)")
            let list = try await organiser.get("/residents?done=added")
            for text in ["已登记", "赵淑珍", "3号楼", "13800000109", "助行器、独居", "共 1 位居民"] { #expect(list.text.contains(text), "\(text) missing") }
            let stored = try await api.get("/v1/communities/\(f.community)/residents")
            #expect(stored.text.contains("mobility_aid") && stored.text.contains("living_alone"))

            let bad = try await organiser.post("/residents", ["name": "钱德明", "phone": "12345"], csrf: csrf)
            #expect(bad.status == .unprocessableContent && bad.text.contains("手机号：") && bad.text.contains(#"value="钱德明""#), "\(bad.text)")
        }
    }

    @Test func onlyTheCommunitysOrganisersSeeThem() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            _ = try await api.post("/v1/communities/\(f.community)/residents", ["name": "孙玉兰", "building": "5号楼", "phone": "13800000110"])
            let other = try await api.community("zhuzhai", name: "朱寨社区")
            let scope = Principal(tokenID: UUID(), role: .organiser, community: .init(other))
            _ = try await AccountRepository(api.database).create(login: "zhuzhai", displayName: "朱寨", passwordHash: try await Passwords.hash("a-good-password"), scope: scope)
            var stranger = ConsoleClient(api)
            _ = try await stranger.signIn("zhuzhai", "a-good-password")
            let own = try await stranger.get("/residents?community=\(f.community)")
            #expect(own.status == .ok && !own.text.contains("孙玉兰"), "an organiser's page is their own community's, whatever is asked")
            let csrf = ConsoleClient.csrf(in: own.text)
            _ = try await stranger.post("/residents", ["community": f.community, "name": "冒名"], csrf: csrf)
            #expect(!(try await api.get("/v1/communities/\(f.community)/residents")).text.contains("冒名"))
            try await f.account(api, "liaison", .liaison)
            var liaison = ConsoleClient(api)
            _ = try await liaison.signIn("liaison", "a-good-password")
            #expect(try await liaison.get("/residents").status == .forbidden)
        }
    }
}
