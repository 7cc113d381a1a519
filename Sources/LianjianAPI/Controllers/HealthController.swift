import Foundation
import Hummingbird
import LianjianStore

/// `GET /health`: 200 when the database answers within 2 s, else 503. `GET /openapi.yaml`: the API document.
struct HealthController {
    let database: Database

    /// What `/health` promises: the database answered within 2 s, and how busy the solver is
    /// (solving runs on threads of its own, so a busy solver never slows this answer).
    struct Health: Encodable {
        struct Solver: Encodable {
            var running: Int
            var waiting: Int
            var slots: Int
        }
        var status: String
        var solver: Solver
    }

    func register(on router: Router<AppContext>) {
        // Read at start-up, so a missing resource bundle stops the server before it listens.
        let document = ByteBuffer(string: OpenAPIDocument.text)
        router.get("health") { _, _ -> Response in
            let healthy = await database.isHealthy(within: .seconds(2))
            let load = SolverGate.shared.load
            let body = Health(status: healthy ? "ok" : "database unavailable",
                              solver: .init(running: load.running, waiting: load.waiting, slots: SolverGate.shared.slots))
            return JSON.response(body, status: healthy ? .ok : .serviceUnavailable)
        }
        router.get("openapi.yaml") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: document))
        }
    }
}
