import Foundation
import LianjianDomain
import Testing

@Suite("Event sheet page")
struct EventSheetPageTests {
    static func sheet(title: String = "法律咨询", roster: EventSheet.Roster, staff: [EventSheet.Staff] = [],
                      groups: [(companion: String, residents: [String])] = []) -> EventSheet {
        let start = LocalDate("2026-12-12")!.at(LocalTime("09:00")!, in: TimeZone(identifier: "Asia/Shanghai")!)
        return EventSheet(title: title, venue: "社区服务中心", start: start, end: start + 7200, zone: TimeZone(identifier: "Asia/Shanghai")!,
                          staff: staff, participants: [.init(id: "r1", name: "老人", building: "1号楼", needs: [], phone: "13800000001")],
                          groups: groups, roster: roster, community: "香园街社区", project: "法律服务零距离",
                          roles: [(skill: "律师", required: 2)])
    }

    @Test func aDraftSaysSoOnEveryPageAndMarksItsPeopleWhenMixed() {
        let mixed = Self.sheet(roster: .draft, staff: [.init(skill: "律师", name: "甲", unit: "", phone: "13900000001"),
                                                      .init(skill: "律师", name: "乙", unit: "", phone: "13900000002", draft: true)]).html()
        #expect(mixed.contains("<p class=draft>草稿 / DRAFT") && mixed.contains("@top-center{content:\"草稿 / DRAFT"))
        #expect(mixed.components(separatedBy: "<span class=tag>草稿</span>").count - 1 == 1)
        #expect(mixed.contains("<title>【草稿】法律咨询"))
        let published = Self.sheet(roster: .published, staff: [.init(skill: "律师", name: "甲", unit: "", phone: "13900000001")]).html()
        #expect(!published.contains("草稿"))
        #expect(published.contains("律师 已排 1 人，需要 2 人<span class=short>（缺 1 人）</span>"))
        #expect(published.contains("counter(page)") && published.contains("counter(pages)"))
    }

    @Test func emptySectionsAreLeftOutOrSaidSo() {
        let none = Self.sheet(roster: .none).html()
        #expect(!none.contains("陪同分组") && none.contains("尚未排班"))
        #expect(Self.sheet(roster: .published, groups: [(companion: "甲", residents: ["r1"])]).html().contains("<td>甲</td><td>老人（1号楼）</td>"))
        #expect(none.contains("现场联系人") && none.contains("香园街社区 · 法律服务零距离"))
    }

    @Test func theTitleInTheRunningFootCannotLeaveItsStyle() {
        let html = Self.sheet(title: "a\"b\\c</style><script>x</script>", roster: .published).html()
        let style = html.components(separatedBy: "<style>")[1].components(separatedBy: "</style>")[0]
        #expect(!style.contains("<") && !style.contains("a\"b"))
        #expect(style.contains("@bottom-left{content:\"a\\22 b\\5c c\\3c /style\\3e \\3c script\\3e x\\3c /script\\3e  · 2026-12-12\"}"))
    }
}
