import Foundation
import HTTPTypes
import Hummingbird
import LianjianDomain
import LianjianStore
import NIOCore

extension HTTPField.Name {
    static let idempotencyKey = Self("Idempotency-Key")!
    static let idempotentReplayed = Self("Idempotent-Replayed")!
}

/// Runs every `POST` that carries an `Idempotency-Key` at most once per key, caller and path,
/// whatever the endpoint: a retry with the same key and body gets the first answer again.
///
/// The key is claimed for a lease, and the work's own transaction marks it done
/// (``IdempotencyFence``), so after a crash a key is never stuck and the work never done twice.
/// A refusal (4xx) whose work wrote nothing frees the key, so a corrected retry may succeed.
struct IdempotencyMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let store: IdempotencyRepository
    /// The largest body the key's hash covers (a CSV import's limit, with room).
    static let maxBody = 21 << 20

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        guard request.method == .post, let key = request.headers[.idempotencyKey], let principal = context.principal else {
            return try await next(request, context)
        }
        guard (1...200).contains(key.count), key.unicodeScalars.allSatisfy({ TextRule.isPrintable($0) }) else {
            throw APIError.badRequest("must be 1–200 printable characters", field: "Idempotency-Key")
        }
        var request = request
        let body = try await request.collectBody(upTo: Self.maxBody)
        let scope = "POST \(request.uri.path) \(principal.tokenID.uuidString.lowercased())"
        switch try await store.begin(scope: scope, key: key, requestHash: Self.hash(Data(body.readableBytesView))) {
        case .replay(let status, let bytes, let location):
            var response = JSON.response(data: bytes, status: .init(code: status))
            response.headers[.idempotentReplayed] = "true"
            if let location { response.headers[.location] = location }
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
            return try await run(fence, request, context, next)
        }
    }

    private func run(_ fence: IdempotencyFence, _ request: Request, _ context: AppContext,
                     _ next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do {
            let response = try await IdempotencyFence.$current.withValue(fence) { try await next(request, context) }
            let bytes = try await Self.collect(response.body)
            try await store.finish(fence, status: response.status.code, body: bytes, location: response.headers[.location])
            return Response(status: response.status, headers: response.headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch let error as StoreError where error.code == .unknownOutcome {
            // The work may have committed: keep the key; its lease decides what a retry may do.
            throw error
        } catch {
            // Work that wrote nothing frees its key; work that committed keeps it, with its answer.
            if await !store.abandon(fence), let api = APIError.from(error) {
                try? await store.finish(fence, status: api.status.code, body: JSON.encode(APIError.Body(error: .init(code: api.code, message: api.message, field: api.field))))
            }
            throw error
        }
    }

    /// A hash of the body's meaning: JSON is compared with its keys sorted, so a retry that
    /// re-serialises the same object in another order still matches.
    static func hash(_ data: Data) -> String {
        let canonical = (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
            .flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .fragmentsAllowed]) } ?? data
        return FNV1a.hex(canonical)
    }

    /// The bytes of a response body (our responses are small, already in memory).
    static func collect(_ body: ResponseBody) async throws -> Data {
        let collector = Collector()
        try await body.write(collector)
        return collector.data
    }

    private final class Collector: ResponseBodyWriter, @unchecked Sendable {
        var data = Data()
        func write(_ buffer: ByteBuffer) async throws { data.append(contentsOf: buffer.readableBytesView) }
        func finish(_ trailingHeaders: HTTPFields?) async throws {}
    }
}

extension JSON {
    /// Runs a handler's work and answers its status and JSON bytes.
    static func respond(_ work: () async throws -> (HTTPResponse.Status, Data)) async throws -> Response {
        let (status, data) = try await work()
        return response(data: data, status: status)
    }
}
