import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore
import Testing

/// The nightly job's records and the outbox through the API (issue 16, item 6 and 7): who may
/// read them, how they are filtered, and that phones and failure texts never leak.
@Suite("Nightly runs and the outbox")
struct NightlyAPITests {
    static func ids(_ r: Reply) -> [String] { r.items.compactMap { $0["id"] as? String } }

    @Test func runsAreListedNewestFirstAndFailuresExplainedToAdminsOnly() async throws {
        try await withAPI { api in
            let runs = NightlyRepository(api.database)
            let first = try await runs.start(asOf: LocalDate("2026-12-01")!, horizonDays: 14, freezeHours: 48, host: "night-1")
            try await runs.record(first, .init(name: "events", ms: 12, counts: ["events_created": 3]))
            try await runs.finish(first, state: "succeeded", exitCode: 0)
            let second = try await runs.start(asOf: LocalDate("2026-12-02")!, horizonDays: 14, freezeHours: 48, host: "night-1")
            try await runs.finish(second, state: "failed", exitCode: 1, error: "PSQLError(code: 57P01, serverInfo: …)")

            let all = try await api.get("/v1/runs")
            #expect(all.status == .ok, "\(all.text)")
            #expect(Self.ids(all) == [second, first].map { $0.uuidString.lowercased() })
            #expect(all.items.last?["state"] as? String == "succeeded" && all.items.last?["as_of"] as? String == "2026-12-01")
            let steps = all.items.last?["steps"] as? [[String: Any]] ?? []
            #expect(steps.count == 1 && (steps[0]["counts"] as? [String: Int])?["events_created"] == 3)
            #expect(Self.ids(try await api.get("/v1/runs?limit=1")) == [second.uuidString.lowercased()])
            #expect((try await api.get("/v1/runs/\(second)")).string("error")?.hasPrefix("PSQLError") == true, "admins read why")

            // An organiser follows the nights, but never reads a database's words.
            let community = try await api.community()
            let organiser = api.as(try await api.token(.organiser, community: community))
            let failed = try await organiser.get("/v1/runs/\(second)")
            #expect(failed.status == .ok && failed.string("state") == "failed")
            #expect(failed.string("error") == "本次运行失败；原因请管理员查看日志", "\(failed.text)")
            #expect(!(try await organiser.get("/v1/runs")).text.contains("PSQL"))

            let unit = try await api.unit()
            #expect(try await api.as(try await api.token(.liaison, unit: unit)).get("/v1/runs").status == .forbidden)
            #expect(try await api.get("/v1/runs/\(UUID())").status == .notFound)
            #expect(try await api.get("/v1/runs?limit=0").error["field"] as? String == "limit")
            #expect(try await api.get("/v1/runs?state=failed").error["field"] as? String == "state")
        }
    }

    @Test func theOutboxIsScopedToTheOrganisersCommunityAndPhonesAreMasked() async throws {
        try await withAPI { api in
            let f = try await EditFixture.make(api)
            // Publishing tells the four people rostered.
            #expect(try await api.post("/v1/rosters/\(f.draft)/publish", [:]).status == .ok)
            try await api.database.execute("UPDATE notifications SET last_error = 'gateway refused 13900000100: quota' WHERE ctid = (SELECT min(ctid) FROM notifications)")
            let all = try await api.get("/v1/notifications")
            #expect(all.status == .ok, "\(all.text)")
            #expect(all.items.count == 4)
            #expect(all.items.allSatisfy { ($0["phone"] as? String)?.hasPrefix("*******01") == true && ($0["name"] as? String)?.hasPrefix("志愿者") == true })
            #expect(!all.text.contains("1390000010"), "no full phone anywhere, also not in a gateway's error: \(all.text)")
            #expect(all.text.contains("gateway refused *******0100"))
            let items = all.items.first?["items"] as? [[String: Any]] ?? []
            #expect(items.first?["kind"] as? String == "added" && (items.first?["title"] as? String)?.hasPrefix("看电影") == true)
            #expect(try await api.get("/v1/notifications?state=pending").items.count == 4)
            #expect(try await api.get("/v1/notifications?state=sent").items.isEmpty)
            #expect(try await api.get("/v1/notifications?limit=2").items.count == 2)
            #expect(try await api.get("/v1/notifications?state=lost").error["field"] as? String == "state")
            #expect(try await api.get("/v1/notifications?community=x").error["field"] as? String == "community")

            let organiser = api.as(try await api.token(.organiser, community: f.community))
            #expect(try await organiser.get("/v1/notifications").items.count == 4)
            let other = try await api.community("huicai", name: "汇才社区")
            let stranger = api.as(try await api.token(.organiser, community: other))
            #expect(try await stranger.get("/v1/notifications").items.isEmpty, "another community's organiser sees none of it")
            let asked = try await stranger.get("/v1/notifications?community=\(f.community)")
            #expect(asked.status == .forbidden && asked.error["field"] as? String == "community")
            #expect(try await api.get("/v1/notifications?community=\(other)").items.isEmpty)
            let volunteer = api.as(try await api.token(.volunteer, volunteer: f.volunteers[0]))
            #expect(try await volunteer.get("/v1/notifications").status == .forbidden)
            #expect(try await api.as(try await api.token(.liaison, unit: f.unit)).get("/v1/notifications").status == .forbidden)
        }
    }
}
