import Foundation
import Hummingbird
import LianjianStore
import Testing

/// The seed's car park at 陇海安居: 40 bays, residents 18:00–08:00 on all of them, the TCM
/// hospital's patients on weekdays 08:00–17:30 up to 30, a Saturday screening.
struct SeedCarPark {
    let api: APIClient
    let facility: String
    let hospital: String

    static func make(_ api: APIClient) async throws -> SeedCarPark {
        let community = try await api.community()
        let hospital = try await api.unit()
        let f = try await api.post("/v1/communities/\(community)/facilities",
                                   ["code": "longhai-car-park", "name": "陇海安居停车场", "kind": "car_park", "bays": 40, "bay_prefix": "P"])
        #expect(f.status == .created, "\(f.text)")
        let park = SeedCarPark(api: api, facility: f.string("id")!, hospital: hospital)
        let all = Array(1...7)
        for w: [String: Any] in [
            ["user_class": "residents", "weekdays": all, "start": "18:00", "end": "08:00", "guaranteed_bays": 40, "cap_bays": 40],
            ["user_class": "residents", "weekdays": all, "start": "08:00", "end": "18:00", "guaranteed_bays": 10, "cap_bays": 40],
            ["user_class": "unit", "unit_id": hospital, "weekdays": [1, 2, 3, 4, 5], "start": "08:00", "end": "17:30", "cap_bays": 30],
            ["user_class": "events", "weekdays": [6], "start": "08:00", "end": "13:00", "guaranteed_bays": 3, "cap_bays": 6],
        ] {
            let r = try await park.window(w)
            #expect(r.status == .created, "\(r.text)")
        }
        return park
    }

    func window(_ w: [String: Any]) async throws -> Reply {
        var body = w
        body["valid_from"] = "2026-11-01"
        return try await api.post("/v1/facilities/\(facility)/windows", body)
    }

    func book(_ body: [String: Any]) async throws -> Reply { try await api.post("/v1/facilities/\(facility)/bookings", body) }

    func bays(_ r: Reply) -> [[String]] { (r.json["bookings"] as? [[String: Any]] ?? []).map { $0["bays"] as? [String] ?? [] } }
}

@Suite("Facilities and bookings")
struct FacilityTests {
    @Test func theSeedCarParkSharesItsBaysByTimeOfDay() async throws {
        try await withAPI { api in
            let park = try await SeedCarPark.make(api)
            #expect(try await park.api.get("/v1/facilities/\(park.facility)").json["bays"].map { ($0 as! [Any]).count } == 40)
            // A household's standing overnight bay for a week keeps one bay every night.
            let resident = try await park.book(["user_class": "residents", "holder": "3号楼 固定车位", "start": "2026-11-30T18:00",
                                                "end": "2026-12-01T08:00", "repeat": ["weekdays": Array(1...7), "until": "2026-12-06"]])
            #expect(resident.status == .created, "\(resident.text)")
            #expect(Set(park.bays(resident)).count == 1 && park.bays(resident).count == 7)
            // Patients by day on a weekday; on Saturday the hospital has no window.
            let visit = try await park.book(["user_class": "unit", "unit_id": park.hospital, "holder": "就诊", "start": "2026-12-01T09:00", "end": "2026-12-01T11:00"])
            #expect(visit.status == .created, "\(visit.text)")
            let saturday = try await park.book(["user_class": "unit", "unit_id": park.hospital, "holder": "就诊", "start": "2026-12-05T09:00", "end": "2026-12-05T10:00"])
            #expect(saturday.status == .conflict)
            #expect(saturday.error["code"] as? String == "outside_window")
            #expect(saturday.error["field"] as? String == "start")
            #expect((saturday.error["message"] as? String)?.contains("2026-12-05 09:00") == true)
            let late = try await park.book(["user_class": "unit", "unit_id": park.hospital, "holder": "就诊", "bays": 31, "start": "2026-12-02T09:00", "end": "2026-12-02T10:00"])
            #expect(late.error["code"] as? String == "cap_reached")
            // The Saturday screening: three bays for the clinic van from 08:00 to 12:00.
            let screening = try await park.book(["user_class": "events", "holder": "义诊医疗车", "bays": 3, "start": "2026-12-05T08:00", "end": "2026-12-05T12:00"])
            #expect(screening.status == .created, "\(screening.text)")
            #expect(park.bays(screening).first?.count == 3)
            // An events window from 07:00 would eat into the residents' night guarantee.
            let early = try await park.window(["user_class": "events", "weekdays": [6], "start": "07:00", "end": "13:00", "guaranteed_bays": 3, "cap_bays": 6])
            #expect(early.status == .unprocessableContent)
            #expect(early.error["field"] as? String == "guaranteed_bays")
            #expect((early.error["message"] as? String)?.contains("保证车位在周六 07:00合计将达 43 个") == true)
        }
    }

    @Test func theTimetableIsJSONCSVAndAPicture() async throws {
        try await withAPI { api in
            let park = try await SeedCarPark.make(api)
            _ = try await park.book(["user_class": "residents", "holder": "王, \"老\" 3号楼", "start": "2026-12-05T18:00", "end": "2026-12-06T08:00"])
            _ = try await park.book(["user_class": "events", "holder": "义诊医疗车", "bays": 3, "start": "2026-12-05T08:00", "end": "2026-12-05T12:00"])
            let base = "/v1/facilities/\(park.facility)/timetable?date=2026-12-05"
            let json = try await api.get(base)
            #expect(json.status == .ok)
            #expect((json.json["blocks"] as? [Any])?.count == 4)
            #expect((json.json["bays"] as? [String])?.first == "P01")
            let csv = try await api.get(base + "&format=csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("\u{FEFF}车位,开始,结束,类别,联建单位,用途\r\n"))
            #expect(csv.text.contains("\"王, \"\"老\"\" 3号楼\""))
            #expect(csv.text.contains("2026-12-05 08:00,2026-12-05 12:00,活动,,义诊医疗车\r\n"))
            let english = try await api.get(base + "&format=csv&lang=en")
            #expect(english.text.hasPrefix("\u{FEFF}Bay,Start,End,Class,Partner unit,Holder\r\n"))
            let svg = try await api.get(base + "&format=svg")
            #expect(svg.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(svg.text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.text.components(separatedBy: "fill=\"#59a14f\"><title>").count - 1 == 3)
            #expect(svg.text.contains("王, &quot;老&quot;"))
            let html = try await api.get(base + "&format=html&days=7")
            #expect(html.text.hasPrefix("<!DOCTYPE html>") && html.text.contains("<svg") && html.text.contains("义诊医疗车"))
            let bad = try await api.get("/v1/facilities/\(park.facility)/timetable?date=2026-13-01")
            #expect(bad.status == .badRequest && bad.error["field"] as? String == "date")
            let missing = try await api.get("/v1/facilities/\(UUID())/timetable?date=2026-12-01")
            #expect(missing.status == .notFound)
        }
    }
}
