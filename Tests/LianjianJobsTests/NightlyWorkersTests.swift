import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore
import TestSupport
import Testing

/// A night shared by several processes (`nightly --workers`): the district is split into the
/// clusters of communities that share volunteers, each planned once as a job by whichever
/// process claims it.
@Suite("Nightly job: several workers")
struct NightlyWorkersTests {
    /// Four communities: the hospital serves 东 and 西 (one cluster, and a resident of 西 without
    /// a unit is in it), the justice bureau 南, the school 北; each community has an outing in
    /// three days needing two companions.
    static func district(_ db: Database) async throws -> LocalDate {
        let today = LocalDate(Date(), in: NightFixture.zone)
        let start = today.adding(days: 3).at(LocalTime(minutes: 10 * 60), in: NightFixture.zone)
        for sql in [
            """
            INSERT INTO communities (code, name, quiet_from, quiet_until)
            VALUES ('dong', '东社区', '00:00', '00:00'), ('xi', '西社区', '00:00', '00:00'), ('nan', '南社区', '00:00', '00:00'), ('bei', '北社区', '00:00', '00:00')
            """,
            """
            INSERT INTO partner_units (code, name, kind, liaison_name, liaison_phone)
            VALUES ('tcm', '中医院', 'hospital', '联络员', '13700000001'), ('justice', '司法局', 'justice', '联络员', '13700000002'),
                   ('school', '中学', 'school', '联络员', '13700000003')
            """,
            """
            INSERT INTO joint_projects (community_id, unit_id, title, category, signed_on)
            SELECT c.id, u.id, '陪伴 ' || c.code, 'other', '2026-01-01' FROM communities c JOIN partner_units u
              ON (u.code, c.code) IN (('tcm', 'dong'), ('tcm', 'xi'), ('justice', 'nan'), ('school', 'bei'))
            """,
            """
            INSERT INTO volunteers (name, phone, unit_id, community_id)
            SELECT u.code || i, '139' || lpad((row_number() OVER ())::text, 8, '0'), u.id,
                   (SELECT id FROM communities WHERE code = (CASE u.code WHEN 'tcm' THEN 'dong' WHEN 'justice' THEN 'nan' ELSE 'bei' END))
            FROM partner_units u, generate_series(1, 3) i
            """,
            "INSERT INTO volunteers (name, phone, community_id) SELECT '居民', '13800000000', id FROM communities WHERE code = 'xi'",
            "INSERT INTO volunteer_skills (volunteer_id, skill) SELECT id, 'companion' FROM volunteers",
            "INSERT INTO volunteer_availability (volunteer_id, weekday, starts_at, ends_at) SELECT v.id, d, '08:00', '20:00' FROM volunteers v, generate_series(1, 7) d",
            """
            INSERT INTO events (community_id, project_id, title, starts_at, ends_at)
            SELECT community_id, id, title, '\(start.rfc3339)', '\(start.addingTimeInterval(2 * 3600).rfc3339)' FROM joint_projects
            """,
            "INSERT INTO event_roles (event_id, skill, fixed_count, required) SELECT id, 'companion', 2, 2 FROM events",
        ] { try await db.execute(sql) }
        return today
    }

    static func options(_ today: LocalDate, dryRun: Bool = false) -> Nightly.Options {
        Nightly.Options(asOf: today, horizonDays: 7, freezeHours: 0, dryRun: dryRun, timeLimitSeconds: 0.6, workers: true)
    }

