import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// Generating a roster from the console (issue 17): the form on the week, the job's progress,
/// the draft's changes, publishing, a stale draft refused, and other communities kept out.
@Suite("Console rosters")
struct ConsoleRosterTests {
    /// Adds a morning event on the fixture's day that needs one companion: the next draft adds a person.
    static func morningEvent(_ api: APIClient, _ f: ConsoleFixture) async throws {
        let e = try await api.post("/v1/events", ["project_id": f.project, "title": "义诊前的布置", "venue": "社区服务中心",
                                                  "start": "\(f.day)T08:30", "end": "\(f.day)T10:30", "roles": [["skill": "companion", "count": 1]]])
        #expect(e.status == .created, "\(e.text)")
    }

    /// Posts the week's generate form and follows the job, as the progress bar does, to the draft's address.
    static func generate(_ client: inout ConsoleClient, _ f: ConsoleFixture) async throws -> String {
        let week = try await client.get("/week?start=\(f.day)")
        #expect(week.text.contains(#"action="/rosters/generate""#), "\(week.text)")
        let asked = try await client.post("/rosters/generate", ["community": f.community, "from": f.day, "to": f.day], csrf: ConsoleClient.csrf(in: week.text))
        let job = try #require(asked.headers[.location], "\(asked.status) \(asked.text)")
        #expect(asked.status == .seeOther && job.hasPrefix("/jobs/"))
        let page = try await client.get(job)
        #expect(page.status == .seeOther || page.text.contains("<progress"), "\(page.text)")
        for _ in 0..<300 {
            let progress = try await client.get(job + "/progress")
            #expect(progress.status == .ok && progress.string("phase_text") != nil, "\(progress.text)")
            if let next = progress.string("next") {
                #expect(try await client.get(job).headers[.location] == next)
                return next
            }
            #expect(progress.string("state") != "failed", "\(progress.text)")
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the generation did not finish")
        return ""
    }

    @Test func anOrganiserGeneratesReadsTheChangesAndPublishes() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await Self.morningEvent(api, f)
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            let draft = try await Self.generate(&organiser, f)
            let page = try await organiser.get(draft)
            #expect(page.status == .ok, "\(page.text)")
            #expect(page.text.contains("草稿") && page.text.contains("义诊前的布置") && page.text.contains("新增 1 人次"), "\(page.text)")
            #expect(page.text.contains(#"action="\#(draft)/publish""#))
            // Nothing is published until the organiser says so.
            let before = try await organiser.get("/week?start=\(f.day)")
            #expect(before.text.contains("0/1") && before.text.contains("尚未发布排班"), "\(before.text)")

            let published = try await organiser.post(draft + "/publish", [:], csrf: ConsoleClient.csrf(in: page.text))
            #expect(published.status == .seeOther && published.headers[.location] == draft + "?done=published")
            let after = try await organiser.get(draft + "?done=published")
            #expect(after.text.contains("已发布") && !after.text.contains(#"action="\#(draft)/publish""#), "\(after.text)")
            let week = try await organiser.get("/week?start=\(f.day)")
            #expect(week.text.contains("1/1") && week.text.contains("3/3") && !week.text.contains("尚未发布排班"), "\(week.text)")
            // The publication is the console session's.
            #expect(try await api.database.count("SELECT count(*) FROM audit_log WHERE table_name = 'roster_versions' AND operation = 'update' AND actor LIKE 'console session % (organiser)'") >= 1)
        }
    }

    @Test func aDraftMadeBeforeAnotherPublicationIsRefusedInWords() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await Self.morningEvent(api, f)
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            let first = try await Self.generate(&organiser, f)
            let second = try await Self.generate(&organiser, f)
            let csrf = ConsoleClient.csrf(in: try await organiser.get(first).text)
            #expect(try await organiser.post(first + "/publish", [:], csrf: csrf).status == .seeOther)
            let refused = try await organiser.post(second + "/publish", [:], csrf: csrf)
            #expect(refused.status == .conflict && refused.text.contains("请重新生成后再发布"), "\(refused.text)")
            #expect(!refused.text.contains("roster "), "the store's English message, with an id, stays out of the page")
            #expect(try await api.database.count("SELECT count(*) FROM roster_versions WHERE status = 'draft'") == 1)
        }
    }

    @Test func anotherCommunitysOrganiserAndALiaisonCannotGenerateReadOrPublish() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "organiser", .organiser)
            try await f.account(api, "liaison", .liaison)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            let draft = try await Self.generate(&organiser, f)
            let job = try #require(try await api.database.strings("SELECT id::text FROM jobs LIMIT 1").first)

            let other = try await api.community("zhuzhai", name: "朱寨社区")
            let scope = Principal(tokenID: UUID(), role: .organiser, community: .init(other))
            _ = try await AccountRepository(api.database).create(login: "zhuzhai", displayName: "朱寨", passwordHash: try await Passwords.hash("a-good-password"), scope: scope)
            var stranger = ConsoleClient(api)
            _ = try await stranger.signIn("zhuzhai", "a-good-password")
            let theirs = ConsoleClient.csrf(in: try await stranger.get("/week").text)
            for path in [draft, "/jobs/\(job)", "/jobs/\(job)/progress"] {
                let r = try await stranger.get(path)
                #expect(r.status == .notFound && !r.text.contains("王秀英"), "\(path): \(r.status)")
            }
            #expect(try await stranger.post(draft + "/publish", [:], csrf: theirs).status == .notFound)
            // Their own generation is for their own community, whatever the form says.
            let own = try await stranger.post("/rosters/generate", ["community": f.community, "from": f.day, "to": f.day], csrf: theirs)
            #expect(own.status == .seeOther)
            #expect(try await api.database.count("SELECT count(*) FROM jobs WHERE community_id = '\(other)'") == 1)

            var liaison = ConsoleClient(api)
            _ = try await liaison.signIn("liaison", "a-good-password")
            let home = try await liaison.get("/unit")
            let refused = try await liaison.post("/rosters/generate", ["community": f.community, "from": f.day, "to": f.day], csrf: ConsoleClient.csrf(in: home.text))
            #expect(refused.status == .forbidden)
            #expect(try await api.database.count("SELECT count(*) FROM roster_versions WHERE status = 'published'") == 1)
        }
    }
}
