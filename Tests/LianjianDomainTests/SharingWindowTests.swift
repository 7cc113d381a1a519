import Foundation
import LianjianDomain
import Testing

@Suite("Sharing windows")
struct SharingWindowTests {
    @Test func calendarArithmetic() {
        #expect(LocalDate("2026-11-30")!.isoWeekday == 1)
        #expect(LocalDate("2026-12-06")!.isoWeekday == 7)
        #expect(LocalDate("1970-01-01")!.dayNumber == 0)
        #expect(LocalDate("2028-02-28")!.adding(days: 1) == LocalDate("2028-02-29")!)
        #expect(LocalDate("2026-12-31")!.adding(days: 1) == LocalDate("2027-01-01")!)
        #expect((at("2026-11-30T08:00")).rfc3339 == "2026-11-30T00:00:00Z")
    }

    @Test func anOvernightWindowRunsIntoTheNextDay() {
        let night = window(.residents, [5], "18:00", "08:00", cap: 40)
        // Friday 18:00 to Saturday 08:00, and nothing on Saturday evening.
        let openings = night.openings(overlapping: at("2026-12-04T00:00"), at("2026-12-07T00:00"), in: shanghai)
        #expect(openings == [span("2026-12-04T18:00", "2026-12-05T08:00")])
        #expect(night.minutes == 14 * 60)
    }

    @Test func anOpeningThatStartedTheDayBeforeIsFound() {
        let night = window(.residents, [7], "18:00", "08:00", cap: 40)
        // Sunday night reaches Monday morning: asking about Monday 07:00 finds it.
        let openings = night.openings(overlapping: at("2026-11-30T07:00"), at("2026-11-30T07:30"), in: shanghai)
        #expect(openings == [span("2026-11-29T18:00", "2026-11-30T08:00")])
    }

    @Test func validityDatesBoundTheOpenings() {
        let w = window(.public, Array(1...7), "09:00", "10:00", cap: 1, from: "2026-12-01", until: "2026-12-02")
        let openings = w.openings(overlapping: at("2026-11-29T00:00"), at("2026-12-05T00:00"), in: shanghai)
        #expect(openings.map(\.start) == [at("2026-12-01T09:00"), at("2026-12-02T09:00")])
    }

    @Test func equalStartAndEndMeansAllDay() {
        let w = window(.public, [1], "00:00", "00:00", cap: 1)
        #expect(w.minutes == 1440)
    }

    @Test func guaranteesMayNotExceedTheBays() throws {
        try SharingWindow.checkFits(seedWindows[3], beside: Array(seedWindows.prefix(3)), bays: 40)
        // Events from 07:00 on Saturday overlap the residents' night guarantee of 40.
        let early = window(.events, [6], "07:00", "13:00", guaranteed: 3, cap: 6, id: 9)
        let error = #expect(throws: DomainError.self) { try SharingWindow.checkFits(early, beside: seedWindows, bays: 40) }
        #expect(error?.field == "guaranteed_bays")
        #expect(error?.reason.contains("43 bays on Saturday 07:00") == true)
        #expect(error?.reason.contains(seedWindows[0].id.description) == true)
    }

    @Test func guaranteesOnDifferentDatesDoNotAddUp() throws {
        let december = window(.events, Array(1...7), "12:00", "13:00", guaranteed: 30, cap: 30, from: "2026-12-01", until: "2026-12-31", id: 5)
        let january = window(.public, Array(1...7), "12:00", "13:00", guaranteed: 30, cap: 30, from: "2027-01-01", id: 6)
        try SharingWindow.checkFits(january, beside: [december], bays: 40)
        let overlapping = window(.public, Array(1...7), "12:00", "13:00", guaranteed: 30, cap: 30, from: "2026-12-31", id: 7)
        #expect(throws: DomainError.self) { try SharingWindow.checkFits(overlapping, beside: [december], bays: 40) }
    }

    @Test func aCapLargerThanTheFacilityIsRefused() {
        let w = window(.public, [1], "09:00", "10:00", cap: 41)
        let error = #expect(throws: DomainError.self) { try SharingWindow.checkFits(w, beside: [], bays: 40) }
        #expect(error?.field == "cap_bays")
    }

    @Test func draftsNameTheirBadField() {
        func field(_ d: SharingWindow.Draft) -> String? {
            do { try d.validate(); return nil } catch { return error.field }
        }
        let ok = SharingWindow.Draft(userClass: "residents", weekdays: [1], start: .init("18:00")!, end: .init("08:00")!, capBays: 10,
                                     validFrom: .init("2026-12-01")!)
        #expect(field(ok) == nil)
        var d = ok; d.weekdays = [8]; #expect(field(d) == "weekdays[0]")
        d = ok; d.weekdays = []; #expect(field(d) == "weekdays")
        d = ok; d.guaranteedBays = 11; #expect(field(d) == "guaranteed_bays")
        d = ok; d.userClass = "unit"; #expect(field(d) == "unit_id")
        d = ok; d.userClass = "tourists"; #expect(field(d) == "user_class")
        d = ok; d.validUntil = .init("2026-11-01")!; #expect(field(d) == "valid_until")
    }
}
