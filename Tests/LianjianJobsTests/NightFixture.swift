import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore
import Testing

/// A small community for nightly runs, dated from today so it never goes stale: eight
/// companions free every day, and three outings needing two each — tomorrow at 10:00 (inside a
/// 48-hour freeze window), in five days and in six. No quiet hours, so messages are due at once.
struct NightFixture {
    let db: Database
    /// Today in Shanghai: the night's `--as-of`.
    let today: LocalDate
    /// The companion role of each outing, tomorrow's first.
    let roles: [UUID]

    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    static func make(_ db: Database) async throws -> NightFixture {
        let today = LocalDate(Date(), in: zone)
        for sql in [
            "INSERT INTO communities (code, name, quiet_from, quiet_until) VALUES ('yejian', '夜间社区', '00:00', '00:00')",
            "INSERT INTO partner_units (code, name, kind, liaison_name, liaison_phone) VALUES ('tcm', '中医院', 'hospital', '联络员', '13700000000')",
            """
            INSERT INTO joint_projects (community_id, unit_id, title, category, signed_on)
            SELECT c.id, u.id, '陪伴观影', 'other', '2026-01-01' FROM communities c, partner_units u
            """,
            """
            INSERT INTO volunteers (name, phone, unit_id, community_id)
            SELECT '志愿者' || i, '1390000000' || i, (SELECT id FROM partner_units), (SELECT id FROM communities) FROM generate_series(0, 7) i
            """,
            "INSERT INTO volunteer_skills (volunteer_id, skill) SELECT id, 'companion' FROM volunteers",
            "INSERT INTO volunteer_availability (volunteer_id, weekday, starts_at, ends_at) SELECT v.id, d, '08:00', '20:00' FROM volunteers v, generate_series(1, 7) d",
        ] { try await db.execute(sql) }
        var roles: [UUID] = []
        for days in [1, 5, 6] {
            let start = today.adding(days: days).at(LocalTime(minutes: 10 * 60), in: zone)
            try await db.execute("""
                INSERT INTO events (community_id, project_id, title, starts_at, ends_at)
                SELECT community_id, id, '观影 +\(days)', '\(start.rfc3339)', '\(start.addingTimeInterval(3 * 3600).rfc3339)' FROM joint_projects
                """)
            let role = try await db.strings("""
                INSERT INTO event_roles (event_id, skill, fixed_count, required)
                SELECT id, 'companion', 2, 2 FROM events WHERE title = '观影 +\(days)' RETURNING id::text
                """)
            roles.append(try #require(role.first.flatMap(UUID.init(uuidString:))))
        }
        return NightFixture(db: db, today: today, roles: roles)
    }

    func options(freezeHours: Int = 48) -> Nightly.Options {
        Nightly.Options(asOf: today, horizonDays: 14, freezeHours: freezeHours, timeLimitSeconds: 0.5)
    }

    func night(freezeHours: Int = 48) async throws -> Nightly.Report {
        // The district's zone, as `lianjian` sets it from its settings.
        try await DisplayZone.$current.withValue(Self.zone) {
            try await Nightly(database: db, logger: NightlyTests.logger).run(options(freezeHours: freezeHours))
        }
    }

    /// The published pairs as `role|volunteer`.
    func published() async throws -> Set<String> {
        Set(try await db.strings("SELECT role_id::text || '|' || volunteer_id::text FROM published_assignments"))
    }

    /// Delivers what is due to a recording sender and returns what it was given.
    func deliver() async throws -> [NotificationRepository.Message] {
        let sender = RecordingSender()
        _ = try await Deliverer(database: db, sender: sender, logger: NightlyTests.logger).deliverDue()
        return await sender.messages
    }
}

/// A sender that keeps what it is given.
actor RecordingSender: NotificationSender {
    private(set) var messages: [NotificationRepository.Message] = []

    func send(_ message: NotificationRepository.Message) async throws(DeliveryFailure) {
        messages.append(message)
    }
}
