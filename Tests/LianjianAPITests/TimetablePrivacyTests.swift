import Foundation
import Hummingbird
import Testing

/// Issue 14: what a facility's timetable shows to those outside a booking's owner.
@Suite("Timetable privacy")
struct TimetablePrivacyTests {
    static let formats = ["json", "csv", "svg", "html"]

    /// The hospital's visitor on the seed car park, and the justice bureau's liaison.
    static func hospitalVisitor(_ api: APIClient, holder: String = "王建国 就诊") async throws -> (park: SeedCarPark, justice: String, liaison: APIClient) {
        let park = try await SeedCarPark.make(api)
        let visit = try await park.book(["user_class": "unit", "unit_id": park.hospital, "holder": holder,
                                         "start": "2026-12-01T09:00", "end": "2026-12-01T11:00"])
        #expect(visit.status == .created, "\(visit.text)")
        let justice = try await api.unit("justice-bureau", name: "上街区司法局")
        let liaison = api.as(try await api.token(.liaison, unit: justice))
        return (park, justice, liaison)
    }

    @Test func aLiaisonWhoRenamesTheirUnitStillSeesNoOtherUnitsHolders() async throws {
        try await withAPI { api in
            let (park, justice, liaison) = try await Self.hospitalVisitor(api)
            // The justice bureau's liaison tries to take the hospital's name: it is taken.
            let rename = try await liaison.put("/v1/units/\(justice)", ["code": "justice-bureau", "name": "上街区中医院", "kind": "justice",
                                                                       "liaison_name": "赵", "liaison_phone": "13700000001"])
            #expect(rename.status == .conflict, "\(rename.text)")
            #expect(rename.error["field"] as? String == "name")
            #expect(try await api.post("/v1/units", ["code": "tcm-hospital-2", "name": "上街区中医院", "kind": "hospital",
                                                     "liaison_name": "李", "liaison_phone": "13700000002"]).error["field"] as? String == "name")
            // And were names ever to coincide, holders are shown by unit id, not by name.
            for format in Self.formats {
                let t = try await liaison.get("/v1/facilities/\(park.facility)/timetable?date=2026-12-01&format=\(format)")
                #expect(t.status == .ok)
                #expect(!t.text.contains("王建国"), "\(format) shows the hospital's visitor to the justice bureau")
            }
            // The hospital's own liaison still sees its visitor.
            let hospital = api.as(try await api.token(.liaison, unit: park.hospital))
            #expect(try await hospital.get("/v1/facilities/\(park.facility)/timetable?date=2026-12-01").text.contains("王建国"))
        }
    }
}
