import Foundation
import Hummingbird
@testable import LianjianAPI
import HTTPTypes
import LianjianDomain
import LianjianStore
import Testing

/// The console's pages (issue 17): the week, a volunteer's answers, forms and escaping.
@Suite("Console pages")
struct ConsolePageTests {
    @Test func aVolunteerDeclinesAndTheOrganisersWeekShowsThePlaceShort() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            #expect(try await organiser.signIn("organiser", "a-good-password").headers[.location] == "/")
            let before = try await organiser.get("/week?start=\(f.day)")
            #expect(before.status == .ok && before.text.contains("王秀英") && before.text.contains("3/3"), "\(before.text)")
            #expect(!before.text.contains(#"class="role short""#))

            var volunteer = ConsoleClient(api)
            #expect(try await volunteer.signIn(phone: ConsoleFixture.phones[0]).headers[.location] == "/me")
            let mine = try await volunteer.get("/me")
            let action = try #require(mine.text.range(of: #"/decline""#).map { String(mine.text[..<$0.lowerBound].suffix(36)) })
            let declined = try await volunteer.post("/me/assignments/\(action)/decline", ["reason": "家里有事"], csrf: ConsoleClient.csrf(in: mine.text))
            #expect(declined.status == .seeOther && declined.headers[.location] == "/me?done=declined")
            let after = try await volunteer.get("/me?done=declined")
            #expect(after.text.contains("已婉拒") && !after.text.contains(action), "\(after.text)")
            // Recorded as the volunteer's own answer, through the console.
            #expect(try await api.database.count("SELECT count(*) FROM audit_log WHERE table_name = 'assignment_responses' AND actor LIKE 'console session % (volunteer)'") == 1)

            let week = try await organiser.get("/week?start=\(f.day)")
            #expect(week.text.contains("2/3") && week.text.contains(#"class="role short""#) && week.text.contains(#"<li class="declined"><span class="name">王秀英</span>"#), "\(week.text)")
            #expect(week.text.contains("本周还缺 1 人次"))
        }
    }

    @Test func aFormWithoutOrWithAnotherSessionsTokenIsRefusedAndChangesNothing() async throws {
        try await withAPI { api in
            _ = try await ConsoleFixture.make(api)
            var first = ConsoleClient(api), second = ConsoleClient(api)
            _ = try await first.signIn(phone: ConsoleFixture.phones[0])
            _ = try await second.signIn(phone: ConsoleFixture.phones[1])
            let mine = try await first.get("/me")
            let role = try #require(mine.text.range(of: #"/confirm""#).map { String(mine.text[..<$0.lowerBound].suffix(36)) })
            let theirs = ConsoleClient.csrf(in: try await second.get("/me").text)
            for token in [nil, theirs, "x"] {
                let r = try await first.post("/me/assignments/\(role)/confirm", [:], csrf: token)
                #expect(r.status == .forbidden && r.text.contains("表单已过期"), "\(token ?? "none"): \(r.status)")
            }
            #expect(try await api.database.count("SELECT count(*) FROM assignment_responses") == 0)
            let ok = try await first.post("/me/assignments/\(role)/confirm", [:], csrf: ConsoleClient.csrf(in: mine.text))
            #expect(ok.status == .seeOther)
            #expect(try await api.database.count("SELECT count(*) FROM assignment_responses WHERE response = 'confirmed'") == 1)
            // A sign-in form needs its token too.
            var stranger = ConsoleClient(api)
            #expect(try await stranger.post("/login", ["login": "x", "password": "y"], csrf: nil).status == .forbidden)
        }
    }

    @Test func aNameWithMarkupRendersAsText() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api, names: ["<script>alert(1)</script>", "李建国", "张桂兰"])
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            let week = try await organiser.get("/week?start=\(f.day)")
            #expect(week.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !week.text.contains("<script>"), "\(week.text)")
            #expect(week.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
        }
    }

    @Test func eachPageIsOpenOnlyToItsRolesAndScopes() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "liaison", .liaison)
            var anonymous = ConsoleClient(api)
            let away = try await anonymous.get("/week")
            #expect(away.status == .seeOther && away.headers[.location] == "/login?next=/week")
            #expect(try await anonymous.get("/me").status == .seeOther)
            var liaison = ConsoleClient(api)
            _ = try await liaison.signIn("liaison", "a-good-password")
            let week = try await liaison.get("/week?start=\(f.day)")
            #expect(week.status == .forbidden && !week.text.contains("王秀英"))
            #expect(try await liaison.get("/me").status == .forbidden)
            // An organiser of another community: the API's rule for the roster view refuses, as a 404.
            let other = try await api.community("zhuzhai", name: "朱寨社区")
            let scope = Principal(tokenID: UUID(), role: .organiser, community: .init(other))
            _ = try await AccountRepository(api.database).create(login: "zhuzhai", displayName: "朱寨", passwordHash: try await Passwords.hash("a-good-password"), scope: scope)
            var stranger = ConsoleClient(api)
            _ = try await stranger.signIn("zhuzhai", "a-good-password")
            let theirs = try await stranger.get("/week?start=\(f.day)&community=\(f.community)")
            #expect(theirs.status == .ok && !theirs.text.contains("王秀英") && theirs.text.contains("朱寨社区"))
            // A volunteer answers only their own assignments.
            var volunteer = ConsoleClient(api)
            _ = try await volunteer.signIn(phone: ConsoleFixture.phones[0])
            let page = try await volunteer.get("/me")
            let r = try await volunteer.post("/me/assignments/\(UUID().uuidString.lowercased())/decline", [:], csrf: ConsoleClient.csrf(in: page.text))
            #expect(r.status == .notFound)
            #expect(try await anonymous.get("/nothing-here").status == .notFound)
        }
    }

    @Test func bothLanguagesHaveEveryWordTheTemplatesUse() throws {
        #expect(Set(ConsoleText.strings(.chinese).keys) == Set(ConsoleText.strings(.english).keys))
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/LianjianAPI/Resources/console")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 7)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: /\{\{t\.([a-z_]+)\}\}/) {
                #expect(ConsoleText.strings(.chinese)[String(match.1)] != nil, "\(file) uses t.\(match.1), which the catalogue lacks")
            }
            #expect(!text.contains("{{{") && !text.contains("{{&"), "\(file) writes a value unescaped")
        }
    }
}
