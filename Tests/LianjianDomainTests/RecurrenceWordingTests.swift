import LianjianDomain
import Testing

/// The plans page shows each rule in words; these are the sentences organisers read.
@Suite struct RecurrenceWordingTests {
    let nine = LocalTime(minutes: 9 * 60)

    @Test func monthlyOnTheNthWeekday() {
        let r = Recurrence(frequency: "monthly", weekdays: [6], weekOfMonth: 2)
        #expect(r.words(from: nine, minutes: 180) == "每月第二个星期六 09:00–12:00")
        #expect(r.words(from: nine, minutes: 180, english: true) == "Every 2nd Saturday of the month, 09:00–12:00")
        let last = Recurrence(frequency: "monthly", weekdays: [5], weekOfMonth: -1)
        #expect(last.words(from: nine, minutes: 60) == "每月最后一个星期五 09:00–10:00")
    }

    @Test func weeklyWithDaysIntervalAndEnd() {
        let r = Recurrence(frequency: "weekly", weekdays: [4, 2], until: LocalDate("2027-06-30"))
        #expect(r.words(from: LocalTime(minutes: 510), minutes: 180) == "每周二、周四 08:30–11:30，至2027年6月30日")
        #expect(r.words(from: LocalTime(minutes: 510), minutes: 180, english: true) == "Every Tuesday and Thursday, 08:30–11:30, until 30 Jun 2027")
        let fortnightly = Recurrence(frequency: "weekly", interval: 2, weekdays: [6], count: 10)
        #expect(fortnightly.words(from: nine, minutes: 120) == "每两周的周六 09:00–11:00，共 10 次")
        #expect(fortnightly.words(from: nine, minutes: 120, english: true) == "Every 2 weeks on Saturday, 09:00–11:00, 10 times")
    }

    @Test func dailyAndDaysOfTheMonth() {
        #expect(Recurrence(frequency: "daily").words(from: nine, minutes: 30) == "每天 09:00–09:30")
        let r = Recurrence(frequency: "monthly", daysOfMonth: [1, 15])
        #expect(r.words(from: nine, minutes: 60) == "每月1日、15日 09:00–10:00")
        #expect(Recurrence(frequency: "monthly", daysOfMonth: [-1]).words(from: nine, minutes: 60, english: true)
                == "On the last day of the month, 09:00–10:00")
    }
}
