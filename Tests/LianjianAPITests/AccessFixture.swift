import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore
import Testing

/// Two of everything, "a" (inside the scoped tokens' reach) and "b" (outside it), and a token
/// per role scoped to the "a" side.
struct AccessFixture {
    var ids: [String: String] = [:]
    var tokens: [Principal.Role: String] = [:]

    static func make(_ api: APIClient) async throws -> AccessFixture {
        var f = AccessFixture()
        for side in ["a", "b"] {
            let community = try await api.community("community-\(side)", name: "社区\(side)")
            let unit = try await api.unit("unit-\(side)", name: "单位\(side)")
            let project = try await api.post("/v1/projects", ["community_id": community, "unit_id": unit, "title": "项目", "category": "legal", "signed_on": "2026-01-01"])
            let volunteer = try await api.volunteer("志愿者\(side)", phone: side == "a" ? "13900001111" : "13900002222", community: community, unit: unit)
            let facility = try await api.post("/v1/communities/\(community)/facilities", ["code": "park", "name": "停车场", "kind": "car_park", "bays": 5])
            let facilityID = facility.string("id")!
            _ = try await api.post("/v1/facilities/\(facilityID)/windows", ["user_class": "unit", "unit_id": unit, "weekdays": Array(1...7),
                                                                          "start": "00:00", "end": "00:00", "cap_bays": 5, "valid_from": "2026-01-01"])
            _ = try await api.post("/v1/facilities/\(facilityID)/windows", ["user_class": "residents", "weekdays": Array(1...7),
                                                                          "start": "00:00", "end": "00:00", "cap_bays": 5, "valid_from": "2026-01-01"])
            let booking = try await api.post("/v1/facilities/\(facilityID)/bookings", ["user_class": "unit", "unit_id": unit, "holder": "就诊",
                                                                                       "start": "2026-12-01T09:00", "end": "2026-12-01T10:00"])
            let token = try await api.post("/v1/tokens", ["role": "liaison", "unit_id": unit, "label": "spare \(side)"])
            let plan = try await api.post("/v1/projects/\(project.string("id")!)/plans", [
                "title": "咨询", "start_date": "2026-12-01", "start_time": "09:00", "duration_minutes": 60,
                "recurrence": ["frequency": "weekly", "weekdays": [6], "count": 2]])
            // With a role, so the roster's problem has the event as a shift: the roster staffs it.
            let event = try await api.post("/v1/events", ["project_id": project.string("id")!, "title": "活动", "start": "2027-01-05T09:00",
                                                          "end": "2027-01-05T10:00", "roles": [["skill": "companion", "count": 1]]])
            let roster = try await api.generate(["community_id": community, "from": "2027-01-04", "to": "2027-01-10", "time_limit_seconds": 0.2])
            f.ids["roster-\(side)"] = (roster.json["version"] as? [String: Any])?["id"] as? String
            f.ids["job-\(side)"] = roster.string("id")
            f.ids["plan-\(side)"] = plan.string("id")!
            f.ids["event-\(side)"] = event.string("id")!
            f.ids["community-\(side)"] = community
            f.ids["unit-\(side)"] = unit
            f.ids["project-\(side)"] = project.string("id")!
            f.ids["volunteer-\(side)"] = volunteer.string("id")!
            f.ids["facility-\(side)"] = facilityID
            f.ids["booking-\(side)"] = ((booking.json["bookings"] as? [[String: Any]])?.first?["id"] as? String)!
            f.ids["token-\(side)"] = (token.json["token"] as? [String: Any])?["id"] as? String
            // 民情速递站: a building of an estate, a request from it, an issue gathering it.
            _ = try await api.post("/v1/communities/\(community)/estates", ["name": "小区\(side)", "buildings": ["1号楼"]])
            let building = try await api.get("/v1/communities/\(community)/buildings").items.first?["id"] as? String
            f.ids["building-\(side)"] = building
            _ = try await api.post("/v1/communities/\(community)/requests", ["category": "parking", "text": "停车难", "building_id": building ?? ""])
            let request = try await api.get("/v1/communities/\(community)/requests").items.first?["id"] as? String
            let issue = try await api.post("/v1/communities/\(community)/issues", ["title": "停车难", "category": "parking", "request_ids": [request ?? ""]])
            f.ids["issue-\(side)"] = issue.string("id")
        }
        f.tokens[.admin] = api.token
        f.tokens[.organiser] = try await api.token(.organiser, community: f.ids["community-a"])
        f.tokens[.liaison] = try await api.token(.liaison, unit: f.ids["unit-a"])
        f.tokens[.volunteer] = try await api.token(.volunteer, volunteer: f.ids["volunteer-a"])
        return f
    }

    /// The id of a `kind` object on `side`.
    func id(_ kind: OwnerRepository.Kind, _ side: String) -> String { ids["\(kind.rawValue)-\(side)"]! }
}
