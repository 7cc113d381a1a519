import Foundation
import LianjianDomain
import Testing

@Suite("Timetable page: labels, pictures per page, rules, local time")
struct TimetablePageTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let day = LocalDate("2026-12-04")!

    static func block(_ bay: String, _ holder: String, _ from: String, _ to: String, _ kind: UserClass.Kind = .residents) -> Timetable.Block {
        .init(bay: bay, bookingID: .init(UUID()), userClass: kind, unit: nil, holder: holder,
              start: day.at(LocalTime(from)!, in: zone), end: day.at(LocalTime(to)!, in: zone))
    }

    @Test func everyBarHasItsNumberAndLongOnesTheirHolder() {
        // Numbered bay by bay, then by start: P01 09:00 is 1, P01 13:00 is 2, P02 is 3.
        let t = Timetable(facility: "停车场", timeZone: "Asia/Shanghai", from: Self.day, days: 1, bays: ["P01", "P02"],
                          blocks: [Self.block("P02", "送药", "10:00", "10:10"), Self.block("P01", "复诊 李", "13:00", "16:00"),
                                   Self.block("P01", "就诊", "09:00", "09:30")])
        let svg = t.svg()
        #expect(svg.contains("<tspan font-weight=\"bold\">2</tspan> 复诊 李</text>"))
        #expect(svg.contains("fill=\"white\"><tspan font-weight=\"bold\">1</tspan></text>"), "a half-hour bar holds its number only")
        #expect(svg.contains("stroke=\"white\" stroke-width=\"2.5\" paint-order=\"stroke\"><tspan font-weight=\"bold\">3</tspan>"),
                "a ten-minute bar has its number beside it")
        let html = t.html()
        #expect(html.contains("<tr><td class=n>1</td><td>P01</td><td>2026-12-04 09:00</td>"))
        #expect(html.contains("<tr><td class=n>3</td><td>P02</td>"))
        #expect(html.contains("2026-12-04（周五），时间均为北京时间") && !html.contains("Asia/Shanghai"))
    }

    @Test func numbersBesideShortBarsNeverRunTogether() {
        // A week at 6 px an hour: two quarter-hours half an hour apart, one far later.
        let t = Timetable(facility: "停车场", timeZone: "Asia/Shanghai", from: Self.day, days: 7, bays: ["P01"],
                          blocks: [Self.block("P01", "甲", "09:00", "09:15"), Self.block("P01", "乙", "09:30", "09:45"),
                                   Self.block("P01", "丙", "20:00", "20:15")])
        let svg = t.svg()
        #expect(svg.contains("<tspan font-weight=\"bold\">1</tspan>,<tspan font-weight=\"bold\">2</tspan></text>"), "\(svg)")
        #expect(svg.contains("paint-order=\"stroke\"><tspan font-weight=\"bold\">3</tspan></text>"))
    }

    @Test func aLargeFacilityGetsOnePicturePerFortyBays() {
        let bays = (1...95).map { String(format: "P%03d", $0) }
        let t = Timetable(facility: "地下车库", timeZone: "Asia/Shanghai", from: Self.day, days: 1, bays: bays, blocks: [])
        let html = t.html()
        #expect(html.components(separatedBy: "<figure class=chart>").count - 1 == 3)
        #expect(html.contains("P041–P080") && html.contains("P081–P095"))
        #expect(html.contains("这段时间没有预订"))
        #expect(t.svg().components(separatedBy: "<text x=\"4\" y=").count - 1 == 1 + 95, "the SVG download stays one picture")
    }

    @Test func rulesSayWhoMayUseHowManyBaysWhen() {
        func rule(_ kind: UserClass.Kind, _ days: [Int], _ from: String, _ to: String, unit: String? = nil, until: String? = nil) -> Timetable.Rule {
            let w = SharingWindow(id: .init(UUID()), facilityID: .init(UUID()), userClass: UserClass(kind, unit: unit.map { _ in .init(UUID()) }),
                                  weekdays: days, start: LocalTime(from)!, end: LocalTime(to)!, guaranteedBays: 2, capBays: 5,
                                  validFrom: LocalDate("2026-11-01")!, validUntil: until.flatMap(LocalDate.init))
            return Timetable.Rule(w, unit: unit)
        }
        #expect(rule(.residents, Array(1...7), "18:00", "08:00").when == "每天 18:00–次日 08:00")
        #expect(rule(.unit, [1, 2, 3, 4, 5], "08:00", "17:30", unit: "上街区中医院").who == "联建单位：上街区中医院")
        #expect(rule(.unit, [5, 4, 3, 2, 1], "08:00", "17:30", unit: "医院").when == "周一至周五 08:00–17:30")
        #expect(rule(.events, [6, 7], "08:00", "08:00").when == "周六、周日 全天")
        #expect(rule(.public, [1, 3, 5], "09:00", "10:00", until: "2027-06-30").validity == "2026-11-01 至 2027-06-30")
        let t = Timetable(facility: "停车场", timeZone: "Asia/Shanghai", from: Self.day, days: 1, bays: ["P01"], blocks: [],
                          rules: [rule(.public, [1, 3, 5], "09:00", "10:00")])
        #expect(t.html().contains("<tr><td>公众</td><td>周一、周三、周五 09:00–10:00</td><td class=n>2</td><td class=n>5</td>"))
        #expect(Timetable(facility: "x", timeZone: "UTC", from: Self.day, days: 1, bays: ["P01"], blocks: []).html().contains("尚未设置共享时段"))
    }

    @Test func localTimeIsNamedAsPeopleSayIt() {
        let now = Self.day.at(LocalTime(minutes: 0), in: Self.zone)
        #expect(Self.zone.localTimeWording(at: now) == "北京时间")
        #expect(TimeZone(identifier: "Asia/Chongqing")!.localTimeWording(at: now) == "北京时间")
        #expect(TimeZone(identifier: "Asia/Urumqi")!.localTimeWording(at: now) == "当地时间（UTC+06:00）")
        #expect(TimeZone(identifier: "Asia/Kolkata")!.localTimeWording(at: now) == "当地时间（UTC+05:30）")
        #expect(TimeZone(identifier: "America/St_Johns")!.localTimeWording(at: now) == "当地时间（UTC-03:30）")
        #expect(TimeZone(identifier: "UTC")!.localTimeWording(at: now) == "当地时间（UTC）")
    }
}
