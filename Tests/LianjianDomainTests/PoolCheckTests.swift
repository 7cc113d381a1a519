import Foundation
import LianjianDomain
import Testing

@Suite("Pool check")
struct PoolCheckTests {
    let check = PoolCheck(bays: 40, windows: seedWindows, zone: shanghai)
    let patients = UserClass(.unit, unit: hospital)

    @Test func aResidentMayParkOvernightOnAnyDay() {
        #expect(check.refusal(.residents, span("2026-12-05T18:00", "2026-12-06T08:00"), count: 1, beside: []) == nil)
        // Sunday night into Monday morning crosses the weekday edge.
        #expect(check.refusal(.residents, span("2026-12-06T20:00", "2026-12-07T07:30"), count: 1, beside: []) == nil)
    }

    @Test func theHospitalHasNoWindowOnSaturday() {
        let r = check.refusal(patients, span("2026-12-05T09:00", "2026-12-05T10:00"), count: 1, beside: [])
        #expect(r?.reason == .outsideWindow)
        #expect(r?.at == at("2026-12-05T09:00"))
        #expect(r?.message.contains("2026-12-05 09:00") == true)
        let named = PoolCheck(bays: 40, windows: seedWindows, zone: shanghai, unitNames: [hospital: "上街区中医院"])
        #expect(named.refusal(patients, span("2026-12-05T09:00", "2026-12-05T10:00"), count: 1, beside: [])?.message
                == "no sharing window for 上街区中医院's visitors is open at 2026-12-05 09:00 (UTC+08:00)")
    }

    @Test func aVisitRunningPastTheWindowIsRefusedAtItsEnd() {
        let r = check.refusal(patients, span("2026-11-30T17:00", "2026-11-30T18:00"), count: 1, beside: [])
        #expect(r?.reason == .outsideWindow)
        #expect(r?.at == at("2026-11-30T17:30"))
    }

    @Test func theCapIsThirtyBays() {
        let held = [PoolCheck.Usage(patients, span("2026-11-30T08:00", "2026-11-30T12:00"), 28)]
        #expect(check.refusal(patients, span("2026-11-30T11:00", "2026-11-30T13:00"), count: 2, beside: held) == nil)
        let r = check.refusal(patients, span("2026-11-30T11:00", "2026-11-30T13:00"), count: 3, beside: held)
        #expect(r?.reason == .capReached)
        #expect(r?.at == at("2026-11-30T11:00"))
    }

    /// The seed's windows plus the public by day on weekdays, without a guarantee.
    let withPublic = PoolCheck(bays: 40, windows: seedWindows + [window(.public, Array(1...5), "08:00", "18:00", cap: 40, id: 5)], zone: shanghai)

    @Test func guaranteesOfOtherClassesAreKept() {
        // Residents hold 2 of their 10 guaranteed bays and the hospital 25: the public may take
        // 5 (leaving 8 for residents) but not 6.
        let held = [PoolCheck.Usage(.residents, span("2026-11-30T08:00", "2026-11-30T18:00"), 2),
                    PoolCheck.Usage(patients, span("2026-11-30T09:00", "2026-11-30T11:00"), 25)]
        #expect(withPublic.refusal(.public, span("2026-11-30T10:00", "2026-11-30T12:00"), count: 5, beside: held) == nil)
        let r = withPublic.refusal(.public, span("2026-11-30T08:30", "2026-11-30T12:00"), count: 6, beside: held)
        #expect(r?.reason == .guarantee)
        #expect(r?.at == at("2026-11-30T09:00"))
        #expect(r?.message.contains("residents (8 still owed)") == true)
    }

    @Test func theLastBayGoesOnceThenNothingIsFree() {
        let night = [PoolCheck.Usage(.residents, span("2026-11-30T18:00", "2026-12-01T08:00"), 39)]
        #expect(check.refusal(.residents, span("2026-11-30T20:00", "2026-12-01T07:00"), count: 1, beside: night) == nil)
        let full = night + [PoolCheck.Usage(.residents, span("2026-11-30T19:00", "2026-12-01T06:00"), 1)]
        let r = check.refusal(.residents, span("2026-11-30T20:00", "2026-12-01T07:00"), count: 1, beside: full)
        #expect(r?.reason == .noBayFree)
        #expect(r?.at == at("2026-11-30T20:00"))
        #expect(r?.message == "no bay is free at 2026-11-30 20:00 (UTC+08:00): 40 of 40 are taken")
    }

    @Test func theSaturdayScreeningFitsBesideTheResidents() {
        let residents = [PoolCheck.Usage(.residents, span("2026-12-05T06:00", "2026-12-05T18:00"), 20)]
        #expect(check.refusal(.events, span("2026-12-05T08:00", "2026-12-05T12:00"), count: 3, beside: residents) == nil)
        // Events before 08:00 have no window (the residents' night guarantee covers all 40 bays).
        #expect(check.refusal(.events, span("2026-12-05T07:30", "2026-12-05T12:00"), count: 3, beside: residents)?.reason == .outsideWindow)
        #expect(check.refusal(.events, span("2026-12-05T08:00", "2026-12-05T12:00"), count: 7, beside: [])?.reason == .capReached)
    }

    @Test func requestsNameTheirBadField() {
        func field(_ r: Booking.Request) -> String? {
            do { try r.validate(); return nil } catch { return error.field }
        }
        let ok = Booking.Request(userClass: "events", holder: "义诊医疗车", bays: 3, start: "2026-12-05T08:00", end: "2026-12-05T12:00")
        #expect(field(ok) == nil)
        var r = ok; r.end = "2026-12-05T07:00"; #expect(field(r) == "end")
        r = ok; r.start = "5 Dec"; #expect(field(r) == "start")
        r = ok; r.bays = 0; #expect(field(r) == "bays")
        r = ok; r.holder = " "; #expect(field(r) == "holder")
        r = ok; r.repeat = .init(weekdays: [9], until: .init("2026-12-31")!); #expect(field(r) == "repeat.weekdays[0]")
        r = ok; r.repeat = .init(weekdays: [6], until: .init("2026-12-01")!); #expect(field(r) == "repeat.until")
    }

    @Test func aStandingBookingRepeatsItsLocalTimes() throws {
        let r = Booking.Request(userClass: "residents", holder: "3号楼", start: "2026-11-30T18:00", end: "2026-12-01T08:00",
                                repeat: .init(weekdays: [1, 3], until: .init("2026-12-09")!))
        let spans = try r.occurrences(in: shanghai)
        #expect(spans == [span("2026-11-30T18:00", "2026-12-01T08:00"), span("2026-12-02T18:00", "2026-12-03T08:00"),
                          span("2026-12-07T18:00", "2026-12-08T08:00"), span("2026-12-09T18:00", "2026-12-10T08:00")])
        let offset = Booking.Request(userClass: "public", holder: "x", start: "2026-11-30T10:00:00Z", end: "2026-11-30T11:00:00Z")
        #expect(try offset.occurrences(in: shanghai) == [span("2026-11-30T18:00", "2026-11-30T19:00")])
    }
}
