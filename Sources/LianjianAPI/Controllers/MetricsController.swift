import Foundation
import Hummingbird
import LianjianStore
import Prometheus

/// `GET /metrics` in Prometheus' text format: requests by route and status with latency
/// histograms (Hummingbird's `MetricsMiddleware`), job durations (the worker), and, read from
/// the database at each scrape so that every process tells the same, the job queue, the outbox
/// and the last nightly run. No personal data: routes are templates, never ids.
struct MetricsController {
    let database: Database
    let registry: PrometheusCollectorRegistry

    static let jobStates = ["queued", "running", "succeeded", "failed"]
    static let outboxStates = ["pending", "sending", "sent", "dead"]

    func register(on router: Router<AppContext>) {
        router.get("metrics") { _, _ -> Response in
            await refresh()
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }

    /// The gauges the database knows; when it does not answer, `lianjian_database_up` says so
    /// and the rest keep their last values.
    func refresh() async {
        do {
            let jobs = try await JobRepository(database).counts()
            for state in Self.jobStates {
                gauge("jobs", help: "Background jobs by state", ("state", state)).set(Double(jobs[state] ?? 0))
            }
            let outbox = try await NotificationRepository(database).counts()
            for state in Self.outboxStates {
                gauge("notifications", help: "The notification outbox by state", ("state", state)).set(Double(outbox[state] ?? 0))
            }
            let runs = NightlyRepository(database)
            if let last = try await runs.list(limit: 1).first {
                gauge("nightly_last_started", unit: "seconds", help: "When the newest nightly run started, Unix time")
                    .set(last.startedAt.timeIntervalSince1970)
                gauge("nightly_last_exit_code", help: "The newest nightly run's exit code, -1 while it runs")
                    .set(Double(last.exitCode ?? -1))
            }
            if let roster = try await runs.lastStep(named: "roster") {
                gauge("nightly_unfilled_positions", help: "Positions the newest nightly roster step left unfilled")
                    .set(Double(roster.counts["unfilled_positions"] ?? 0))
            }
            gauge("database_up", help: "1 when the database answered this scrape").set(1.0)
        } catch {
            gauge("database_up", help: "1 when the database answered this scrape").set(0.0)
        }
    }

    private func gauge(_ name: String, unit: String = "", help: String, _ labels: (String, String)...) -> Gauge {
        registry.makeGauge(descriptor: .init(namespace: "lianjian", metricName: name, unitName: unit, helpText: help), labels: labels)
    }
}
