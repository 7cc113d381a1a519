// The rostering benchmark: a district of 5 communities, 10 partner units, 2,000 volunteers and
// 750 events with 1,500 roles (shifts) over 14 days, generated in SQL; then a roster generated
// from the database end to end (load, solve, store the version and diff), published, and
// re-generated after one volunteer declines one assignment.
import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore

enum RosterBench {
    /// Every volunteer's skills and weekly hours (shared with ClusterSeed).
    static let people = [
        """
        INSERT INTO volunteer_skills (volunteer_id, skill)
        SELECT v.id, s.code FROM volunteers v CROSS JOIN (VALUES ('companion', 70), ('steward', 30), ('first_aid', 20), ('doctor', 6),
            ('nurse', 8), ('lawyer', 5), ('notary', 3)) AS s(code, pct)
        WHERE abs(hashtext(v.phone || s.code)) % 100 < s.pct
        """,
        """
        INSERT INTO volunteer_availability (volunteer_id, weekday, starts_at, ends_at)
        SELECT v.id, d, '08:00', '20:00' FROM volunteers v CROSS JOIN generate_series(1, 7) d WHERE abs(hashtext(v.phone || d::text)) % 100 < 55
        """,
    ]

    /// Two roles per event (shared with ClusterSeed).
    static let roles = [
        """
        INSERT INTO event_roles (event_id, skill, fixed_count, required)
        SELECT id, 'companion', 1 + n % 4, 1 + n % 4 FROM (SELECT id, row_number() OVER (ORDER BY starts_at, id) AS n FROM events) x
        """,
        """
        INSERT INTO event_roles (event_id, skill, fixed_count, required)
        SELECT id, (ARRAY['steward', 'first_aid', 'doctor', 'nurse', 'lawyer', 'notary'])[1 + n % 6], 1 + n % 2, 1 + n % 2
        FROM (SELECT id, row_number() OVER (ORDER BY starts_at, id) AS n FROM events) x
        """,
    ]

    static let setUp = [
        "INSERT INTO communities (code, name) SELECT 'c' || i, '社区' || i FROM generate_series(1, 5) i",
        """
        INSERT INTO partner_units (code, name, kind, liaison_name, liaison_phone)
        SELECT 'u' || i, '单位' || i, 'other', '联络员', '1370000000' || i FROM generate_series(0, 9) i
        """,
        """
        INSERT INTO joint_projects (community_id, unit_id, title, category, signed_on)
        SELECT c.id, u.id, '项目 ' || c.code || '-' || u.code, 'other', '2026-01-01' FROM communities c CROSS JOIN partner_units u
        """,
        """
        INSERT INTO volunteers (name, phone, unit_id, community_id, max_minutes_per_week)
        SELECT '志愿者' || i, '139' || lpad(i::text, 8, '0'),
               (SELECT id FROM partner_units ORDER BY code OFFSET (i % 10) LIMIT 1),
               (SELECT id FROM communities ORDER BY code OFFSET (i % 5) LIMIT 1), 480
        FROM generate_series(1, 2000) i
        """,
    ] + people + [
        """
        INSERT INTO events (community_id, project_id, title, starts_at, ends_at)
        SELECT p.community_id, p.id, '活动 ' || e, t.ts, t.ts + make_interval(hours => 2 + e % 2)
        FROM generate_series(0, 749) e
        CROSS JOIN LATERAL (SELECT id, community_id FROM joint_projects ORDER BY title OFFSET (e % 50) LIMIT 1) p
        CROSS JOIN LATERAL (SELECT ((date '2026-12-07' + (e % 14)) + make_interval(hours => 8 + (e / 14) % 10)) AT TIME ZONE 'Asia/Shanghai' AS ts) t
        """,
    ] + roles

    static func run(_ db: Database) async throws {
        let env = ProcessInfo.processInfo.environment
        let runs = Int(env["RUNS"] ?? "") ?? 3
        let generateLimit = Double(env["GENERATE_LIMIT"] ?? "") ?? 8
        let regenerateLimit = Double(env["REGENERATE_LIMIT"] ?? "") ?? 0.8
        for sql in setUp { try await db.execute(sql) }
        let (from, to) = (LocalDate("2026-12-07")!, LocalDate("2026-12-20")!)
        let rosters = RosterRepository(db)
        var totals: [Double] = []
        var last: RosterRepository.Version?
        for _ in 0..<runs {
            let start = ContinuousClock.now
            let (version, timing) = try await RosterGeneration(db).generate(.init(communityID: nil, from: from, to: to, timeLimitSeconds: generateLimit))
            let total = millis(ContinuousClock.now - start)
            totals.append(total)
            print(String(format: "  generate: total %.0f ms = load %d + solve %d + store %d (+ read back); %d assignments, score %d, lower bound %@",
                         total, timing.loadMs, timing.solveMs, timing.storeMs, version.assignments.count, version.score.total,
                         version.lowerBound.map(String.init) ?? "-"))
            last = version
        }
        guard let published = last else { return }
        print("district roster, 2,000 volunteers × 1,500 shifts over 14 days, solver limit \(generateLimit) s: median \(ms(median(totals))) end to end  \(totals.map { String(format: "%.0f", $0) })")
        _ = try await rosters.publish(published.id.uuid)
        var again: [Double] = []
        for i in 0..<runs {
            let pair = published.assignments[published.assignments.count / (i + 2)]
            try await AssignmentRepository(db).respond(.init(pair.volunteerID), role: pair.roleID, confirmed: false)
            let start = ContinuousClock.now
            let (version, timing) = try await RosterGeneration(db).generate(.init(communityID: nil, from: from, to: to, timeLimitSeconds: regenerateLimit))
            let total = millis(ContinuousClock.now - start)
            again.append(total)
            let refilled = version.diff.added.filter { $0.roleID == pair.roleID }.count
            print(String(format: "  re-generate after decline %d: total %.0f ms = load %d + solve %d + store %d; removed %d, added %d (refilling the slot: %d), moved %d",
                         i + 1, total, timing.loadMs, timing.solveMs, timing.storeMs, version.diff.removed.count, version.diff.added.count, refilled,
                         version.diff.moved.count))
        }
        print("re-generation after a decline (declines accumulate: 1, 2, 3 against the published roster), solver limit \(regenerateLimit) s: median \(ms(median(again)))  \(again.map { String(format: "%.0f", $0) })")
    }
}
