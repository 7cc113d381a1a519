import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// The admin's pages (issue 17): accounts created from the form, tokens issued (the secret
/// shown once) and revoked, and the audit log filtered — all refused to anyone but an admin.
@Suite("Console admin pages")
struct ConsoleAdminTests {
    static func admin(_ api: APIClient, _ f: ConsoleFixture) async throws -> ConsoleClient {
        try await f.account(api, "root", .admin)
        var admin = ConsoleClient(api)
        _ = try await admin.signIn("root", "a-good-password")
        return admin
    }

    @Test func anAdminCreatesAnOrganisersAccountThatSignsIn() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            var admin = try await Self.admin(api, f)
            let page = try await admin.get("/admin/accounts")
            #expect(page.status == .ok && page.text.contains("root"), "\(page.text)")
            let csrf = ConsoleClient.csrf(in: page.text)
            let fields = ["login": "xiangyuan", "name": "向阳社区组织者", "role": "organiser", "community": f.community, "unit": "",
                          "password": "a-long-enough-password"]
            let created = try await admin.post("/admin/accounts", fields, csrf: csrf)
            #expect(created.status == .seeOther && created.headers[.location] == "/admin/accounts?done=created", "\(created.text)")
            let list = try await admin.get("/admin/accounts?done=created")
            #expect(list.text.contains("账号已建立") && list.text.contains("向阳社区组织者") && list.text.contains("社区组织者"), "\(list.text)")
            var organiser = ConsoleClient(api)
            let signedIn = try await organiser.signIn("xiangyuan", "a-long-enough-password")
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/")
            #expect(try await organiser.get("/week").status == .ok)

            var weak = fields
            weak["login"] = "another"
            weak["password"] = "short"
            #expect(try await admin.post("/admin/accounts", weak, csrf: csrf).status == .unprocessableContent)
            var noScope = fields
            noScope["login"] = "third"
            noScope["community"] = ""
            let refused = try await admin.post("/admin/accounts", noScope, csrf: csrf)
            #expect(refused.status == .unprocessableContent && refused.text.contains("请为组织者选择社区"))
            let taken = try await admin.post("/admin/accounts", fields, csrf: csrf)
            #expect(taken.status == .conflict && taken.text.contains("这个登录名已被使用"))

            let audit = try await admin.get("/admin/audit?table=accounts")
            #expect(audit.status == .ok && audit.text.contains("xiangyuan") && audit.text.contains("新增"), "\(audit.text)")
            #expect(!audit.text.contains("password_hash") && !audit.text.contains("$2b$"), "no password hash in the audit page")
            let uuid = try Regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<")
            #expect(audit.text.firstMatch(of: uuid) == nil, "ids are shortened where people read them")
        }
    }

    @Test func aTokenIsShownOnceWorksAndStopsWhenRevoked() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            var admin = try await Self.admin(api, f)
            let csrf = ConsoleClient.csrf(in: try await admin.get("/admin/tokens").text)
            let issued = try await admin.post("/admin/tokens", ["label": "医院信息科", "days": "30", "role": "liaison", "unit": f.unit, "community": ""],
                                              csrf: csrf)
            #expect(issued.status == .ok && issued.text.contains("只显示这一次"), "\(issued.text)")
            let secret = try #require(issued.text.firstMatch(of: /<code>([^<]+)<\/code>/).map { String($0.1) })
            #expect(try await api.as(secret).get("/v1/me").status == .ok)
            let list = try await admin.get("/admin/tokens")
            #expect(!list.text.contains(secret), "the secret is never shown again")
            let revoke = try #require(list.text.firstMatch(of: /action="(\/admin\/tokens\/[0-9a-f-]+\/revoke)"/).map { String($0.1) })
            // The fixture's own admin token is listed too; revoke the one issued here.
            let rows = list.text.components(separatedBy: "<tr")
            let mine = try #require(rows.first { $0.contains("医院信息科") })
            let action = try #require(mine.firstMatch(of: /action="(\/admin\/tokens\/[0-9a-f-]+\/revoke)"/).map { String($0.1) })
            #expect(!revoke.isEmpty)
            let revoked = try await admin.post(action, [:], csrf: csrf)
            #expect(revoked.status == .seeOther && revoked.headers[.location] == "/admin/tokens?done=revoked")
            #expect(try await api.as(secret).get("/v1/me").status == .unauthorized)
        }
    }

    @Test func onlyAnAdminOpensThem() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            for path in ["/admin/accounts", "/admin/tokens", "/admin/audit"] {
                #expect(try await organiser.get(path).status == .forbidden, "\(path)")
            }
            let csrf = ConsoleClient.csrf(in: try await organiser.get("/week").text)
            let post = try await organiser.post("/admin/accounts", ["login": "x", "name": "x", "role": "admin", "password": "a-long-enough-password"], csrf: csrf)
            #expect(post.status == .forbidden)
            #expect(try await AccountRepository(api.database).list().contains { $0.login == "x" } == false)
        }
    }

    @Test func idsAreShortenedWhereverTheyAreInAText() {
        let id = "8ec33a15-b48b-4fb3-9cee-265042569123"
        #expect(AuditView.short("role_id \(id), volunteer \(id.uppercased())") == "role_id 8ec33a15…, volunteer 8EC33A15…")
        #expect(AuditView.short("王伟 8ec33a15-b48b-4fb3-9cee-26504256912") == "王伟 8ec33a15-b48b-4fb3-9cee-26504256912", "one short of an id")
        #expect(AuditView.short(String(repeating: "长", count: 300)).count == 200)
    }
}