    /// `processes` runs of the night at once, as that many processes started together would.
    static func share(_ db: Database, _ today: LocalDate, processes: Int) async throws -> [Nightly.Report] {
        try await withThrowingTaskGroup(of: Nightly.Report.self) { group in
            for _ in 0..<processes {
                group.addTask {
                    try await DisplayZone.$current.withValue(NightFixture.zone) {
                        try await Nightly(database: db, logger: NightlyTests.logger).run(options(today))
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func clustersAreTheCommunitiesThatShareVolunteers() {
        let ids = (0..<6).map { _ in Community.ID(UUID()) }
        let links = [(ids[3], ids[1]), (ids[1], ids[0]), (ids[4], ids[5]), (Community.ID(UUID()), ids[2])]
        #expect(CommunityClusters.of(ids, links: links) == [[ids[0], ids[1], ids[3]], [ids[2]], [ids[4], ids[5]]])
        #expect(CommunityClusters.of([], links: links).isEmpty)
    }

    @Test(arguments: [2, 4])
    func processesShareTheNightWithNoneTwiceAndNoneMissed(processes: Int) async throws {
        try await TestDatabase.with { db in
            let today = try await Self.district(db)
            let reports = try await Self.share(db, today, processes: processes)
            let planners = reports.filter { $0.joined == nil }
            let planner = try #require(planners.first { $0.steps.contains { $0.name == "roster" && ($0.counts["assignments_added"] ?? 0) > 0 } })
            #expect(planner.outcome == .succeeded, "\(planner.steps)")
            let roster = try #require(planner.steps.first { $0.name == "roster" })
            #expect(roster.counts["partitions"] == 3 && roster.counts["assignments_added"] == 8, "\(roster.counts)")

            // Each partition of the run was queued once and done once, on its first attempt.
            let run = try #require(planner.run).uuidString.lowercased()
            let jobs = try await db.strings("""
                SELECT payload ->> 'key' || ' ' || state || ' ' || attempts FROM jobs WHERE kind = 'nightly_partition' AND payload ->> 'run' = '\(run)'
                """)
            #expect(jobs.count == 3 && Set(jobs.map { $0.split(separator: " ")[0] }).count == 3)
            #expect(jobs.allSatisfy { $0.hasSuffix(" succeeded 1") }, "\(jobs)")
            let joined = reports.compactMap(\.joined).reduce(0, +)
            #expect(joined <= 3 && reports.count == processes)

            // Every place filled, each by someone who may serve that community; nobody twice.
            let wrong = try await db.count("""
                SELECT count(*) FROM published_assignments a JOIN event_roles r ON r.id = a.role_id JOIN events e ON e.id = r.event_id
                JOIN volunteers v ON v.id = a.volunteer_id
                WHERE v.community_id <> e.community_id
                  AND NOT EXISTS (SELECT 1 FROM joint_projects p WHERE p.unit_id = v.unit_id AND p.community_id = e.community_id)
                """)
            #expect(wrong == 0)
            #expect(try await db.count("SELECT count(*) FROM published_assignments") == 8)
            #expect(try await db.count("SELECT count(DISTINCT volunteer_id) FROM published_assignments") == 8)
            #expect(try await db.count("SELECT count(*) FROM notifications") == 8, "one message for each person told")
        }
    }

    @Test func aSharedNightAgainChangesNothingAndADryOneKeepsNothing() async throws {
        try await TestDatabase.with { db in
            let today = try await Self.district(db)
            _ = try await Self.share(db, today, processes: 2)
            let published = try await db.strings("SELECT role_id::text || volunteer_id::text FROM published_assignments ORDER BY 1")
            let (jobs, messages) = (try await db.count("SELECT count(*) FROM jobs"), try await db.count("SELECT count(*) FROM notifications"))

            let dry = try await DisplayZone.$current.withValue(NightFixture.zone) {
                try await Nightly(database: db, logger: NightlyTests.logger).run(Self.options(today, dryRun: true))
            }
            #expect(dry.steps.first { $0.name == "roster" }?.counts["partitions"] == 3)
            #expect(try await db.count("SELECT count(*) FROM jobs") == jobs, "a dry run queues nothing")

            let again = try await Self.share(db, today, processes: 2)
            let planner = try #require(again.first { $0.joined == nil && $0.outcome != .locked })
            #expect(planner.outcome == .nothingToDo, "\(planner.steps)")
            #expect(planner.steps.first { $0.name == "roster" }?.notes.first == NightlyReplanTests.kept)
            #expect(try await db.strings("SELECT role_id::text || volunteer_id::text FROM published_assignments ORDER BY 1") == published)
            #expect(try await db.count("SELECT count(*) FROM notifications") == messages)
        }
    }
}
