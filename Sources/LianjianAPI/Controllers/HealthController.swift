import Foundation
import Hummingbird
import LianjianStore

/// `GET /health`: 200 when the database answers within 2 s, else 503. `GET /openapi.yaml`: the API document.
struct HealthController {
    let database: Database

    /// What `/health` promises: the database answered within 2 s, and how much background work
    /// waits and runs (solving runs in workers, on threads of its own, so it never slows this answer).
    struct Health: Encodable {
        struct Jobs: Encodable {
            var queued: Int
            var running: Int
        }
        var status: String
        var jobs: Jobs?
    }

    func register(on router: Router<AppContext>) {
        // Read at start-up, so a missing resource bundle stops the server before it listens.
        let document = ByteBuffer(string: OpenAPIDocument.text)
        router.get("health") { _, _ -> Response in
            let healthy = await database.isHealthy(within: .seconds(2))
            let depth = healthy ? try? await JobRepository(database).depth() : nil
            let body = Health(status: healthy ? "ok" : "database unavailable", jobs: depth.map { .init(queued: $0.queued, running: $0.running) })
            return JSON.response(body, status: healthy ? .ok : .serviceUnavailable)
        }
        router.get("openapi.yaml") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: document))
        }
    }
}
