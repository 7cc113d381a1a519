import Foundation
import HTTPTypes
import Testing

@Suite("Idempotency-Key")
struct IdempotencyTests {
    @Test func aRetriedRegistrationCreatesNothingTwice() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "reg-0001"]
            let body: [String: Any] = ["name": "王芳", "phone": "13900000001", "community_id": community]
            let first = try await api.post("/v1/volunteers", body, headers: key)
            let second = try await api.post("/v1/volunteers", body, headers: key)
            #expect(first.status == .created)
            #expect(second.status == .created)
            #expect(second.string("id") == first.string("id"))
            #expect(second.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try await api.get("/v1/volunteers").items.count == 1)
            var changed = body
            changed["name"] = "王芳芳"
            let mismatch = try await api.post("/v1/volunteers", changed, headers: key)
            #expect(mismatch.status == .unprocessableContent)
            #expect(mismatch.error["field"] as? String == "Idempotency-Key")
        }
    }

    @Test func aFailedRequestCanBeRetriedWithTheSameKey() async throws {
        try await withAPI { api in
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "k-2"]
            let ghost = UUID().uuidString.lowercased()
            let failed = try await api.post("/v1/volunteers", ["name": "x", "phone": "13900000001", "community_id": ghost], headers: key)
            #expect(failed.status == .unprocessableContent)
            let community = try await api.community()
            let retried = try await api.post("/v1/volunteers", ["name": "x", "phone": "13900000001", "community_id": community], headers: key)
            #expect(retried.status == .created)
        }
    }

    @Test func keysArePerToken() async throws {
        try await withAPI { api in
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "same-key"]
            let body: [String: Any] = ["code": "huicai", "name": "汇才社区"]
            let first = try await api.post("/v1/communities", body, headers: key)
            // Another admin with the same key and body is a new request, not a replay of the first.
            let other = api.as(try await api.token(.admin))
            let second = try await other.post("/v1/communities", body, headers: key)
            #expect(first.status == .created)
            #expect(second.status == .conflict && second.headers[HTTPField.Name("Idempotent-Replayed")!] == nil)
        }
    }
}

/// Found by `scripts/crash-test`: every POST honours the key, and a refusal never sticks it.
@Suite("Idempotency-Key on every POST")
struct IdempotencyEverywhereTests {
    static func key(_ k: String) -> HTTPFields { [HTTPField.Name("Idempotency-Key")!: k] }

    @Test func aRetriedGenerationMakesOneDraftAndARetriedPublishIsReplayed() async throws {
        try await withAPI { api in
            let (community, _, _) = try await RosterTests.setUp(api)
            let body: [String: Any] = ["community_id": community, "from": "2026-12-01", "to": "2026-12-14", "time_limit_seconds": 0.5]
            let first = try await api.post("/v1/rosters/generate", body, headers: Self.key("gen-1"))
            let again = try await api.post("/v1/rosters/generate", body, headers: Self.key("gen-1"))
            #expect(first.status == .accepted && again.status == .accepted)
            #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            // The retry names the same job, so one draft is made.
            #expect(again.string("id") == first.string("id") && again.headers[.location] == first.headers[.location])
            let done = try await api.follow(try #require(first.headers[.location]))
            let id = try #require((done.json["version"] as? [String: Any])?["id"] as? String, "\(done.text)")
            let drafts = try await api.database.count("SELECT count(*) FROM roster_versions")
            #expect(drafts == 1)
            let published = try await api.post("/v1/rosters/\(id)/publish", [:], headers: Self.key("pub-1"))
            let retried = try await api.post("/v1/rosters/\(id)/publish", [:], headers: Self.key("pub-1"))
            #expect(published.status == .ok && retried.status == .ok, "\(retried.text)")
            #expect(retried.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
        }
    }

    @Test func aRefusedBookingFreesItsKey() async throws {
        try await withAPI { api in
            let park = try await SeedCarPark.make(api)
            let sunday: [String: Any] = ["user_class": "unit", "unit_id": park.hospital, "holder": "门诊患者", "start": "2026-12-06T09:00", "end": "2026-12-06T10:00"]
            let refused = try await api.post("/v1/facilities/\(park.facility)/bookings", sunday, headers: Self.key("b-1"))
            #expect(refused.status == .conflict && refused.error["code"] as? String == "outside_window", "\(refused.text)")
            let retried = try await api.post("/v1/facilities/\(park.facility)/bookings", sunday, headers: Self.key("b-1"))
            #expect(retried.error["code"] as? String == "outside_window", "a refusal must not stick the key: \(retried.text)")
            #expect(try await api.database.count("SELECT count(*) FROM idempotency_keys") == 0)
        }
    }
}
