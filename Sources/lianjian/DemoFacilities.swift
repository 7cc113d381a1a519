import Foundation
import LianjianDomain
import LianjianStore

/// The demo's time-shared facilities: 陇海安居's 40-bay car park, used by residents at night and
/// by the TCM hospital's patients by day (错时停车), and its plaza, where the hospital holds its
/// Saturday free clinic; with two weeks of bookings from `monday`.
struct DemoFacilities {
    let db: Database
    let community: Community.ID
    let estate: Estate.ID?
    let hospital: PartnerUnit.ID
    let monday: LocalDate

    func load() async throws {
        let repo = FacilityRepository(db)
        let park = try await repo.create(in: community, .init(
            code: "longhai-car-park", name: "陇海安居停车场", kind: "car_park", estateID: estate, bays: 40, bayPrefix: "P"))
        let everyDay = Array(1...7)
        let windows: [SharingWindow.Draft] = [
            .init(userClass: "residents", weekdays: everyDay, start: .init("18:00")!, end: .init("08:00")!,
                  guaranteedBays: 40, capBays: 40, validFrom: monday, label: "居民夜间"),
            .init(userClass: "residents", weekdays: everyDay, start: .init("08:00")!, end: .init("18:00")!,
                  guaranteedBays: 10, capBays: 40, validFrom: monday, label: "居民日间"),
            .init(userClass: "unit", unitID: hospital, weekdays: Array(1...5), start: .init("08:00")!, end: .init("17:30")!,
                  capBays: 30, validFrom: monday, label: "中医院患者错时停车"),
            .init(userClass: "events", weekdays: [6], start: .init("08:00")!, end: .init("13:00")!,
                  guaranteedBays: 3, capBays: 6, validFrom: monday, label: "周六义诊"),
        ]
        for w in windows { _ = try await repo.addWindow(to: park.id, w) }
        let plaza = try await repo.create(in: community, .init(
            code: "longhai-plaza", name: "陇海安居小游园广场", kind: "plaza", estateID: estate, bayLabels: ["广场"], seats: 200))
        _ = try await repo.addWindow(to: plaza.id, .init(userClass: "events", weekdays: everyDay, start: .init("07:00")!, end: .init("21:00")!,
                                                         capBays: 1, validFrom: monday, label: "活动"))
        try await book(park: park.id, plaza: plaza.id)
    }

    private func book(park: Facility.ID, plaza: Facility.ID) async throws {
        let bookings = BookingRepository(db)
        let lastDay = monday.adding(days: 13)
        // 28 households with a standing overnight bay.
        for i in 0..<28 {
            _ = try await bookings.book(park, .init(
                userClass: "residents", holder: "\(i % 5 + 1)号楼 住户\(i + 1)", start: "\(monday)T18:00", end: "\(monday.adding(days: 1))T08:00",
                repeat: .init(weekdays: Array(1...7), until: lastDay)))
        }
        // The hospital's patients on weekdays: visits of one to three hours (a fixed pattern).
        var seed: UInt64 = 20_210_225
        for d in 0..<14 {
            let day = monday.adding(days: d)
            guard day.isoWeekday <= 5 else { continue }
            for v in 0..<36 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let start = 8 * 60 + Int((seed >> 33) % 16) * 30
                let length = 60 + Int((seed >> 20) % 5) * 30
                let end = min(start + length, 17 * 60 + 30)
                _ = try await bookings.book(park, .init(
                    userClass: "unit", unitID: hospital, holder: "中医院就诊 \(v + 1)",
                    start: "\(day)T\(LocalTime(minutes: start))", end: "\(day)T\(LocalTime(minutes: end))"))
            }
        }
        // The Saturday free clinic: three bays for the clinic van and staff cars, and the plaza.
        for saturday in [monday.adding(days: 5), monday.adding(days: 12)] {
            _ = try await bookings.book(park, .init(userClass: "events", holder: "义诊医疗车", bays: 3,
                                                    start: "\(saturday)T08:00", end: "\(saturday)T12:00"))
            _ = try await bookings.book(plaza, .init(userClass: "events", holder: "中医院健康义诊",
                                                     start: "\(saturday)T08:00", end: "\(saturday)T12:00"))
        }
    }
}
