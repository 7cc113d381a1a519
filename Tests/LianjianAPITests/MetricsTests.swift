import Foundation
import Hummingbird
import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// `GET /metrics` read as Prometheus reads it (prometheus-client's own parser, installed by
/// scripts/test-tools): requests by route template and status with latency histograms, job
/// durations, the queue, the outbox and the last night, and never an id or a phone.
@Suite("Metrics")
struct MetricsTests {
    static let python = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".local/venv-tools/bin/python")

    /// The samples as `name{labels} value` lines, sorted, parsed by prometheus-client.
    static func parse(_ text: String) async throws -> [String] {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let input = home.appendingPathComponent("metrics.txt")
        try Data(text.utf8).write(to: input)
        let script = """
            import sys
            from prometheus_client.parser import text_string_to_metric_families
            for family in text_string_to_metric_families(open(sys.argv[1]).read()):
                for s in family.samples:
                    labels = ",".join(f'{k}="{v}"' for k, v in sorted(s.labels.items()))
                    print(f"{s.name}{{{labels}}} {s.value}")
            """
        let out = try await ExternalProgram(url: python).run(["-c", script, input.path], home: home, limit: .seconds(60))
        return out.split(separator: "\n").map(String.init).sorted()
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: python.path), "scripts/test-tools installs prometheus-client"))
    func requestsJobsTheOutboxAndTheNightAreCountedWithoutPersonalData() async throws {
        Telemetry.bootstrap()
        try await withAPI { api in
            let f = try await EditFixture.make(api)   // a generation job ran to its end
            #expect(try await api.post("/v1/rosters/\(f.draft)/publish", [:]).status == .ok)
            #expect(try await api.get("/v1/volunteers/\(f.volunteers[0])").status == .ok)
            #expect(try await api.get("/v1/volunteers/\(UUID())").status == .notFound)
            let runs = NightlyRepository(api.database)
            let run = try await runs.start(asOf: LocalDate("2026-12-01")!, horizonDays: 14, freezeHours: 48, host: "night")
            try await runs.record(run, .init(name: "roster", ms: 5, counts: ["unfilled_positions": 3]))
            try await runs.finish(run, state: "unfilled", exitCode: 4)

            let reply = try await api.as(nil).get("/metrics")
            #expect(reply.status == .ok && reply.headers[.contentType]?.hasPrefix("text/plain") == true)
            let samples = try await Self.parse(reply.text)
            func value(_ prefix: String) -> Double? { samples.first { $0.hasPrefix(prefix) }.flatMap { Double($0.split(separator: " ").last!) } }
            let route = #"http_route="/v1/volunteers/{id}""#
            #expect(samples.contains { $0.hasPrefix("hb_requests") && $0.contains(route) && $0.contains(#"http_response_status_code="404""#) },
                    "\(samples.filter { $0.hasPrefix("hb_requests") })")
            #expect(samples.contains { $0.hasPrefix("http_server_request_duration_bucket") && $0.contains(route) }, "latency histograms by route")
            #expect(samples.contains { $0.hasPrefix("lianjian_job_duration_seconds_count") && $0.contains(#"kind="generate_roster""#) })
            #expect(value(#"lianjian_jobs{state="succeeded"}"#) ?? 0 >= 1)
            #expect(value(#"lianjian_jobs{state="queued"}"#) == 0)
            #expect(value(#"lianjian_notifications{state="pending"}"#) == 4, "the publish told four people")
            #expect(value("lianjian_nightly_unfilled_positions{}") == 3)
            #expect(value("lianjian_nightly_last_exit_code{}") == 4)
            #expect(value("lianjian_database_up{}") == 1)
            for id in f.volunteers + [f.draft, f.community] { #expect(!reply.text.contains(id), "no ids in metrics") }
            #expect(!reply.text.contains("1390000010"), "no phones")
        }
    }
}
