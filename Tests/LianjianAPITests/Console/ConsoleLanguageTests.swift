import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// The bar's language link (issue 17): the choice outlasts the browser's Accept-Language, comes
/// back to the page it was made on, and never sends anyone to another site.
@Suite("Console language switch")
struct ConsoleLanguageTests {
    @Test func aReaderSwitchesToEnglishAndBack() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            let chinese = try await organiser.get("/plans")
            #expect(chinese.text.contains("服务计划") && chinese.text.contains(#"href="/language?to=en""#))
            let switched = try await organiser.api.send(.get, "/language?to=en", headers: [
                .cookie: organiser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "), .referer: "https://evil.example/plans",
            ])
            #expect(switched.status == .seeOther && switched.headers[.location] == "/", "another site's page is not where it goes back to")
            let cookie = try #require(ConsoleClient.setCookies(switched).first { $0.hasPrefix("lj_lang=en") }, "\(switched.headers)")
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            organiser.cookies["lj_lang"] = "en"
            let english = try await organiser.get("/plans")
            #expect(english.text.contains("Service plans") && english.text.contains("Sign out") && english.text.contains(#"lang="en""#), "\(english.text)")
            #expect(english.text.contains(#"href="/language?to=zh-CN""#))
            #expect(english.headers[.contentLanguage] == "en")
        }
    }

    @Test func theWayBackIsAPageOfThisSiteOnly() {
        #expect(ConsoleController.samePage("http://lianjian.local:8080/week?start=2026-12-07", host: "lianjian.local:8080") == "/week?start=2026-12-07")
        #expect(ConsoleController.samePage("https://evil.example/week", host: "lianjian.local:8080") == nil)
        #expect(ConsoleController.samePage(nil, host: "lianjian.local:8080") == nil)
        #expect(ConsoleController.samePage("http://lianjian.local:8080/language?to=en", host: "lianjian.local:8080") == nil)
    }
}
