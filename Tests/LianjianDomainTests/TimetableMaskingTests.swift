import Foundation
import LianjianDomain
import Testing

@Suite("Timetable as each viewer sees it")
struct TimetableMaskingTests {
    @Test func aLiaisonSeesOnlyTheirOwnUnitsHoldersEvenUnderOneName() {
        let hospital = PartnerUnit.ID(UUID())
        let impostor = PartnerUnit.ID(UUID())
        let start = Date(timeIntervalSince1970: 1_764_550_800)
        func block(_ bay: String, _ unit: PartnerUnit.ID?, _ holder: String, _ kind: UserClass.Kind = .unit) -> Timetable.Block {
            .init(bay: bay, bookingID: .init(UUID()), userClass: kind, unit: unit == nil ? nil : "上街区中医院", unitID: unit,
                  holder: holder, start: start, end: start + 3600)
        }
        let t = Timetable(facility: "停车场", timeZone: "Asia/Shanghai", from: LocalDate(start, in: .gmt), days: 1, bays: ["P01", "P02", "P03"],
                          blocks: [block("P01", hospital, "王建国 就诊"), block("P02", impostor, "自己的访客"), block("P03", nil, "3号楼", .residents)])
        let liaison = Principal(tokenID: UUID(), role: .liaison, unit: impostor)
        #expect(t.shown(to: liaison).blocks.map(\.holder) == ["联建单位", "自己的访客", "居民"])
        let organiser = Principal(tokenID: UUID(), role: .organiser, community: .init(UUID()))
        #expect(t.shown(to: organiser).blocks.map(\.holder) == ["王建国 就诊", "自己的访客", "3号楼"])
    }
}
