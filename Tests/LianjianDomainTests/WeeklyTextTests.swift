import LianjianDomain
import Testing

@Suite("Weekly availability written in a cell")
struct WeeklyTextTests {
    func slots(_ text: String) throws -> [String] {
        try WeeklyText.parse(text).map { "\($0.weekday) \($0.start)-\($0.end)" }
    }

    @Test func chineseAndEnglish() throws {
        #expect(try slots("周六 09:00-12:00；周日 14:00-17:00") == ["6 09:00-12:00", "7 14:00-17:00"])
        #expect(try slots("周一至周五 18:00-20:00") == (1...5).map { "\($0) 18:00-20:00" })
        #expect(try slots("周二、周四 8:30-11:30") == ["2 08:30-11:30", "4 08:30-11:30"])
        #expect(try slots("星期天 9：00～11：00") == ["7 09:00-11:00"])
        #expect(try slots("Sat 09:00-12:00; Sun 14:00-17:00") == ["6 09:00-12:00", "7 14:00-17:00"])
        #expect(try slots("Mon-Wed 10:00-11:00") == ["1 10:00-11:00", "2 10:00-11:00", "3 10:00-11:00"])
        #expect(try slots("") == [])
    }

    @Test(arguments: ["周八 09:00-12:00", "周六 12:00-09:00", "周六", "每天上午", "Sat 9-12"])
    func unreadableEntriesNameTheCell(_ text: String) {
        #expect(throws: DomainError.self) { try WeeklyText.parse(text) }
    }
}
