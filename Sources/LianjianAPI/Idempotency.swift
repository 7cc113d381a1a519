import Foundation
import HTTPTypes
import Hummingbird
import LianjianDomain
import LianjianStore
import NIOCore

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
}

/// Runs a creating request at most once per `Idempotency-Key`.
struct Idempotency: Sendable {
    let store: IdempotencyRepository

    /// - Parameter work: does the request once and returns its status and JSON body.
    /// Keys are per token: one caller's key never replays another caller's response.
    func run(
        _ request: Request, context: AppContext, body: Data, scope route: String,
        work: @escaping @Sendable () async throws -> (HTTPResponse.Status, Data)
    ) async throws -> Response {
        let scope = "\(route) \(context.principal.map { $0.tokenID.uuidString.lowercased() } ?? "-")"
        guard let key = request.headers[.idempotencyKey] else {
            let (status, data) = try await work()
            return JSON.response(data: data, status: status)
        }
        guard (1...200).contains(key.count) else {
            throw APIError.badRequest("must be 1–200 characters", field: "Idempotency-Key")
        }
        switch try await store.begin(scope: scope, key: key, requestHash: Self.hash(body)) {
        case .replay(let status, let bytes):
            var response = JSON.response(data: bytes, status: .init(code: status))
            response.headers[HTTPField.Name("Idempotent-Replayed")!] = "true"
            return response
        case .mismatch:
            throw APIError(.unprocessableContent, code: "idempotency_mismatch",
                           message: "this Idempotency-Key was used with a different body", field: "Idempotency-Key")
        case .inProgress:
            throw APIError(.conflict, code: "in_progress", message: "a request with this Idempotency-Key is still running; retry later",
                           field: "Idempotency-Key")
        case .doneWithoutResponse:
            throw APIError(.conflict, code: "already_done",
                           message: "the first request with this Idempotency-Key was done, but its answer was lost; look the result up",
                           field: "Idempotency-Key")
        case .proceed(let fence):
            do {
                let (status, data) = try await IdempotencyFence.$current.withValue(fence) { try await work() }
                try await store.finish(fence, status: status.code, body: data)
                return JSON.response(data: data, status: status)
            } catch let error as StoreError where error.code == .unknownOutcome {
                // The work may have committed: keep the key; its lease decides what a retry may do.
                throw error
            } catch {
                await store.abandon(fence)
                throw error
            }
        }
    }

    /// A hash of the body's meaning: JSON is compared with its keys sorted, so a retry that
    /// re-serialises the same object in another order still matches.
    static func hash(_ data: Data) -> String {
        let canonical = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
            .flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) } ?? data
        return FNV1a.hex(canonical)
    }
}
