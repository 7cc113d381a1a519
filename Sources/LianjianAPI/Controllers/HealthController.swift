import Foundation
import Hummingbird
import LianjianStore

/// `GET /health`: 200 when the database answers within 2 s, else 503. `GET /openapi.yaml`: the API document.
struct HealthController {
    let database: Database

    func register(on router: Router<AppContext>) {
        // Read at start-up, so a missing resource bundle stops the server before it listens.
        let document = ByteBuffer(string: OpenAPIDocument.text)
        router.get("health") { _, _ -> Response in
            let healthy = await database.isHealthy(within: .seconds(2))
            return JSON.response(["status": healthy ? "ok" : "database unavailable"], status: healthy ? .ok : .serviceUnavailable)
        }
        router.get("openapi.yaml") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: document))
        }
    }
}
