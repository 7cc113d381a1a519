import Foundation
import LianjianDomain

let shanghai = TimeZone(identifier: "Asia/Shanghai")!
let hospital = PartnerUnit.ID(UUID(uuidString: "00000000-0000-0000-0000-0000000000aa")!)
let park = Facility.ID(UUID(uuidString: "00000000-0000-0000-0000-0000000000f1")!)

/// `2026-11-30T08:00` (a Monday) in Shanghai.
func at(_ text: String) -> Date {
    let parts = text.split(separator: "T")
    return LocalDate(String(parts[0]))!.at(LocalTime(String(parts[1]))!, in: shanghai)
}

func span(_ from: String, _ to: String) -> TimeSpan { TimeSpan(at(from), at(to)) }

func window(_ userClass: UserClass, _ weekdays: [Int], _ start: String, _ end: String, guaranteed: Int = 0, cap: Int,
            from: String = "2026-11-01", until: String? = nil, id: Int = 1) -> SharingWindow {
    SharingWindow(
        id: .init(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", id))!), facilityID: park, userClass: userClass,
        weekdays: weekdays, start: LocalTime(start)!, end: LocalTime(end)!, guaranteedBays: guaranteed, capBays: cap,
        validFrom: LocalDate(from)!, validUntil: until.flatMap(LocalDate.init))
}

/// The seed's car park: residents 18:00–08:00 on all 40 bays, the hospital's patients on
/// weekdays 08:00–17:30 up to 30 bays, residents by day with 10 guaranteed, Saturday events.
let seedWindows = [
    window(.residents, Array(1...7), "18:00", "08:00", guaranteed: 40, cap: 40, id: 1),
    window(.residents, Array(1...7), "08:00", "18:00", guaranteed: 10, cap: 40, id: 2),
    window(UserClass(.unit, unit: hospital), Array(1...5), "08:00", "17:30", cap: 30, id: 3),
    window(.events, [6], "08:00", "13:00", guaranteed: 3, cap: 6, id: 4),
]
