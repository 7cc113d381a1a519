import Foundation
import Hummingbird
import Testing

/// Finding rosters (issue 15, "What organisers need next"): lists by community, status and
/// range, the current published roster of a community, and names beside ids.
@Suite("Finding rosters")
struct RosterFindTests {
    static func ids(_ r: Reply) -> [String] { r.items.compactMap { $0["id"] as? String } }

    @Test func listsAreFilteredPagedAndScoped() async throws {
        try await withAPI { api in
            let f = try await EditFixture.make(api)
            #expect(try await api.post("/v1/rosters/\(f.draft)/publish", [:]).status == .ok)
            let second = try await PublishTests.generate(api, f.community, from: "2026-12-01", to: "2026-12-07")
            let other = try await api.community("huicai", name: "汇才社区")
            let theirs = try await PublishTests.generate(api, other, from: "2026-12-10", to: "2026-12-20")
            let all = try await api.get("/v1/rosters")
            #expect(Self.ids(all) == [theirs, second, f.draft], "newest first: \(all.text)")
            #expect(all.items.first?["status"] as? String == "draft" && all.items.last?["assignments"] as? Int == 4)
            #expect(Self.ids(try await api.get("/v1/rosters?status=published")) == [f.draft])
            #expect(Self.ids(try await api.get("/v1/rosters?community=\(f.community)")) == [second, f.draft])
            #expect(Self.ids(try await api.get("/v1/rosters?from=2027-01-01")).isEmpty)
            #expect(Self.ids(try await api.get("/v1/rosters?from=2026-12-08&to=2026-12-09")) == [f.draft])
            #expect(Self.ids(try await api.get("/v1/rosters?to=2026-11-30")).isEmpty)
            let page = try await api.get("/v1/rosters?limit=2")
            let cursor = try #require(page.json["next_cursor"] as? String)
            #expect(Self.ids(page) + Self.ids(try await api.get("/v1/rosters?limit=2&cursor=\(cursor)")) == [theirs, second, f.draft])
            #expect(try await api.get("/v1/rosters?status=bogus").error["field"] as? String == "status")
            #expect(try await api.get("/v1/rosters?weekday=6").status == .badRequest)
            // Another community's organiser sees their own community's versions, nothing else.
            let stranger = api.as(try await api.token(.organiser, community: other))
            #expect(Self.ids(try await stranger.get("/v1/rosters")) == [theirs])
            #expect(Self.ids(try await stranger.get("/v1/rosters?status=published")).isEmpty)
            let asked = try await stranger.get("/v1/rosters?community=\(f.community)")
            #expect(asked.status == .forbidden && asked.error["field"] as? String == "community")
            #expect(try await stranger.get("/v1/rosters/\(f.draft)").status == .notFound)
            #expect(try await stranger.get("/v1/communities/\(f.community)/roster").status == .notFound)
            let volunteer = api.as(try await api.token(.volunteer, volunteer: f.volunteers[0]))
            #expect(try await volunteer.get("/v1/rosters").status == .forbidden)
        }
    }

    @Test func theCurrentRosterOfACommunity() async throws {
        try await withAPI { api in
            let f = try await EditFixture.make(api)
            #expect(try await api.post("/v1/rosters/\(f.draft)/publish", [:]).status == .ok)
            let pinned = try await f.people(f.draft, on: f.roles[1])[0]
            #expect(try await f.edit(f.draft, "pin", role: f.roles[1], volunteer: pinned).status == .ok)
            let organiser = api.as(try await api.token(.organiser, community: f.community))
            let r = try await organiser.get("/v1/communities/\(f.community)/roster?from=2026-12-01&to=2026-12-14")
            #expect(r.status == .ok, "\(r.text)")
            let events = r.json["events"] as? [[String: Any]] ?? []
            #expect(events.map { $0["title"] as? String } == ["看电影05", "看电影12"])
            for (event, role) in zip(events, f.roles) {
                let roles = event["roles"] as? [[String: Any]] ?? []
                #expect(roles.count == 1 && roles[0]["role_id"] as? String == role && roles[0]["version_id"] as? String == f.draft)
                #expect(roles[0]["skill_name"] as? String == "陪护" && roles[0]["required"] as? Int == 2)
                let people = roles[0]["people"] as? [[String: Any]] ?? []
                #expect(people.count == 2 && people.allSatisfy { ($0["name"] as? String)?.hasPrefix("志愿者") == true && $0["phone"] == nil })
                #expect(people.filter { $0["pinned"] as? Bool == true }.map { $0["volunteer_id"] as? String } == (role == f.roles[1] ? [pinned] : []))
            }
            let later = try await organiser.get("/v1/communities/\(f.community)/roster?from=2026-12-06&to=2026-12-14")
            #expect((later.json["events"] as? [[String: Any]])?.count == 1)
            #expect(try await organiser.get("/v1/communities/\(f.community)/roster?from=2026-12-14&to=2026-12-01").status == .unprocessableContent)
            #expect(try await organiser.get("/v1/communities/\(f.community)/roster?status=draft").status == .badRequest)
        }
    }

    @Test func draftsAndDiffsCarryNames() async throws {
        try await withAPI { api in
            let f = try await EditFixture.make(api)
            let organiser = api.as(try await api.token(.organiser, community: f.community))
            // The organiser reads the draft they made, names beside ids.
            let draft = try await organiser.get("/v1/rosters/\(f.draft)")
            let lines = draft.json["assignments"] as? [[String: Any]] ?? []
            #expect(lines.count == 4 && lines.allSatisfy { ($0["volunteer_name"] as? String)?.hasPrefix("志愿者") == true && $0["start"] is String })
            #expect(try await organiser.post("/v1/rosters/\(f.draft)/publish", [:]).status == .ok)
            let leaver = try await f.people(f.draft, on: f.roles[0])[0]
            #expect(try await api.post("/v1/volunteers/\(leaver)/assignments/\(f.roles[0])/decline", [:]).status == .ok)
            let next = try await PublishTests.generate(api, f.community, from: "2026-12-01", to: "2026-12-14")
            let diff = try await organiser.get("/v1/rosters/\(next)").json["diff"] as? [String: Any] ?? [:]
            let removed = diff["removed"] as? [[String: Any]] ?? []
            #expect(removed.count == 1 && removed[0]["volunteer_id"] as? String == leaver)
            #expect((removed[0]["volunteer_name"] as? String)?.hasPrefix("志愿者") == true && removed[0]["event_title"] as? String == "看电影05"
                    && removed[0]["response"] as? String == "declined", "\(diff)")
            let added = diff["added"] as? [[String: Any]] ?? []
            #expect(added.count == 1 && added[0]["event_title"] as? String == "看电影05" && added[0]["volunteer_name"] is String, "\(diff)")
        }
    }
}
