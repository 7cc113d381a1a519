import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// Structured pledges and the monthly report (issue 18): one unit short of its pledge and one
/// over it, every number checked against a hand computation; the nightly outlook of the month
/// after; scopes; and bad pledges refused by field.
@Suite("Pledges and the monthly report")
struct PledgeReportTests {
    /// Last month (the one a report is due for), `YYYY-MM`.
    static var month: String {
        let first = LocalDate(Date(), in: TimeZone(identifier: "Asia/Shanghai")!).startOfMonth.adding(days: -1).startOfMonth
        return String(first.description.prefix(7))
    }

    struct Setting {
        var f: ConsoleFixture
        var justice: String, clinic: String
        var hospital: String, health: String
    }

    /// The justice bureau's outing on the 14th (three companions needed: two came, 3.5 h and
    /// 2.5 h, one did not) and the hospital's clinic on the 20th (two doctors needed, both came as
    /// walk-ins for 3 h each), both last month.
    static func setting(_ api: APIClient) async throws -> Setting {
        let f = try await ConsoleFixture.make(api)
        let m = month
        let outing = try await AttendanceTests.outing(api, f)
        try await api.database.execute("UPDATE events SET starts_at = '\(m)-14 13:30+08', ends_at = '\(m)-14 17:00+08' WHERE id = '\(outing)'")
        let r = try await api.post("/v1/events/\(outing)/attendance", ["entries": [
            AttendanceTests.entry(f.volunteers[0], "sign_in", "\(m)-14T13:30"), AttendanceTests.entry(f.volunteers[0], "sign_out", "\(m)-14T17:00"),
            AttendanceTests.entry(f.volunteers[1], "sign_in", "\(m)-14T13:30"), AttendanceTests.entry(f.volunteers[1], "sign_out", "\(m)-14T16:00"),
            AttendanceTests.entry(f.volunteers[2], "no_show", "\(m)-14T14:00"),
        ]])
        #expect(r.status == .ok, "\(r.text)")

        let hospital = try await api.unit("tcm-hospital", name: "上街区中医院")
        let project = try await api.post("/v1/projects", ["community_id": f.community, "unit_id": hospital, "title": "健康义诊进社区",
                                                          "category": "health", "signed_on": "2026-01-01"])
        let health = try #require(project.string("id"), "\(project.text)")
        let clinic = try await api.post("/v1/events", ["project_id": health, "title": "中医义诊", "venue": "社区卫生服务站",
                                                       "start": "\(f.day)T09:00", "end": "\(f.day)T12:00", "roles": [["skill": "doctor", "count": 2]]])
        let clinicID = try #require(clinic.string("id"), "\(clinic.text)")
        try await api.database.execute("UPDATE events SET starts_at = '\(m)-20 09:00+08', ends_at = '\(m)-20 12:00+08' WHERE id = '\(clinicID)'")
        let role = try #require((clinic.json["roles"] as? [[String: Any]])?.first?["id"] as? String)
        var entries: [[String: Any]] = []
        // Dr. Liu's licence runs out early in the coming month: its clinic is at risk.
        let expiring = LocalDate(Date(), in: TimeZone(identifier: "Asia/Shanghai")!).startOfMonth.nextMonth.adding(days: 9).description
        for (i, (name, expires)) in [("刘医生", expiring), ("陈医生", "2030-12-31")].enumerated() {
            let v = try await api.post("/v1/volunteers", ["name": name, "phone": "1390000031\(i)", "community_id": f.community, "unit_id": hospital,
                                                          "skills": [["skill": "doctor", "expires_on": expires]]])
            let id = try #require(v.string("id"), "\(v.text)")
            entries += [AttendanceTests.entry(id, "sign_in", "\(m)-20T09:00", role: role), AttendanceTests.entry(id, "sign_out", "\(m)-20T12:00")]
        }
        let walkIns = try await api.post("/v1/events/\(clinicID)/attendance", ["entries": entries])
        #expect(walkIns.status == .ok, "\(walkIns.text)")
        return Setting(f: f, justice: f.unit, clinic: f.project, hospital: hospital, health: health)
    }

