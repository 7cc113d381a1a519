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

    /// The formats of the review, and a few more people use.
    static let phones: [(written: String, masked: String)] = [
        ("138-0013-8001", "*******8001"), ("138 0013 8002", "*******8002"), ("１３８００１３８００３", "*******８００３"),
        ("+86 138 0013 8004", "*********8004"), ("138.0013.8005", "*******8005"), ("0086-138-0013-8006", "***********8006"),
        ("(138) 0013-8007", "*******8007"), ("13800138008", "*******8008"),
    ]

    @Test func aBookingsHolderMayNotHoldAPhoneNumber() async throws {
        try await withAPI { api in
            let park = try await SeedCarPark.make(api)
            for (phone, _) in Self.phones + [("0371-6789 1234", "")] {
                let r = try await park.book(["user_class": "unit", "unit_id": park.hospital, "holder": "王建国 \(phone)",
                                             "start": "2026-12-01T09:00", "end": "2026-12-01T11:00"])
                #expect(r.status == .unprocessableContent, "\(phone): \(r.text)")
                #expect(r.error["field"] as? String == "holder", "\(phone)")
            }
            // Dates, times, buildings and short numbers are not phone numbers.
            for holder in ["2026-12-01 09:00 复诊", "3号楼 2单元 501", "豫A·12345", "1-3号楼 住户"] {
                let r = try await park.book(["user_class": "unit", "unit_id": park.hospital, "holder": holder,
                                             "start": "2026-12-01T09:00", "end": "2026-12-01T11:00"])
                #expect(r.status == .created, "\(holder): \(r.text)")
            }
        }
    }

    @Test func phoneNumbersAlreadyInHoldersAreMaskedInEveryFormat() async throws {
        try await withAPI { api in
            let park = try await SeedCarPark.make(api)
            // Holders written before phone numbers were refused there.
            for (i, (phone, _)) in Self.phones.enumerated() {
                let r = try await park.book(["user_class": "unit", "unit_id": park.hospital, "holder": "访客\(i)",
                                             "start": "2026-12-01T09:00", "end": "2026-12-01T11:00"])
                #expect(r.status == .created, "\(r.text)")
                try await api.database.execute("UPDATE bookings SET holder = '访客 \(phone)' WHERE holder = '访客\(i)'")
            }
            let organiser = api.as(try await api.token(.organiser, community: try await Self.communityOf(park)))
            for viewer in [organiser] {
                for format in Self.formats {
                    let t = try await viewer.get("/v1/facilities/\(park.facility)/timetable?date=2026-12-01&format=\(format)")
                    #expect(t.status == .ok)
                    // Separators dropped and digits made ASCII, no phone number is left in the text.
                    #expect(!Self.digitsOnly(t.text).contains("1380013800"), "\(format) shows a phone number")
                    for (phone, masked) in Self.phones {
                        #expect(!t.text.contains(phone), "\(format) shows \(phone)")
                        #expect(t.text.contains(masked), "\(format) lacks \(masked)")
                    }
                }
            }
        }
    }

    static func communityOf(_ park: SeedCarPark) async throws -> String {
        try await park.api.get("/v1/facilities/\(park.facility)").string("community_id")!
    }

    /// The text with full-width digits made ASCII and the separators of phone numbers removed.
    static func digitsOnly(_ text: String) -> String {
        String(text.unicodeScalars.compactMap { s -> Character? in
            if (0xFF10...0xFF19).contains(s.value) { return Character(Unicode.Scalar(s.value - 0xFF10 + 0x30)!) }
            return " -.()+\u{3000}".unicodeScalars.contains(s) ? nil : Character(s)
        })
    }
}
