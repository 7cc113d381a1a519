import Foundation
import Hummingbird
import LianjianStore
import Testing

@Suite("Double booking is impossible")
struct BookingConflictTests {
    /// A two-bay room-like facility open to the public all day.
    static func smallFacility(_ api: APIClient, bays: Int = 2) async throws -> String {
        let community = try await api.community()
        let f = try await api.post("/v1/communities/\(community)/facilities", ["code": "hall", "name": "会议室", "kind": "meeting_room", "bays": bays])
        let w = try await api.post("/v1/facilities/\(f.string("id")!)/windows",
                                   ["user_class": "public", "weekdays": Array(1...7), "start": "00:00", "end": "00:00", "cap_bays": bays, "valid_from": "2026-01-01"])
        #expect(w.status == .created, "\(w.text)")
        return f.string("id")!
    }

    static func book(_ api: APIClient, _ facility: String, _ start: String, _ end: String, holder: String = "会议") async throws -> Reply {
        try await api.post("/v1/facilities/\(facility)/bookings", ["user_class": "public", "holder": holder, "start": start, "end": end])
    }

    @Test func fiftyRequestsForTheLastBayGiveOneSuccess() async throws {
        try await withAPI { api in
            let facility = try await Self.smallFacility(api)
            #expect(try await Self.book(api, facility, "2026-12-01T09:00", "2026-12-01T11:00").status == .created)
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for i in 0..<50 {
                    group.addTask {
                        let r = try await Self.book(api, facility, "2026-12-01T10:00", "2026-12-01T12:00", holder: "请求 \(i)")
                        return (r.status, r.error["code"] as? String)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0.0 == .created }.count == 1)
            #expect(statuses.filter { $0.0 == .conflict && $0.1 == "no_bay_free" }.count == 49)
        }
    }