    @Test func oneUnitShortAndOneOverMatchAHandComputation() async throws {
        try await withAPI { api in
            let s = try await Self.setting(api)
            let m = Self.month
            let a = try await api.post("/v1/projects/\(s.clinic)/pledges", ["minutes_per_month": 600, "events": 2, "from": "\(m)-01", "to": "2030-12-31"])
            #expect(a.status == .created, "\(a.text)")
            let b = try await api.post("/v1/projects/\(s.health)/pledges", ["minutes_per_month": 300, "events": 1, "roles": [["skill": "doctor", "count": 2]],
                                                                             "from": "\(m)-01", "to": "2030-12-31"])
            #expect(b.status == .created, "\(b.text)")
            // The nightly check of the coming month (as the report shows it).
            let next = LocalDate(Date(), in: TimeZone(identifier: "Asia/Shanghai")!).startOfMonth.nextMonth
            let outlook = try await PledgeRepository(api.database).checkOutlook(month: next)
            #expect(outlook.checked == 2 && outlook.atRisk == 1, "\(outlook)")

            let report = try await api.get("/v1/reports/pledges?month=\(m)")
            #expect(report.status == .ok && report.string("scope") == "district", "\(report.text)")
            let lines = Dictionary(uniqueKeysWithValues: (report.json["projects"] as? [[String: Any]] ?? []).map { ($0["project_id"] as? String ?? "", $0) })
            // By hand: the outing credited 210 + 150 = 360 minutes against 600 pledged, 1 event of 2,
            // 2 of 3 companions, 1 no-show; the clinic 180 + 180 = 360 against 300, 1 of 1, 2 of 2 doctors.
            let short = try #require(lines[s.clinic], "\(report.text)")
            #expect(short["pledged_minutes"] as? Int == 600 && short["delivered_minutes"] as? Int == 360)
            #expect(short["events_held"] as? Int == 1 && short["events_pledged"] as? Int == 2)
            #expect(short["positions_required"] as? Int == 3 && short["positions_filled"] as? Int == 2)
            #expect(short["attended"] as? Int == 2 && short["no_shows"] as? Int == 1)
            #expect(short["shortfalls"] as? [String] == ["hours", "events", "positions"], "\(short)")
            #expect((short["outlook"] as? [String: Any])?["fulfillable"] as? Bool == true)
            let over = try #require(lines[s.health])
            #expect(over["pledged_minutes"] as? Int == 300 && over["delivered_minutes"] as? Int == 360 && over["events_held"] as? Int == 1)
            #expect(over["positions_required"] as? Int == 2 && over["positions_filled"] as? Int == 2 && (over["shortfalls"] as? [String])?.isEmpty == true)
            let risk = over["outlook"] as? [String: Any] ?? [:]
            #expect(risk["fulfillable"] as? Bool == false && (risk["reason"] as? String)?.contains("医生：每场需要 2 名，单位只有 1 名") == true, "\(risk)")

            let units = Dictionary(uniqueKeysWithValues: (report.json["units"] as? [[String: Any]] ?? []).map { ($0["key"] as? String ?? "", $0) })
            #expect(units[s.justice]?["no_show_rate"] as? Double == 1.0 / 3.0 && units[s.hospital]?["no_show_rate"] as? Double == 0)
            let categories = (report.json["categories"] as? [[String: Any]] ?? []).map { $0["key"] as? String ?? "" }
            #expect(categories == ["health", "legal"])
            let total = report.json["total"] as? [String: Any] ?? [:]
            #expect(total["pledged_minutes"] as? Int == 900 && total["delivered_minutes"] as? Int == 720 && total["short_projects"] as? Int == 1, "\(total)")

            let csv = try await api.get("/v1/reports/pledges?month=\(m)&format=csv")
            #expect(csv.status == .ok && csv.text.contains("法律服务零距离") && csv.text.contains("时长不足、场次不足、岗位缺人") && csv.text.contains("33%"), "\(csv.text)")
            let page = try await api.get("/v1/reports/pledges?month=\(m)&format=html")
            #expect(page.text.contains("联建承诺履约月报") && page.text.contains("难以完成"))
        }
    }

    @Test func eachReaderSeesTheirOwnAndBadPledgesAreRefused() async throws {
        try await withAPI { api in
            let s = try await Self.setting(api)
            let m = Self.month
            _ = try await api.post("/v1/projects/\(s.clinic)/pledges", ["minutes_per_month": 600, "from": "\(m)-01", "to": "2030-12-31"])
            _ = try await api.post("/v1/projects/\(s.health)/pledges", ["minutes_per_month": 300, "from": "\(m)-01", "to": "2030-12-31"])
            let liaison = api.as(try await api.token(.liaison, unit: s.justice))
            let theirs = try await liaison.get("/v1/reports/pledges?month=\(m)")
            #expect(theirs.status == .ok && theirs.string("scope") == "unit" && (theirs.json["projects"] as? [Any])?.count == 1, "\(theirs.text)")
            #expect(try await liaison.get("/v1/reports/pledges?month=\(m)&unit=\(s.hospital)").status == .notFound)
            let organiser = api.as(try await api.token(.organiser, community: s.f.community))
            #expect((try await organiser.get("/v1/reports/pledges?month=\(m)").json["projects"] as? [Any])?.count == 2)
            let other = try await api.community("zhuzhai", name: "朱寨社区")
            let stranger = api.as(try await api.token(.organiser, community: other))
            #expect((try await stranger.get("/v1/reports/pledges?month=\(m)").json["projects"] as? [Any])?.isEmpty == true)
            #expect(try await api.as(try await api.token(.volunteer, volunteer: s.f.volunteers[0])).get("/v1/reports/pledges").status == .forbidden)
            for (q, field) in [("month=2026-13", "month"), ("month=12-2026", "month"), ("format=xlsx", "format"), ("unit=nope", "unit")] {
                let r = try await api.get("/v1/reports/pledges?\(q)")
                #expect(r.status == .badRequest && r.error["field"] as? String == field, "\(q): \(r.text)")
            }

            let before = try await api.database.count("SELECT count(*) FROM project_pledges")
            for (body, field) in [
                (["from": "\(m)-15", "to": "2031-01-01", "minutes_per_month": 60] as [String: Any], "from"),
                (["from": "2031-01-01", "to": "2031-12-31"], "minutes_per_month"),
                (["from": "2031-01-01", "to": "2030-12-31", "events": 1], "to"),
                (["from": "2031-01-01", "to": "2031-12-31", "events": 1, "roles": [["skill": "juggler", "count": 1]]], "roles[0].skill"),
                (["from": "2031-01-01", "to": "2031-12-31", "minutes_per_month": 60, "roles": [["skill": "doctor", "count": 1]]], "roles"),
                (["from": "2031-01-01", "to": "2031-12-31", "events": 1, "period": "week"], "period"),
            ] {
                let r = try await api.post("/v1/projects/\(s.clinic)/pledges", body)
                #expect(r.status.code >= 400 && r.status.code < 500 && r.error["field"] as? String == field, "\(field): \(r.status) \(r.text)")
            }
            #expect(try await api.database.count("SELECT count(*) FROM project_pledges") == before, "nothing written on a refusal")
            #expect(try await liaison.get("/v1/projects/\(s.clinic)/pledges").items.count == 1)
            #expect(try await liaison.get("/v1/projects/\(s.health)/pledges").status == .notFound)
        }
    }
}
