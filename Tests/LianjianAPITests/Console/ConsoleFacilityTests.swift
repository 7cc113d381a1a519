import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// The car park's console page (issue 17): the day's timetable and bookings, and a booking
/// form whose refusals are the API's 409 reasons said in words.
@Suite("Console car park")
struct ConsoleFacilityTests {
    /// A Saturday, far enough ahead that the seed's windows (from 2026-11-01) are in force.
    static let saturday = "2027-03-06"

    static func organiser(_ api: APIClient, _ park: SeedCarPark, login: String = "organiser") async throws -> ConsoleClient {
        let community = try #require(try await api.get("/v1/facilities/\(park.facility)").string("community_id"))
        let scope = Principal(tokenID: UUID(), role: .organiser, community: Community.ID(community))
        _ = try await AccountRepository(api.database).create(login: login, displayName: "社区组织者", passwordHash: try await Passwords.hash("a-good-password"), scope: scope)
        var client = ConsoleClient(api)
        _ = try await client.signIn(login, "a-good-password")
        return client
    }

    @Test func anOrganiserBooksBaysForAnEventAndReadsTheRefusalsInWords() async throws {
        try await withAPI { api in
            let park = try await SeedCarPark.make(api)
            var organiser = try await Self.organiser(api, park)
            let list = try await organiser.get("/facilities")
            #expect(list.status == .ok && list.text.contains(#"<a href="/facilities/\#(park.facility)">陇海安居停车场</a>"#), "\(list.text)")
            #expect(list.text.contains("40 个车位"))
            let day = try await organiser.get("/facilities/\(park.facility)?date=\(Self.saturday)")
            #expect(day.status == .ok && day.text.contains("这一天没有预约") && day.text.contains("星期六"), "\(day.text)")
            let csrf = ConsoleClient.csrf(in: day.text)
            let event = ["user_class": "events", "holder": "社区观影", "bays": "4", "date": Self.saturday, "start": "08:00", "end": "12:00"]
            let booked = try await organiser.post("/facilities/\(park.facility)/bookings", event, csrf: csrf)
            #expect(booked.status == .seeOther && booked.headers[.location] == "/facilities/\(park.facility)?date=\(Self.saturday)&done=booked")
            let after = try await organiser.get(booked.headers[.location] ?? "")
            for text in ["已预约", "社区观影", "08:00–12:00", "4 个车位", "活动"] { #expect(after.text.contains(text), "\(text) missing") }

            var more = event
            more["bays"] = "3"
            more["holder"] = "第二场"
            let full = try await organiser.post("/facilities/\(park.facility)/bookings", more, csrf: csrf)
            #expect(full.status == .conflict)
            #expect(full.text.contains("2027-03-06 08:00 这类使用者可用的车位已经用满"), "\(full.text)")
            #expect(full.text.contains(#"value="第二场""#), "the refused form keeps what was typed")

            let unit = ["user_class": "unit", "unit": park.hospital, "holder": "就诊", "bays": "1", "date": Self.saturday, "start": "09:00", "end": "10:00"]
            let closed = try await organiser.post("/facilities/\(park.facility)/bookings", unit, csrf: csrf)
            #expect(closed.status == .conflict && closed.text.contains("不在这类使用者的共享时段内"), "\(closed.text)")

            var phone = event
            phone["holder"] = "王先生 13912345678"
            let refused = try await organiser.post("/facilities/\(park.facility)/bookings", phone, csrf: csrf)
            #expect(refused.status == .unprocessableContent && refused.text.contains("预约人："), "\(refused.text)")
            let bookings = try await api.get("/v1/facilities/\(park.facility)/timetable?date=\(Self.saturday)")
            #expect((bookings.json["blocks"] as? [Any])?.count == 4, "only the first booking was written: \(bookings.text)")

            let picture = try await organiser.get("/facilities/\(park.facility)/timetable.svg?date=\(Self.saturday)")
            #expect(picture.status == .ok && picture.headers[.contentType]?.hasPrefix("image/svg+xml") == true && picture.text.contains("<svg"))
        }
    }

    @Test func residentsNightParkingEndsTheNextMorningAndRepeats() async throws {
        try await withAPI { api in
            let park = try await SeedCarPark.make(api)
            var organiser = try await Self.organiser(api, park)
            let csrf = ConsoleClient.csrf(in: try await organiser.get("/facilities/\(park.facility)").text)
            let night = try await organiser.send(.post, "/facilities/\(park.facility)/bookings",
                                                 body: "_csrf=\(ConsoleClient.encode(csrf ?? ""))&user_class=residents&unit=&holder=3%E5%8F%B7%E6%A5%BC&bays=1"
                                                     + "&date=2027-03-01&start=18:00&end=08:00&weekday=1&weekday=2&weekday=3&until=2027-03-05",
                                                 contentType: "application/x-www-form-urlencoded")
            #expect(night.status == .seeOther, "\(night.text)")
            let tuesday = try await organiser.get("/facilities/\(park.facility)?date=2027-03-02")
            #expect(tuesday.text.contains("18:00–03-03 08:00") && tuesday.text.contains("3号楼"), "\(tuesday.text)")
            let table = try await api.get("/v1/facilities/\(park.facility)/timetable?date=2027-03-01&days=7")
            #expect((table.json["blocks"] as? [Any])?.count == 3, "Monday, Tuesday and Wednesday nights: \(table.text)")
        }
    }

    @Test func anotherCommunitysOrganiserSeesNothingAndALiaisonIsRefused() async throws {
        try await withAPI { api in
            let park = try await SeedCarPark.make(api)
            let other = try await api.community("zhuzhai", name: "朱寨社区")
            let scope = Principal(tokenID: UUID(), role: .organiser, community: .init(other))
            _ = try await AccountRepository(api.database).create(login: "zhuzhai", displayName: "朱寨", passwordHash: try await Passwords.hash("a-good-password"), scope: scope)
            var stranger = ConsoleClient(api)
            _ = try await stranger.signIn("zhuzhai", "a-good-password")
            #expect(!(try await stranger.get("/facilities")).text.contains("陇海安居停车场"))
            for path in ["/facilities/\(park.facility)", "/facilities/\(park.facility)/timetable.svg"] {
                #expect(try await stranger.get(path).status == .notFound, "\(path)")
            }
            let csrf = ConsoleClient.csrf(in: try await stranger.get("/facilities").text)
            let post = try await stranger.post("/facilities/\(park.facility)/bookings", ["user_class": "events", "holder": "x", "bays": "1",
                                                                                     "date": Self.saturday, "start": "08:00", "end": "09:00"], csrf: csrf)
            #expect(post.status == .notFound)
            #expect(((try await api.get("/v1/facilities/\(park.facility)/timetable?date=\(Self.saturday)")).json["blocks"] as? [Any])?.isEmpty == true)
        }
    }
}
