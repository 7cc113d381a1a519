import Foundation
import Hummingbird
import HummingbirdTesting
@testable import LianjianAPI
import HTTPTypes
import LianjianDomain
import LianjianStore
import TestSupport
import Testing

/// Signing in to the console (issue 17, item 2): passwords, the lockout, codes, cookies.
@Suite("Console sign-in")
struct ConsoleSignInTests {
    @Test func fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() async throws {
        try await withAPI { api in
            let f = try await ClinicFixture.make(api)
            let scope = Principal(tokenID: UUID(), role: .organiser, community: .init(f.community))
            _ = try await AccountRepository(api.database).create(login: "wang", displayName: "王主任", passwordHash: try await Passwords.hash("right-password"), scope: scope)
            var browser = ConsoleClient(api)
            for attempt in 1...5 {
                let r = try await browser.signIn("Wang", "wrong-password-\(attempt)")
                #expect(r.status == .unauthorized)
                #expect(r.text.contains(attempt < 5 ? "账号或密码不对" : "已暂时锁定"), "attempt \(attempt): \(r.text)")
            }
            let locked = try await browser.signIn("wang", "right-password")
            #expect(locked.status == .unauthorized && locked.text.contains("已暂时锁定"))
            #expect(browser.cookies[ConsoleMiddleware.sessionCookie] == nil)
            // An admin's new password unlocks it.
            _ = try await AccountRepository(api.database).setPassword(login: "wang", passwordHash: try await Passwords.hash("new-password-1"))
            let good = try await browser.signIn("wang", "new-password-1")
            #expect(good.status == .seeOther && good.headers[.location] == "/")
        }
    }

    @Test func theSessionCookieIsHttpOnlyLaxAndItsSecretIsStoredHashed() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "organiser", .organiser)
            var browser = ConsoleClient(api)
            let r = try await browser.signIn("organiser", "a-good-password")
            let cookie = try #require(ConsoleClient.setCookies(r).first { $0.hasPrefix("lj_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/") && !cookie.contains("Secure"))
            let secret = try #require(browser.cookies["lj_session"])
            let stored = try await api.database.count("SELECT count(*) FROM console_sessions WHERE secret_hash = sha256(convert_to('\(secret)', 'UTF8'))")
            #expect(stored == 1)
            let plain = try await api.database.count("SELECT count(*) FROM console_sessions WHERE encode(secret_hash, 'escape') LIKE '%\(secret.prefix(12))%'")
            #expect(plain == 0)
            // No password hash reaches the audit log.
            let audit = try await api.get("/v1/audit?table=accounts")
            #expect(audit.status == .ok && audit.text.contains("organiser") && !audit.text.contains("$2b$") && !audit.text.contains("password_hash"))
            // Signing out ends the session in the database, not only in the browser.
            let page = try await browser.get("/week")
            _ = try await browser.post("/logout", [:], csrf: ConsoleClient.csrf(in: page.text))
            #expect(try await SessionRepository(api.database).find(secret: secret) == nil)
        }
    }

    @Test func behindTLSTheCookiesAreSecure() async throws {
        try await TestDatabase.with { db in
            let app = Application(router: buildRouter(database: db, secureCookies: true))
            try await app.test(.router) { client in
                let r = try await client.execute(uri: "/login", method: .get) { $0 }
                #expect(r.headers[values: .setCookie].allSatisfy { $0.contains("Secure") && $0.contains("HttpOnly") })
                #expect(!r.headers[values: .setCookie].isEmpty)
            }
        }
    }

    @Test func aVolunteerSignsInWithACodeThatWorksOnceAndNeverShowsInTheOutbox() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let codes = SignInCodeRepository(api.database)
            var browser = ConsoleClient(api)
            let page = try await browser.get("/login/code")
            let asked = try await browser.post("/login/code", ["phone": "139 0000 0201"], csrf: ConsoleClient.csrf(in: page.text))
            #expect(asked.status == .ok && asked.text.contains("/login/code/verify"))
            // The same answer for a number nobody has, so the form tells nobody who is a volunteer.
            let unknown = try await browser.post("/login/code", ["phone": "13900009999"], csrf: ConsoleClient.csrf(in: page.text))
            #expect(unknown.status == .ok && unknown.text.contains("/login/code/verify"))
            // A second code within a minute is not sent.
            #expect(try await codes.issue(phone: ConsoleFixture.phones[0], code: "123456") == .tooSoon)
            let outbox = try await api.get("/v1/notifications")
            let code = try await api.database.strings("SELECT code FROM notifications WHERE kind = 'sign_in_code'").first ?? ""
            #expect(code.count == 6 && !outbox.text.contains(code) && outbox.text.contains("sign_in_code"), "\(outbox.text.prefix(300))")
            let wrong = try await browser.post("/login/code/verify", ["phone": ConsoleFixture.phones[0], "code": code == "000000" ? "111111" : "000000"],
                                               csrf: ConsoleClient.csrf(in: page.text))
            #expect(wrong.status == .unauthorized && wrong.text.contains("验证码不对"))
            let right = try await browser.post("/login/code/verify", ["phone": ConsoleFixture.phones[0], "code": code], csrf: ConsoleClient.csrf(in: page.text))
            #expect(right.status == .seeOther && right.headers[.location] == "/me", "\(right.status) \(right.text.prefix(1500))")
            let me = try await browser.get("/me")
            #expect(me.status == .ok && me.text.contains("我陪老人看电影"), "\(me.text)")
            // Used up: the same code does not sign in again.
            var other = ConsoleClient(api)
            let again = try await other.post("/login/code/verify", ["phone": ConsoleFixture.phones[0], "code": code],
                                             csrf: ConsoleClient.csrf(in: try await other.get("/login/code").text))
            #expect(again.status == .unauthorized)
            _ = f
        }
    }

    @Test func fiveWrongCodesVoidTheCode() async throws {
        try await withAPI { api in
            _ = try await ConsoleFixture.make(api)
            let codes = SignInCodeRepository(api.database)
            let phone = ConsoleFixture.phones[1]
            #expect(try await codes.issue(phone: phone, code: "424242") == .sent)
            for wrong in ["000001", "000002", "000003", "000004", "000005"] {
                #expect(try await codes.redeem(phone: phone, code: wrong) == nil)
            }
            #expect(try await codes.redeem(phone: phone, code: "424242") == nil)
        }
    }
}
