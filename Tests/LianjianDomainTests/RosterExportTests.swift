import Foundation
import LianjianDomain
import Testing

/// Rosters as people open them: skills by their names, the calendar in the community's zone.
@Suite("Roster exports")
struct RosterExportTests {
    static let line = RosterLine(
        roleID: UUID(), volunteerID: .init(UUID()), start: Date(timeIntervalSince1970: 1_796_000_000),
        end: Date(timeIntervalSince1970: 1_796_003_600), event: "法律咨询", venue: "党群服务中心", skill: "律师",
        skillEnglish: "lawyer", volunteer: "王芳", unit: "司法局", phone: "*******0101", response: nil)

    @Test func theCalendarNamesTheCommunitysZone() {
        let tokyo = RosterExport.iCalendar([Self.line], calendarName: "x", zone: TimeZone(identifier: "Asia/Tokyo")!)
        #expect(tokyo.contains("X-WR-TIMEZONE:Asia/Tokyo\r\n") && !tokyo.contains("Asia/Shanghai"))
        #expect(tokyo.contains("SUMMARY:法律咨询（律师）\r\n"))
    }

    @Test func spreadsheetsNameSkillsInTheirLanguage() {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let chinese = String(decoding: RosterExport.csv([Self.line], zone: zone, english: false), as: UTF8.self)
        let english = String(decoding: RosterExport.csv([Self.line], zone: zone, english: true), as: UTF8.self)
        #expect(chinese.contains(",律师,") && !chinese.contains("lawyer"))
        #expect(english.contains(",lawyer,") && !english.contains("律师"))
    }
}
