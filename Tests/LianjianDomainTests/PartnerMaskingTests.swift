import Foundation
import LianjianDomain
import Testing

/// Issue 15 #11: what each side of a joint project sees of the other's personal data.
@Suite("Partners' masking: sheets for liaisons, liaison phones for organisers")
struct PartnerMaskingTests {
    let community = Community.ID(UUID())
    let unit = PartnerUnit.ID(UUID())

    var sheet: EventSheet {
        EventSheet(title: "我陪老人看电影 联系 13800138000", venue: "上街影院", start: Date(timeIntervalSince1970: 1_764_913_800),
                   end: Date(timeIntervalSince1970: 1_764_926_400), zone: TimeZone(identifier: "Asia/Shanghai")!,
                   staff: [.init(skill: "companion", name: "王芳", unit: "司法局", phone: "13900000101")],
                   participants: [.init(id: "r1", name: "李秀英", building: "1号楼", needs: ["mobility_aid"], phone: "13800000200")],
                   groups: [(companion: "王芳", residents: ["r1"])])
    }

    @Test func aLiaisonsSheetKeepsTheResidentsCountNotTheirData() {
        let liaison = Principal(tokenID: UUID(), role: .liaison, unit: unit)
        let shown = sheet.shown(to: liaison, residentsOf: community)
        #expect(shown.participants.map(\.name) == ["李**"])
        #expect(shown.participants.allSatisfy { $0.building.isEmpty && $0.needs.isEmpty && $0.phone.isEmpty })
        #expect(shown.staff.map(\.phone) == ["*******0101"] && shown.staff.map(\.name) == ["王芳"])
        #expect(shown.title == "我陪老人看电影 联系 *******8000")
        #expect(shown.groups.map(\.residents) == [["r1"]])
        // The community's organisers and admins see it all.
        for viewer in [Principal(tokenID: UUID(), role: .organiser, community: community), Principal(tokenID: UUID(), role: .admin)] {
            let full = sheet.shown(to: viewer, residentsOf: community)
            #expect(full.participants.map(\.name) == ["李秀英"] && full.participants[0].needs == ["mobility_aid"])
        }
        let elsewhere = Principal(tokenID: UUID(), role: .organiser, community: .init(UUID()))
        #expect(sheet.shown(to: elsewhere, residentsOf: community).participants.map(\.name) == ["李**"])
    }

    @Test func namesAreMaskedToTheirFirstCharacter() {
        #expect(Mask.name("王秀英") == "王**")
        #expect(Mask.name("王芳") == "王*")
        #expect(Mask.name("王") == "*")
        #expect(Mask.name("") == "")
    }

    @Test func organisersCallTheLiaisonsOfUnitsWorkingInTheirCommunity() {
        let u = PartnerUnit(id: unit, code: "justice", name: "司法局", kind: "justice", liaisonName: "赵", liaisonPhone: "13700000001")
        let here = Principal(tokenID: UUID(), role: .organiser, community: community)
        let there = Principal(tokenID: UUID(), role: .organiser, community: .init(UUID()))
        #expect(u.shown(to: here, workingIn: [community]).liaisonPhone == "13700000001")
        #expect(u.shown(to: here).liaisonPhone == "*******0001")
        #expect(u.shown(to: there, workingIn: [community]).liaisonPhone == "*******0001")
        // Working in a community is no reason for another unit's liaison or a volunteer to call.
        let otherLiaison = Principal(tokenID: UUID(), role: .liaison, unit: .init(UUID()))
        let volunteer = Principal(tokenID: UUID(), role: .volunteer, volunteer: .init(UUID()))
        #expect(u.shown(to: otherLiaison, workingIn: [community]).liaisonPhone == "*******0001")
        #expect(u.shown(to: volunteer, workingIn: [community]).liaisonPhone == "*******0001")
        #expect(u.shown(to: Principal(tokenID: UUID(), role: .liaison, unit: unit)).liaisonPhone == "13700000001")
    }

    @Test func aLiaisonIsServedOnlyByTheRostersStaffingTheirUnit() {
        let liaison = Principal(tokenID: UUID(), role: .liaison, unit: unit)
        #expect(liaison.serves(.init(community: community, servedUnits: [unit])))
        #expect(!liaison.serves(.init(community: community, servedUnits: [.init(UUID())])))
        #expect(!liaison.serves(.init(community: community, served: [community])))
        // Served units give organisers nothing: their reach is their community.
        let organiser = Principal(tokenID: UUID(), role: .organiser, community: .init(UUID()))
        #expect(!organiser.serves(.init(community: community, servedUnits: [unit])))
    }
}
