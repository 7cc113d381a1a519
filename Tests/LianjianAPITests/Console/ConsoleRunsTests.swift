import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianJobs
import LianjianStore
import Logging
import Testing

/// The nightly runs and outbox pages (issue 17): a real night's record in words, the messages
/// it wrote with phones cut to their last four digits, and sign-in codes never shown.
@Suite("Console runs and outbox")
struct ConsoleRunsTests {
    @Test func anOrganiserReadsLastNightInWordsAndTheMessagesItWrote() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api, names: ["王秀英", "李建国"])
            // A second outing the night has to staff, three days on.
            let zone = TimeZone(identifier: "Asia/Shanghai")!
            let day = LocalDate(Date(), in: zone).adding(days: 3)
            let e = try await api.post("/v1/events", ["project_id": f.project, "title": "法律咨询", "venue": "社区服务中心",
                                                      "start": "\(day)T09:00", "end": "\(day)T11:00", "roles": [["skill": "companion", "count": 1]]])
            #expect(e.status == .created, "\(e.text)")
            _ = try await Nightly(database: api.database, logger: Logger(label: "test"))
                .run(.init(asOf: LocalDate(Date(), in: zone), horizonDays: 14, freezeHours: 0))
            _ = try await SignInCodeRepository(api.database).issue(phone: ConsoleFixture.phones[0], code: "734911")
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            let runs = try await organiser.get("/runs")
            #expect(runs.status == .ok, "\(runs.text)")
            for text in ["夜间排班", "新增安排 1 人次", "重排并发布排班", "排未来 14 天"] { #expect(runs.text.contains(text), "\(text) missing: \(runs.text)") }
            #expect(!runs.text.contains("assignments_added") && !runs.text.contains("nil"))
            let outbox = try await organiser.get("/outbox")
            #expect(outbox.status == .ok && outbox.text.contains("新安排 1 项") && outbox.text.contains("登录验证码"), "\(outbox.text)")
            #expect(outbox.text.contains("*******0201") || outbox.text.contains("0201"), "the phone's last four digits")
            #expect(!outbox.text.contains("13900000201") && !outbox.text.contains("734911"), "no whole phone, never a code")
            let pending = try await organiser.get("/outbox?state=dead")
            #expect(pending.text.contains("没有这类通知"))
        }
    }

    @Test func aLiaisonAndAVolunteerCannotOpenThem() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "liaison", .liaison)
            var liaison = ConsoleClient(api)
            _ = try await liaison.signIn("liaison", "a-good-password")
            for path in ["/runs", "/outbox"] { #expect(try await liaison.get(path).status == .forbidden, "\(path)") }
            var volunteer = ConsoleClient(api)
            _ = try await volunteer.signIn(phone: ConsoleFixture.phones[1])
            for path in ["/runs", "/outbox"] { #expect(try await volunteer.get(path).status == .forbidden, "\(path)") }
        }
    }
}
