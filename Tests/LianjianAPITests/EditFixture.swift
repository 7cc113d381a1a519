import Foundation
import Hummingbird
import Testing

/// Six companions free on Saturdays (志愿者0–5), two film outings on 12-05 and 12-12 that
/// need two each, and a draft roster for 12-01..12-14 with every position filled.
struct EditFixture {
    let api: APIClient
    let community: String
    let unit: String
    let project: String
    var volunteers: [String]
    /// The companion role of each outing, 12-05 first.
    var roles: [String]
    var draft: String

    static func make(_ api: APIClient, extraEvents: [[String: Any]] = []) async throws -> EditFixture {
        let f = try await ClinicFixture.make(api)
        var volunteers: [String] = []
        for i in 0..<6 {
            volunteers.append(try await Self.volunteer(api, f, "志愿者\(i)", phone: "1390000010\(i)"))
        }
        var roles: [String] = []
        for day in ["2026-12-05", "2026-12-12"] {
            let e = try await api.post("/v1/events", ["project_id": f.project, "title": "看电影\(day.suffix(2))", "start": "\(day)T13:30", "end": "\(day)T17:00",
                                                      "roles": [["skill": "companion", "count": 2]]])
            roles.append(try #require((e.json["roles"] as? [[String: Any]])?.first?["id"] as? String, "\(e.text)"))
        }
        for event in extraEvents {
            var body = event
            body["project_id"] = f.project
            let e = try await api.post("/v1/events", body)
            roles.append(try #require((e.json["roles"] as? [[String: Any]])?.first?["id"] as? String, "\(e.text)"))
        }
        let draft = try await PublishTests.generate(api, f.community, from: "2026-12-01", to: "2026-12-14")
        return EditFixture(api: api, community: f.community, unit: f.unit, project: f.project, volunteers: volunteers, roles: roles, draft: draft)
    }

    /// A volunteer of the fixture's community and unit; companions free on Saturdays unless told otherwise.
    static func volunteer(_ api: APIClient, _ f: ClinicFixture, _ name: String, phone: String, skills: [String] = ["companion"],
                          weekday: Int = 6, cap: Int? = nil) async throws -> String {
        var body: [String: Any] = ["name": name, "phone": phone, "community_id": f.community, "unit_id": f.unit,
                                   "skills": skills.map { ["skill": $0] }, "availability": [["weekday": weekday, "start": "08:00", "end": "18:00"]]]
        if let cap { body["max_minutes_per_week"] = cap }
        let r = try await api.post("/v1/volunteers", body)
        #expect(r.status == .created, "\(r.text)")
        return r.string("id") ?? ""
    }

    func volunteer(_ name: String, phone: String, skills: [String] = ["companion"], weekday: Int = 6, cap: Int? = nil) async throws -> String {
        try await Self.volunteer(api, ClinicFixture(community: community, unit: unit, project: project), name, phone: phone,
                                 skills: skills, weekday: weekday, cap: cap)
    }

    /// Sends one edit to a version.
    func edit(_ version: String, _ op: String, role: String, volunteer: String, with other: [String: String]? = nil,
              as client: APIClient? = nil, headers: HTTPFields = [:]) async throws -> Reply {
        var body: [String: Any] = ["op": op, "role_id": role, "volunteer_id": volunteer]
        if let other { body["with"] = other }
        return try await (client ?? api).post("/v1/rosters/\(version)/edits", body, headers: headers)
    }

    /// The version's pairs as `role|volunteer`.
    func pairs(_ version: String) async throws -> Set<String> {
        RosterTests.pairs(try await api.get("/v1/rosters/\(version)").json)
    }

    /// The volunteers on a role in a version.
    func people(_ version: String, on role: String) async throws -> [String] {
        try await pairs(version).filter { $0.hasPrefix(role) }.map { String($0.split(separator: "|")[1]) }.sorted()
    }

    /// Volunteers of the fixture on no role of the version.
    func spare(_ version: String) async throws -> [String] {
        let busy = Set(try await pairs(version).map { String($0.split(separator: "|")[1]) })
        return volunteers.filter { !busy.contains($0) }
    }
}

/// A 422 naming a broken rule.
func expectBroken(_ r: Reply, _ rule: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(r.status == .unprocessableContent, "\(r.text)", sourceLocation: sourceLocation)
    #expect(r.error["code"] as? String == "breaks_rule", "\(r.text)", sourceLocation: sourceLocation)
    #expect(r.error["field"] as? String == rule, "\(r.text)", sourceLocation: sourceLocation)
    #expect((r.error["message"] as? String)?.contains(text) == true, "\(r.text)", sourceLocation: sourceLocation)
}
