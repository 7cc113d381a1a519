import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// The console's side of service records (issue 18): a phone scanning the sheet's QR code signs
/// in by text message and lands on the event's check-in, one tap each way; the organiser's page
/// shows the code and makes the hours final; the pledge report and a volunteer's certificate.
@Suite("Console: check-in, hours, report and certificate")
struct ConsoleRecordsTests {
    @Test func aScannedCodeSignsInThroughTheTextMessageSignIn() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await CheckInTests.outingNow(api, f)
            let code = try #require(try await api.get("/v1/events/\(event)/checkin-code").string("code"))
            var phone = ConsoleClient(api)
            let scanned = try await phone.get("/checkin/\(event)/\(code)")
            #expect(scanned.status == .seeOther && scanned.headers[.location] == "/login/code?next=/checkin/\(event)/\(code)", "\(scanned.headers)")
            let form = try await phone.get("/login/code?next=/checkin/\(event)/\(code)")
            #expect(form.text.contains("name=\"next\" value=\"/checkin/\(event)/\(code)\""), "the sign-in keeps where it goes next")
            let sms = ConsoleCodes.newCode()
            #expect(try await SignInCodeRepository(api.database).issue(phone: ConsoleFixture.phones[0], code: sms) == .sent)
            let signedIn = try await phone.post("/login/code/verify", ["phone": ConsoleFixture.phones[0], "code": sms, "next": "/checkin/\(event)/\(code)"],
                                                csrf: ConsoleClient.csrf(in: form.text))
            #expect(signedIn.headers[.location] == "/checkin/\(event)/\(code)", "\(signedIn.headers)")
            let page = try await phone.get("/checkin/\(event)/\(code)")
            #expect(page.status == .ok && page.text.contains("我陪老人看电影") && page.text.contains("value=\"\(code)\"") && page.text.contains("还没有签到"), "\(page.text)")
            let tap = try await phone.post("/checkin/\(event)", ["code": code], csrf: ConsoleClient.csrf(in: page.text))
            #expect(tap.headers[.location] == "/checkin/\(event)/\(code)?done=in", "\(tap.status) \(tap.text)")
            let after = try await phone.get("/checkin/\(event)/\(code)?done=in")
            #expect(after.text.contains("签到成功") && after.text.contains("签退") && after.text.contains("value=\"\(code)\""), "one tap signs out: \(after.text)")
            let wrong = try await phone.post("/checkin/\(event)", ["code": "ZZZZZZ"], csrf: ConsoleClient.csrf(in: after.text))
            #expect(wrong.status == .unprocessableContent && wrong.text.contains("不是这场活动的签到码"), "\(wrong.text)")
            let me = try await phone.get("/me")
            #expect(me.text.contains("/checkin/\(event)") && me.text.contains("我的志愿服务记录证明"), "today's assignment links to its check-in")
        }
    }

    @Test func theOrganiserSeesTheCodeAndConfirmsTheHours() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await CheckInTests.outingNow(api, f)
            try await f.account(api, "xy-organiser", .organiser)
            var browser = ConsoleClient(api)
            _ = try await browser.signIn("xy-organiser", "a-good-password")
            let page = try await browser.get("/events/\(event)")
            let code = try #require(try await api.get("/v1/events/\(event)/checkin-code").string("code"))
            #expect(page.text.contains(code) && page.text.contains("/events/\(event)/checkin-qr.svg") && page.text.contains("确认服务时长"), "\(page.text)")
            let svg = try await browser.get("/events/\(event)/checkin-qr.svg")
            #expect(svg.status == .ok && svg.text.hasPrefix("<svg"))
            let early = try await browser.post("/events/\(event)/hours/confirm", [:], csrf: ConsoleClient.csrf(in: page.text))
            #expect(early.headers[.location] == "/events/\(event)?refused=early")
            try await api.database.execute("UPDATE events SET starts_at = now() - interval '4 hours', ends_at = now() - interval '1 hour' WHERE id = '\(event)'")
            let done = try await browser.post("/events/\(event)/hours/confirm", [:], csrf: ConsoleClient.csrf(in: page.text))
            #expect(done.headers[.location] == "/events/\(event)?done=confirmed")
            #expect(try await browser.get("/events/\(event)?done=confirmed").text.contains("服务时长已确认，不再更改"))
        }
    }

    @Test func theReportPageAndTheCertificate() async throws {
        try await withAPI { api in
            let s = try await PledgeReportTests.setting(api)
            let m = PledgeReportTests.month
            _ = try await api.post("/v1/projects/\(s.clinic)/pledges", ["minutes_per_month": 600, "events": 2, "from": "\(m)-01", "to": "2030-12-31"])
            try await s.f.account(api, "justice-liaison", .liaison)
            var liaison = ConsoleClient(api)
            _ = try await liaison.signIn("justice-liaison", "a-good-password")
            let page = try await liaison.get("/reports/pledges?month=\(m)")
            #expect(page.status == .ok && page.text.contains("法律服务零距离") && page.text.contains("6 / 10") && page.text.contains("时长不足"), "\(page.text)")
            #expect(page.text.contains("/reports/pledges?month=\(m)&amp;format=csv"))
            let csv = try await liaison.get("/reports/pledges?month=\(m)&format=csv")
            #expect(csv.status == .ok && csv.text.contains("法律服务零距离,法律服务,香园街社区,上街区司法局,10,6,2,1,3,2,1"), "\(csv.text)")
            #expect(try await liaison.get("/reports/pledges?month=\(m)&unit=\(s.hospital)").status == .notFound)

            var phone = ConsoleClient(api)
            _ = try await phone.signIn(phone: ConsoleFixture.phones[0])
            let certificate = try await phone.get("/me/certificate?format=html&from=\(m)-01&to=\(m)-28")
            #expect(certificate.status == .ok && certificate.text.contains("志愿服务记录证明") && certificate.text.contains("王秀英")
                    && certificate.text.contains("3.5"), "\(certificate.text)")
        }
    }
}

