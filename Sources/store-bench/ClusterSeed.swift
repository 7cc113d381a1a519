// The district of the workers benchmark (scripts/bench-workers): as RosterBench's — 2,000
// volunteers, 750 events with 1,500 roles over 14 days — but in 8 communities on 4 streets,
// each partner unit signed with the two communities of its street and its volunteers living
// there, so the district falls into 4 clusters that share no volunteer; plus FacilityBench's
// 20 car parks. Only seeds: the script runs `lianjian nightly --workers` against it.
import Foundation
import LianjianDomain
import LianjianStore

enum ClusterSeed {
    static let setUp = [
        "INSERT INTO communities (code, name) SELECT 'c' || i, '社区' || i FROM generate_series(1, 8) i",
        """
        INSERT INTO partner_units (code, name, kind, liaison_name, liaison_phone)
        SELECT 'u' || lpad(i::text, 2, '0'), '单位' || i, 'other', '联络员', '137000000' || lpad(i::text, 2, '0') FROM generate_series(0, 15) i
        """,
        // Unit i works on street i % 4: communities 2s+1 and 2s+2.
        """
        INSERT INTO joint_projects (community_id, unit_id, title, category, signed_on)
        SELECT c.id, u.id, '项目 ' || c.code || '-' || u.code, 'other', '2026-01-01'
        FROM partner_units u JOIN communities c
          ON c.code IN ('c' || (2 * (substr(u.code, 2)::int % 4) + 1), 'c' || (2 * (substr(u.code, 2)::int % 4) + 2))
        """,
        """
        INSERT INTO volunteers (name, phone, unit_id, community_id, max_minutes_per_week)
        SELECT '志愿者' || i, '139' || lpad(i::text, 8, '0'),
               (SELECT id FROM partner_units WHERE code = 'u' || lpad((i % 16)::text, 2, '0')),
               (SELECT id FROM communities WHERE code = 'c' || (2 * (i % 4) + 1 + (i / 16) % 2)), 480
        FROM generate_series(1, 2000) i
        """,
    ] + RosterBench.people + [
        // 750 events, round the 32 projects.
        """
        INSERT INTO events (community_id, project_id, title, starts_at, ends_at)
        SELECT p.community_id, p.id, '活动 ' || e, t.ts, t.ts + make_interval(hours => 2 + e % 2)
        FROM generate_series(0, 749) e
        CROSS JOIN LATERAL (SELECT id, community_id FROM joint_projects ORDER BY title OFFSET (e % 32) LIMIT 1) p
        CROSS JOIN LATERAL (SELECT ((date '2026-12-07' + (e % 14)) + make_interval(hours => 8 + (e / 14) % 10)) AT TIME ZONE 'Asia/Shanghai' AS ts) t
        """,
    ] + RosterBench.roles

    static func run(_ db: Database) async throws {
        for sql in setUp { try await db.execute(sql) }
        let seeded = try await FacilityBench.seed(db, facilities: 20, monday: LocalDate("2026-12-07")!, days: 14)
        let shifts = try await db.count("SELECT count(*) FROM event_roles")
        print("seeded: 8 communities on 4 streets, 16 units, 2,000 volunteers, \(shifts) shifts, 20 car parks (\(seeded.requests - seeded.refused) bookings)")
    }
}
