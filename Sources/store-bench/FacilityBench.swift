// The facilities benchmark: 20 car parks of 40 bays over 14 days with about 5,000 bookings,
// booked one at a time through the store (the pool check plus the bay, timed one by one),
// then laid out from scratch and laid out again (timed per run). Reads the database from the
// environment like `lianjian` does; `scripts/bench-facilities` prepares a database for it.
import Foundation
import LianjianDomain
import LianjianSettings
import LianjianStore
import Logging

enum FacilityBench {
    /// What ``seed(_:facilities:monday:days:)`` made.
    struct Seeded {
        var ids: [Facility.ID]
        var requests: Int
        var refused: Int
        /// Milliseconds of each accepted booking.
        var accept: [Double]
    }

    static func run(_ db: Database) async throws {
        let facilities = Int(ProcessInfo.processInfo.environment["FACILITIES"] ?? "") ?? 20
        let days = 14
        let runs = Int(ProcessInfo.processInfo.environment["RUNS"] ?? "") ?? 5
        let monday = LocalDate("2026-11-30")!
        let seeded = try await seed(db, facilities: facilities, monday: monday, days: days)
        let (ids, accept, refused) = (seeded.ids, seeded.accept, seeded.refused)
        let singles = accept.count - 8 * facilities
        let total = try await BookingRepository(db).countActive()
        print("facilities: \(facilities) × 40 bays, \(days) days; booking requests: \(seeded.requests) (\(refused) refused); bookings stored: \(total)")
        print("accept one booking (lock, pool check, bay, insert; store call on a local database): median \(ms(median(accept))), p90 \(ms(percentile(accept, 0.9))), p99 \(ms(percentile(accept, 0.99))) over \(accept.count) requests (\(singles) single, \(8 * facilities) 14-night series)")
        try await layouts(db, ids, monday: monday, days: days, runs: runs)
    }

    /// `facilities` car parks of 40 bays shared by residents (night), a hospital (weekdays) and
    /// the public, in a community of their own, with 8 standing overnight series each and day
    /// visits, booked one at a time through the store.
    static func seed(_ db: Database, facilities: Int, monday: LocalDate, days: Int) async throws -> Seeded {
        let community = try await CommunityRepository(db).create(.init(code: "bench", name: "基准社区"))
        let unit = try await UnitRepository(db).create(.init(code: "bench-hospital", name: "医院", kind: "hospital", liaisonName: "李", liaisonPhone: "13700000000"))
        var ids: [Facility.ID] = []
        for f in 0..<facilities {
            let facility = try await FacilityRepository(db).create(in: community.id, .init(code: "park-\(f)", name: "停车场 \(f)", kind: "car_park", bays: 40, bayPrefix: "P"))
            let all = Array(1...7)
            for w: SharingWindow.Draft in [
                .init(userClass: "residents", weekdays: all, start: .init("18:00")!, end: .init("08:00")!, guaranteedBays: 30, capBays: 40, validFrom: monday),
                .init(userClass: "residents", weekdays: all, start: .init("08:00")!, end: .init("18:00")!, guaranteedBays: 5, capBays: 40, validFrom: monday),
                .init(userClass: "unit", unitID: unit.id, weekdays: Array(1...5), start: .init("08:00")!, end: .init("17:30")!, capBays: 30, validFrom: monday),
                .init(userClass: "public", weekdays: all, start: .init("08:00")!, end: .init("20:00")!, capBays: 10, validFrom: monday),
            ] { _ = try await FacilityRepository(db).addWindow(to: facility.id, w) }
            ids.append(facility.id)
        }

        // Bookings: 8 standing overnight series per facility (14 nights each) and day visits.
        var requests: [(Facility.ID, Booking.Request)] = []
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int { seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407; return Int((seed >> 33) % UInt64(n)) }
        for f in ids {
            for r in 0..<8 {
                requests.append((f, .init(userClass: "residents", holder: "住户 \(r)", start: "\(monday)T18:00", end: "\(monday.adding(days: 1))T08:00",
                                          repeat: .init(weekdays: Array(1...7), until: monday.adding(days: days - 1)))))
            }
            for d in 0..<days {
                let day = monday.adding(days: d)
                for v in 0..<(day.isoWeekday <= 5 ? 12 : 4) {
                    let start = 8 * 60 + next(16) * 30
                    let end = min(start + 30 + next(6) * 30, day.isoWeekday <= 5 ? 17 * 60 + 30 : 20 * 60)
                    let byUnit = day.isoWeekday <= 5 && v % 4 != 3
                    requests.append((f, .init(userClass: byUnit ? "unit" : "public", unitID: byUnit ? unit.id : nil, holder: "访客 \(v)",
                                              start: "\(day)T\(LocalTime(minutes: start))", end: "\(day)T\(LocalTime(minutes: end))")))
                }
            }
        }
        var accept: [Double] = []
        var refused = 0
        let clock = ContinuousClock()
        for (f, request) in requests {
            var outcome: BookingRepository.Outcome?
            let t = try await clock.measure { outcome = try await BookingRepository(db).book(f, request) }
            if case .refused = outcome! { refused += 1 } else { accept.append(millis(t)) }
        }
        return Seeded(ids: ids, requests: requests.count, refused: refused, accept: accept)
    }

    static func layouts(_ db: Database, _ ids: [Facility.ID], monday: LocalDate, days: Int, runs: Int) async throws {
        let facilities = ids.count
        let clock = ContinuousClock()
        var fresh: [Double] = []
        var again: [Double] = []
        var summary = (bookings: 0, written: 0, moved: 0, unplaced: 0)
        for _ in 0..<runs {
            try await db.execute("DELETE FROM bay_allocations")
            let t1 = try await clock.measure {
                summary = (0, 0, 0, 0)
                for f in ids {
                    let s = try await BookingRepository(db).layout(f, from: monday, to: monday.adding(days: days - 1))
                    summary = (summary.bookings + s.bookings, summary.written + s.written, summary.moved + s.moved, summary.unplaced + s.unplaced.count)
                }
            }
            fresh.append(millis(t1))
            let written = summary.written
            let t2 = try await clock.measure {
                for f in ids { _ = try await BookingRepository(db).layout(f, from: monday, to: monday.adding(days: days - 1)) }
            }
            again.append(millis(t2))
            precondition(written == summary.bookings && summary.unplaced == 0, "layout left bookings without bays")
        }
        print("lay out \(facilities) facilities × \(days) days, \(summary.bookings) bookings, from scratch (read, place, write every bay): median \(ms(median(fresh)))  \(fresh.map { String(format: "%.0f", $0) })")
        print("lay out again with every bay in place (read, place, nothing to write):                 median \(ms(median(again)))  \(again.map { String(format: "%.0f", $0) })")
    }
}
