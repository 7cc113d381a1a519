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
