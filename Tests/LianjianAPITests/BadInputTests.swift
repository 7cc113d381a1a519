import Foundation
import HTTPTypes
import Testing

@Suite("Bad input is a 4xx naming the field, never a 500 or a database message")
struct BadInputTests {
    func expectError(_ r: Reply, _ status: HTTPResponse.Status, field: String?, code: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "\(r.text)", sourceLocation: sourceLocation)
        #expect(r.error["field"] as? String == field, "\(r.text)", sourceLocation: sourceLocation)
        if let code { #expect(r.error["code"] as? String == code, sourceLocation: sourceLocation) }
        for leak in ["violates", "SQLSTATE", "PSQLError", "constraint", "relation"] {
            #expect(!r.text.contains(leak), "leaks \(leak): \(r.text)", sourceLocation: sourceLocation)
        }
    }

    @Test func malformedJSONWrongTypesAndMissingFields() async throws {
        try await withAPI { api in
            expectError(try await api.send(.post, "/v1/communities", body: "{\"code\": "), .badRequest, field: nil)
            expectError(try await api.post("/v1/communities", ["code": 7, "name": "x"]), .badRequest, field: "code")
            expectError(try await api.post("/v1/communities", ["code": "ok-code"]), .badRequest, field: "name")
            expectError(try await api.post("/v1/units", ["code": "u1", "name": "n", "kind": "hospital", "liaison_name": "l", "liaison_phone": NSNull()]), .badRequest, field: "liaison_phone")
            let community = try await api.community()
            expectError(try await api.post("/v1/volunteers", ["name": "x", "phone": "13900000000", "community_id": community, "skills": [["skill": 1]]]),
                        .badRequest, field: "skills[0].skill")
            expectError(try await api.post("/v1/volunteers", ["name": "x", "phone": "13900000000", "community_id": "not-an-id"]), .badRequest, field: "community_id")
            expectError(try await api.post("/v1/projects", ["community_id": community, "unit_id": community, "title": "t", "category": "legal", "signed_on": "2021-02-30"]),
                        .badRequest, field: "signed_on")
        }
    }

    @Test func domainRules() async throws {
        try await withAPI { api in
            let community = try await api.community()
            expectError(try await api.post("/v1/communities", ["code": "Bad Code", "name": "x"]), .unprocessableContent, field: "code")
            expectError(try await api.post("/v1/units", ["code": "u1", "name": "n", "kind": "bakery", "liaison_name": "l", "liaison_phone": "137"]), .unprocessableContent, field: "kind")
            expectError(try await api.post("/v1/volunteers", ["name": "x", "phone": "call me", "community_id": community]), .unprocessableContent, field: "phone")
            expectError(try await api.post("/v1/volunteers", ["name": "x", "phone": "13900000000", "community_id": community, "max_minutes_per_week": -5]),
                        .unprocessableContent, field: "max_minutes_per_week")
            expectError(try await api.post("/v1/volunteers", ["name": "x", "phone": "13900000000", "community_id": community,
                                                              "availability": [["weekday": 1, "start": "12:00", "end": "09:00"]]]),
                        .unprocessableContent, field: "availability[0].end")
        }
    }

    @Test func unknownReferencesAndDuplicates() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let unit = try await api.unit()
            let ghost = UUID().uuidString.lowercased()
            expectError(try await api.volunteer("x", phone: "13900000000", community: ghost, unit: nil), .unprocessableContent, field: "community_id", code: "unknown_reference")
            expectError(try await api.volunteer("x", phone: "13900000000", community: community, unit: ghost), .unprocessableContent, field: "unit_id", code: "unknown_reference")
            expectError(try await api.volunteer("x", phone: "13900000000", community: community, unit: unit, skills: ["juggling"]), .unprocessableContent, field: "skills")
            expectError(try await api.post("/v1/communities", ["code": "ershilipu", "name": "again"]), .conflict, field: "code", code: "conflict")
            _ = try await api.volunteer("x", phone: "13900000000", community: community, unit: unit)
            expectError(try await api.volunteer("y", phone: "13900000000", community: community, unit: unit), .conflict, field: "phone")
            expectError(try await api.get("/v1/volunteers/\(ghost)"), .notFound, field: nil, code: "not_found")
            expectError(try await api.get("/v1/volunteers/12"), .notFound, field: nil)
            expectError(try await api.put("/v1/communities/\(ghost)", ["code": "zz", "name": "z"]), .notFound, field: nil)
        }
    }

    @Test func queryStrings() async throws {
        try await withAPI { api in
            expectError(try await api.get("/v1/volunteers?limit=0"), .badRequest, field: "limit")
            expectError(try await api.get("/v1/volunteers?cursor=zzz"), .badRequest, field: "cursor")
            expectError(try await api.get("/v1/volunteers?community=1"), .badRequest, field: "community")
            expectError(try await api.get("/v1/communities?colour=red"), .badRequest, field: "colour")
            expectError(try await api.get("/v1/nowhere"), .notFound, field: nil)
        }
    }

    @Test func oversizedBody() async throws {
        try await withAPI { api in
            let big = String(repeating: "x", count: 1 << 21)
            expectError(try await api.send(.post, "/v1/communities", body: "{\"code\":\"\(big)\"}"), .contentTooLarge, field: nil)
        }
    }
}
