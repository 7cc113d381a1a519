import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// A volunteer's calendar link from /me (issue 17): a secret feed URL shown once, that a phone's
/// calendar opens without signing in; a new link retires the old one, and stopping retires both.
@Suite("Console calendar link")
struct ConsoleCalendarTests {
    static func feedPath(_ page: Reply) throws -> String {
        try #require(page.text.firstMatch(of: /<code class="feed">https?:\/\/[^\/]+(\/v1\/calendar\/[^<]+\.ics)<\/code>/).map { String($0.1) }, "\(page.text)")
    }

    @Test func aVolunteerGetsAFeedLinkThatWorksUntilReplacedOrStopped() async throws {
        try await withAPI { api in
            _ = try await ConsoleFixture.make(api)
            var volunteer = ConsoleClient(api)
            _ = try await volunteer.signIn(phone: ConsoleFixture.phones[0])
            let me = try await volunteer.get("/me")
            #expect(me.text.contains("订阅我的日历"))
            let csrf = ConsoleClient.csrf(in: me.text)
            let first = try await volunteer.post("/me/calendar", [:], csrf: csrf)
            #expect(first.status == .ok && first.text.contains("webcal://"), "\(first.text)")
            let path = try Self.feedPath(first)
            let feed = try await api.as(nil).get(path)
            #expect(feed.status == .ok && feed.text.contains("BEGIN:VCALENDAR") && feed.text.contains("我陪老人看电影"), "\(feed.text)")

            let second = try await volunteer.post("/me/calendar", [:], csrf: csrf)
            let newer = try Self.feedPath(second)
            #expect(newer != path)
            #expect(try await api.as(nil).get(path).status == .notFound, "the first link stops when a new one is made")
            #expect(try await api.as(nil).get(newer).status == .ok)

            let stopped = try await volunteer.post("/me/calendar/stop", [:], csrf: csrf)
            #expect(stopped.status == .seeOther && stopped.headers[.location] == "/me?done=calendar_stopped")
            #expect(try await api.as(nil).get(newer).status == .notFound)
            #expect(try await volunteer.get("/me?done=calendar_stopped").text.contains("日历订阅已停止"))
        }
    }
}