    @Test func theDatabaseRejectsAnOverlappingAllocation() async throws {
        try await withAPI { api in
            let facility = try await Self.smallFacility(api)
            let booked = try await Self.book(api, facility, "2026-12-01T09:00", "2026-12-01T11:00")
            let booking = (booked.json["bookings"] as! [[String: Any]])[0]["id"] as! String
            // Straight into the table, past every check of the application.
            let error = await #expect(throws: StoreError.self) {
                try await api.database.execute("""
                    INSERT INTO bookings (id, facility_id, user_class, holder, bay_count, starts_at, ends_at)
                    VALUES ('00000000-0000-0000-0000-000000000001', '\(facility)', 'public', 'x', 1, '2026-12-01 10:00+08', '2026-12-01 12:00+08');
                    """)
                try await api.database.execute("""
                    INSERT INTO bay_allocations (booking_id, bay_id, facility_id, starts_at, ends_at)
                    SELECT '00000000-0000-0000-0000-000000000001', bay_id, facility_id, '2026-12-01 10:00+08', '2026-12-01 12:00+08'
                    FROM bay_allocations WHERE booking_id = '\(booking)'
                    """)
            }
            #expect(error?.code == .doubleBooking)
            #expect(error?.field == "bay")
        }
    }

    @Test func movingOntoAHeldBayIsA409NamingTheBayAndTime() async throws {
        try await withAPI { api in
            let facility = try await Self.smallFacility(api)
            let first = try await Self.book(api, facility, "2026-12-01T09:00", "2026-12-01T11:00")
            let second = try await Self.book(api, facility, "2026-12-01T10:00", "2026-12-01T12:00")
            let held = (first.json["bookings"] as! [[String: Any]])[0]["bays"] as! [String]
            let id = (second.json["bookings"] as! [[String: Any]])[0]["id"] as! String
            let r = try await api.put("/v1/bookings/\(id)/bays", ["bays": held])
            #expect(r.status == .conflict)
            #expect(r.error["code"] as? String == "double_booking")
            #expect(r.error["field"] as? String == "bays[0]")
            #expect(r.error["message"] as? String == "车位 \(held[0]) 在 2026-12-01 09:00 至 2026-12-01 11:00 已被其他预订占用")
            #expect(!r.text.contains("exclusion") && !r.text.contains("tstzrange"))
        }
    }

    @Test func aFragmentedLayoutIsRepairedAndCancellingFreesTheBay() async throws {
        try await withAPI { api in
            let facility = try await Self.smallFacility(api)
            let a = try await Self.book(api, facility, "2026-12-01T08:00", "2026-12-01T10:00")
            let b = try await Self.book(api, facility, "2026-12-01T10:00", "2026-12-01T12:00")
            // Put them on different bays so that no bay is free from 08:00 to 12:00.
            let bID = (b.json["bookings"] as! [[String: Any]])[0]["id"] as! String
            let aBay = ((a.json["bookings"] as! [[String: Any]])[0]["bays"] as! [String])[0]
            #expect(try await api.put("/v1/bookings/\(bID)/bays", ["bays": [aBay == "01" ? "02" : "01"]]).status == .ok)
            let c = try await Self.book(api, facility, "2026-12-01T08:00", "2026-12-01T12:00")
            #expect(c.status == .created, "\(c.text)")
            let timetable = try await api.get("/v1/facilities/\(facility)/timetable?date=2026-12-01")
            let blocks = timetable.json["blocks"] as! [[String: Any]]
            #expect(blocks.count == 3)
            #expect(Set(blocks.map { $0["bay"] as! String }).count == 2)
            // Laying out again changes nothing that is already consistent.
            let layout = try await api.post("/v1/facilities/\(facility)/layout", ["from": "2026-12-01", "to": "2026-12-01"])
            #expect(layout.json["moved"] as? Int == 0 && layout.json["written"] as? Int == 0)
            // A fourth booking does not fit; cancelling one makes room.
            #expect(try await Self.book(api, facility, "2026-12-01T09:00", "2026-12-01T09:30").status == .conflict)
            let cID = (c.json["bookings"] as! [[String: Any]])[0]["id"] as! String
            #expect(try await api.send(.delete, "/v1/bookings/\(cID)").status == .ok)
            #expect(try await Self.book(api, facility, "2026-12-01T09:00", "2026-12-01T09:30").status == .created)
        }
    }

    @Test func badBookingsNameTheirField() async throws {
        try await withAPI { api in
            let facility = try await Self.smallFacility(api)
            let cases: [([String: Any], HTTPResponse.Status, String)] = [
                (["user_class": "public", "holder": "x", "start": "2026-12-01T10:00", "end": "2026-12-01T09:00"], .unprocessableContent, "end"),
                (["user_class": "unit", "holder": "x", "start": "2026-12-01T10:00", "end": "2026-12-01T11:00"], .unprocessableContent, "unit_id"),
                (["user_class": "unit", "unit_id": UUID().uuidString, "holder": "x", "start": "2026-12-01T10:00", "end": "2026-12-01T11:00"], .unprocessableContent, "unit_id"),
                (["user_class": "public", "holder": "x", "bays": "two", "start": "2026-12-01T10:00", "end": "2026-12-01T11:00"], .badRequest, "bays"),
                (["user_class": "public", "holder": "x", "start": "tomorrow", "end": "2026-12-01T11:00"], .unprocessableContent, "start"),
            ]
            for (body, status, field) in cases {
                let r = try await api.post("/v1/facilities/\(facility)/bookings", body)
                #expect(r.status == status, "\(body): \(r.text)")
                #expect(r.error["field"] as? String == field, "\(body): \(r.text)")
            }
            let valid: [String: Any] = ["user_class": "public", "holder": "x", "start": "2026-12-01T10:00", "end": "2026-12-01T11:00"]
            #expect(try await api.post("/v1/facilities/\(UUID())/bookings", valid).status == .notFound)
        }
    }
}
