import Foundation
@testable import LianjianDomain
import Testing

/// Availability expands into intervals a shift can fit in: touching pieces are one interval.
@Suite("Availability")
struct AvailabilityTests {
    let zone = TimeZone(identifier: "Asia/Shanghai")!
    let saturday = LocalDate("2026-12-05")!

    func at(_ time: String) -> Date { saturday.at(LocalTime(time)!, in: zone) }

    @Test func touchingWeeklySlotsAreJoined() {
        let weekly = [WeeklySlot(weekday: 6, start: LocalTime("08:00")!, end: LocalTime("12:00")!),
                      WeeklySlot(weekday: 6, start: LocalTime("12:00")!, end: LocalTime("18:00")!)]
        let spans = Availability.expand(weekly: weekly, exceptions: [], from: saturday, to: saturday, zone: zone)
        #expect(spans == [TimeSpan(at("08:00"), at("18:00"))])
    }

    @Test func extraHoursBesideAWeeklySlotAreJoined() {
        let weekly = [WeeklySlot(weekday: 6, start: LocalTime("09:00")!, end: LocalTime("12:00")!)]
        let extra = Availability.Exception(date: saturday, slot: (LocalTime("12:00")!, LocalTime("14:00")!))
        let spans = Availability.expand(weekly: weekly, exceptions: [extra], from: saturday, to: saturday, zone: zone)
        #expect(spans == [TimeSpan(at("09:00"), at("14:00"))])
    }

    @Test func overlappingAndSeparateSlots() {
        let spans = Availability.merged([TimeSpan(at("13:00"), at("15:00")), TimeSpan(at("08:00"), at("10:00")),
                                         TimeSpan(at("09:00"), at("11:00")), TimeSpan(at("10:30"), at("10:45"))])
        #expect(spans == [TimeSpan(at("08:00"), at("11:00")), TimeSpan(at("13:00"), at("15:00"))])
    }
}
