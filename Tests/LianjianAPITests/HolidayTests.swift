import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore
import Testing

@Suite("Public holidays and 调休")
struct HolidayTests {
    static var shippedFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("config/holidays-cn.csv")
    }

    @Test("the shipped table has the State Council's 2026 notice and 2027's statutory days")
    func shippedTable() throws {
        let days = try PublicHolidays.Day.parse(try Data(contentsOf: Self.shippedFile))
        let y2026 = days.filter { $0.date.year == 2026 }
        #expect(y2026.filter { $0.kind == .holiday }.count == 33)
        #expect(y2026.filter { $0.kind == .workday }.map(\.date.description) == ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"])
        #expect(days.first { $0.date.description == "2027-02-06" }?.name == "春节")
        for (year, list) in Dictionary(grouping: days, by: \.date.year) { try PublicHolidays.Day.validate(list, year: year) }
    }

    @Test("a weekday clinic skips the National Day holiday and runs on the made working days around it")
    func weekdayPlanAroundNationalDay() async throws {
        try await withAPI { api in
            let loaded = try await HolidayRepository(api.database).loadMissingYears(try PublicHolidays.Day.parse(try Data(contentsOf: Self.shippedFile)))
            #expect(loaded == [2026, 2027])
            let f = try await ClinicFixture.make(api)
            let plan = try await api.post("/v1/projects/\(f.project)/plans", [
                "title": "中医义诊", "start_date": "2026-09-14", "start_time": "09:00", "duration_minutes": 120,
                "recurrence": ["frequency": "weekly", "weekdays": [1, 2, 3, 4, 5]], "skip_holidays": true, "run_on_workdays": true,
            ])
            #expect(plan.status == .created && plan.json["skip_holidays"] as? Bool == true, "\(plan.text)")
            let generated = try await api.post("/v1/plans/\(plan.string("id")!)/generate", ["from": "2026-09-14", "to": "2026-10-11"])
            #expect(generated.json["skipped_holidays"] as? [String] == ["2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"], "\(generated.text)")
            let events = try await api.get("/v1/communities/\(f.community)/events?from=2026-09-14&to=2026-10-11")
            let days = ((try JSONSerialization.jsonObject(with: Data(events.text.utf8)) as? [[String: Any]]) ?? []).compactMap { ($0["start"] as? String)?.prefix(10) }
            #expect(days.contains("2026-09-20") && days.contains("2026-10-10"), "the 调休 Sunday and Saturday: \(days)")
            #expect(!days.contains("2026-10-01") && !days.contains("2026-09-25"))
            // 4 weeks of weekdays, less 6 holidays, plus 2 made working days.
            #expect(days.count == 20 - 6 + 2 && generated.json["created"] as? Int == 16)

            // Without the policy the same rule runs on the holidays and not on the weekends.
            let plain = try await api.post("/v1/projects/\(f.project)/plans", [
                "title": "法律咨询", "start_date": "2026-09-14", "start_time": "14:00", "duration_minutes": 120,
                "recurrence": ["frequency": "weekly", "weekdays": [1, 2, 3, 4, 5]],
            ])
            let all = try await api.post("/v1/plans/\(plain.string("id")!)/generate", ["from": "2026-09-14", "to": "2026-10-11"])
            #expect(all.json["created"] as? Int == 20 && (all.json["skipped_holidays"] as? [String])?.isEmpty == true)
        }
    }

    @Test("an admin replaces a year; nobody else may, and a weekday cannot be made a working day")
    func adminReplacesAYear() async throws {
        try await withAPI { api in
            let days: [[String: Any]] = [["date": "2027-01-01", "kind": "holiday", "name": "元旦"], ["date": "2027-02-13", "kind": "workday", "name": "春节"]]
            let put = try await api.send(.put, "/v1/holidays/2027", body: APIClient.encode(["days": days]))
            #expect(put.status == .ok && (put.json["days"] as? [[String: Any]])?.count == 2, "\(put.text)")
            #expect((try await api.get("/v1/holidays?year=2027").json["days"] as? [[String: Any]])?.last?["kind"] as? String == "workday")
            let organiser = try await api.token(.organiser, community: try await api.community("xiangyuanjie", name: "香园街社区"))
            #expect(try await api.as(organiser).send(.put, "/v1/holidays/2027", body: APIClient.encode(["days": days])).status == .forbidden)
            let weekday = try await api.send(.put, "/v1/holidays/2027", body: APIClient.encode(["days": [["date": "2027-02-10", "kind": "workday", "name": "春节"]]]))
            #expect(weekday.status == .unprocessableContent && weekday.error["field"] as? String == "days[0].kind", "\(weekday.text)")
            let otherYear = try await api.send(.put, "/v1/holidays/2027", body: APIClient.encode(["days": [["date": "2028-01-01", "kind": "holiday", "name": "元旦"]]]))
            #expect(otherYear.status == .unprocessableContent && otherYear.error["field"] as? String == "days[0].date")
            // An admin's replacement survives the shipped file being loaded again.
            #expect(try await HolidayRepository(api.database).loadMissingYears(try PublicHolidays.Day.parse(try Data(contentsOf: Self.shippedFile))) == [2026])
            #expect(try await HolidayRepository(api.database).list(year: 2027).count == 2)
        }
    }
}
