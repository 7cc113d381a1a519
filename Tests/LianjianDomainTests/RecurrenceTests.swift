import Foundation
import LianjianDomain
import Testing

@Suite("Recurrence and staffing rules")
struct RecurrenceTests {
    func dates(_ r: Recurrence, start: String, from: String, to: String) -> [String] {
        r.dates(start: LocalDate(start)!, at: LocalTime("09:00")!, from: LocalDate(from)!, to: LocalDate(to)!, zone: shanghai).map(\.description)
    }

    @Test func monthlyOnTheSecondSaturday() {
        let r = Recurrence(frequency: "monthly", weekdays: [6], weekOfMonth: 2)
        #expect(dates(r, start: "2026-12-01", from: "2026-12-01", to: "2027-03-31") == ["2026-12-12", "2027-01-09", "2027-02-13", "2027-03-13"])
        let last = Recurrence(frequency: "monthly", weekdays: [5], weekOfMonth: -1)
        #expect(dates(last, start: "2026-12-01", from: "2026-12-01", to: "2027-01-31") == ["2026-12-25", "2027-01-29"])
    }

    @Test func everyOtherWeekUntilADateAndForACount() {
        let fortnightly = Recurrence(frequency: "weekly", interval: 2, weekdays: [2, 4], until: LocalDate("2026-12-31"))
        #expect(dates(fortnightly, start: "2026-12-01", from: "2026-11-01", to: "2027-02-01") == ["2026-12-01", "2026-12-03", "2026-12-15", "2026-12-17", "2026-12-29", "2026-12-31"])
        let fourTimes = Recurrence(frequency: "weekly", weekdays: [3], count: 4)
        #expect(dates(fourTimes, start: "2026-12-01", from: "2026-12-01", to: "2027-12-31") == ["2026-12-02", "2026-12-09", "2026-12-16", "2026-12-23"])
        // A window that starts after the first occurrences still counts from the plan's start.
        #expect(dates(fourTimes, start: "2026-12-01", from: "2026-12-10", to: "2027-12-31") == ["2026-12-16", "2026-12-23"])
    }

    @Test func localTimesStayPutAllYear() {
        // Asia/Shanghai has no daylight saving: 09:00 is 01:00 UTC in January and in July.
        let weekly = Recurrence(frequency: "weekly", weekdays: [1])
        let jan = LocalDate("2027-01-04")!.at(LocalTime("09:00")!, in: shanghai)
        let jul = LocalDate("2027-07-05")!.at(LocalTime("09:00")!, in: shanghai)
        #expect(jan.rfc3339 == "2027-01-04T01:00:00Z" && jul.rfc3339 == "2027-07-05T01:00:00Z")
        #expect(dates(weekly, start: "2027-01-01", from: "2027-07-01", to: "2027-07-12") == ["2027-07-05", "2027-07-12"])
    }

    @Test func impossibleRulesNameTheirField() {
        func field(_ r: Recurrence, start: String = "2027-02-01") -> String? {
            let plan = ServicePlan.Draft(title: "义诊", recurrence: r, startDate: LocalDate(start)!, startTime: LocalTime("09:00")!, durationMinutes: 120)
            do { try plan.validate(); return nil } catch { return error.field }
        }
        #expect(field(Recurrence(frequency: "monthly", weekdays: [6], weekOfMonth: 2)) == nil)
        #expect(field(Recurrence(frequency: "yearly")) == "recurrence.frequency")
        #expect(field(Recurrence(frequency: "monthly", weekdays: [6], weekOfMonth: 6)) == "recurrence.week_of_month")
        #expect(field(Recurrence(frequency: "weekly", weekOfMonth: 2)) == "recurrence.week_of_month")
        #expect(field(Recurrence(frequency: "weekly", weekdays: [8])) == "recurrence.weekdays[0]")
        #expect(field(Recurrence(frequency: "weekly", until: LocalDate("2027-01-01"))) == "recurrence.until")
        #expect(field(Recurrence(frequency: "weekly", until: LocalDate("2027-03-01"), count: 3)) == "recurrence.count")
        // The 31st of the month, but only through February: it never happens.
        #expect(field(Recurrence(frequency: "monthly", daysOfMonth: [31], until: LocalDate("2027-02-28"))) == "recurrence")
    }

    @Test func ratiosAndOverridesFollowTheParticipants() {
        let companions = StaffingRule(skill: "companion", perParticipants: 3, needs: ["mobility_aid": 1])
        #expect(companions.required(participants: []) == 0)
        #expect(companions.required(participants: [[], [], []]) == 1)
        #expect(companions.required(participants: [[], [], [], []]) == 2)
        #expect(companions.required(participants: [[], [], ["mobility_aid"], ["living_alone"]]) == 2)
        #expect(companions.required(participants: Array(repeating: [], count: 54) + Array(repeating: ["mobility_aid"], count: 6)) == 24)
        #expect(StaffingRule(skill: "notary", count: 1).required(participants: [[], []]) == 1)
        func field(_ r: StaffingRule) -> String? {
            do { try r.validate("roles[0]"); return nil } catch { return error.field }
        }
        #expect(field(StaffingRule(skill: "companion", perParticipants: -3)) == "roles[0].per_participants")
        #expect(field(StaffingRule(skill: "companion")) == "roles[0].count")
        #expect(field(StaffingRule(skill: "lawyer", count: 2, needs: ["mobility_aid": 1])) == "roles[0].needs")
        #expect(field(StaffingRule(skill: "companion", perParticipants: 3, needs: ["flying": 1])) == "roles[0].needs.flying")
    }
}