/// The residents' form and tracking pages, with no account (issue 19).
@Suite("Console: the building's request form and tracking")
struct ConsoleIntakeTests {
    @Test func aResidentSendsARequestAndFollowsIt() async throws {
        try await withAPI { api in
            let e = try await RequestTests.estate(api)
            let code = try #require(e.buildings["4号楼"]?.code)
            var phone = ConsoleClient(api)
            let form = try await phone.get("/intake/\(code)")
            #expect(form.status == .ok && form.text.contains("二十里铺社区 · 陇海安居小区 · 4号楼") && form.text.contains("停车难"), "\(form.text.prefix(400))")
            let empty = try await phone.post("/intake/\(code)", ["category": "drains", "text": " "], csrf: ConsoleClient.csrf(in: form.text))
            #expect(empty.status == .unprocessableContent && empty.text.contains("请写明反映的问题"), "\(empty.status) \(empty.text)")
            let sent = try await phone.post("/intake/\(code)", ["category": "drains", "text": "楼下下水道堵了", "resident_phone": "13812340000"],
                                            csrf: ConsoleClient.csrf(in: form.text))
            #expect(sent.status == .created && sent.text.contains("已收到您的诉求"), "\(sent.text)")
            let number = try #require(sent.text.firstMatch(of: /MQ-[2-9A-HJKMNP-Z]{8}/).map { String($0.output) })
            let track = try await phone.get("/track?number=\(number)")
            #expect(track.status == .ok && track.text.contains("征集") && track.text.contains("下水道堵塞") && !track.text.contains("13812340000"), "\(track.text)")
            #expect(try await phone.get("/track?number=MQ-22222222").status == .notFound)
            #expect(try await phone.get("/intake/zzzzzzzz").status == .notFound)
            let robot = try await phone.post("/intake/\(code)", ["category": "other", "text": "spam", "website": "x"], csrf: ConsoleClient.csrf(in: form.text))
            #expect(robot.status == .created)
            #expect(try await api.database.count("SELECT count(*) FROM resident_requests") == 1)
        }
    }
}
