import Foundation
import LianjianDomain
import PostgresNIO

/// Service plans and the events generated from them.
public struct PlanRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    static func encode(_ value: some Encodable) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    public func create(for project: JointProject.ID, _ d: ServicePlan.Draft) async throws(StoreError) -> ServicePlan {
        let skills = (d.roles ?? []).map(\.skill)
        let id = try await db.transaction { c in
            let known = try await c.query("SELECT code FROM skills WHERE code = ANY(\(skills)::text[])", logger: db.logger).all(String.self)
            if let (i, missing) = skills.enumerated().first(where: { !known.contains($0.1) }) {
                throw StoreError(.missingReference, field: "roles[\(i)].skill", message: "no skill \(missing)")
            }
            return try await c.query("""
                INSERT INTO service_plans (project_id, title, venue, recurrence, start_date, start_time, duration_minutes, roles,
                                           skip_holidays, run_on_workdays)
                VALUES (\(project.uuid), \(d.title), \(d.venue ?? ""), \(Self.encode(d.recurrence))::jsonb, \(d.startDate.description)::date,
                        \(d.startTime.description)::time, \(d.durationMinutes), \(Self.encode(d.roles ?? []))::jsonb,
                        \(d.skipHolidays ?? false), \(d.runOnWorkdays ?? false))
                RETURNING id
                """, logger: db.logger).all(UUID.self)[0]
        }
        return ServicePlan(id: .init(id), projectID: project, draft: d)
    }

    public func get(_ id: ServicePlan.ID) async throws(StoreError) -> ServicePlan {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT project_id, title, venue, recurrence::text, start_date::text, start_time::text, duration_minutes, roles::text,
                       skip_holidays, run_on_workdays
                FROM service_plans WHERE id = \(id.uuid)
                """, logger: db.logger).all((UUID, String, String, String, String, String, Int32, String, Bool, Bool).self)
        }
        guard let r = rows.first, let recurrence = try? JSONDecoder().decode(Recurrence.self, from: Data(r.3.utf8)),
              let roles = try? JSONDecoder().decode([StaffingRule].self, from: Data(r.7.utf8)) else { throw .notFound("service plan") }
        let draft = ServicePlan.Draft(title: r.1, venue: r.2, recurrence: recurrence, startDate: LocalDate(r.4)!,
                                      startTime: LocalTime(r.5) ?? .init(minutes: 0), durationMinutes: Int(r.6), roles: roles,
                                      skipHolidays: r.8, runOnWorkdays: r.9)
        return ServicePlan(id: id, projectID: .init(r.0), draft: draft)
    }

    public func list(for project: JointProject.ID) async throws(StoreError) -> [ServicePlan] {
        let ids = try await db.withConnection { c in
            try await c.query("SELECT id FROM service_plans WHERE project_id = \(project.uuid) ORDER BY created_at, id", logger: db.logger).all(UUID.self)
        }
        var plans: [ServicePlan] = []
        for id in ids { plans.append(try await get(.init(id))) }
        return plans
    }

    /// What a generation did: events created, and occurrences that already had one (kept as
    /// they are, edited or cancelled ones included).
    public struct Generated: Sendable, Encodable {
        public var created: Int
        public var kept: Int
        /// Occurrences not generated because they fall on a public holiday.
        public var skippedHolidays: [LocalDate]

        enum CodingKeys: String, CodingKey {
            case created, kept
            case skippedHolidays = "skipped_holidays"
        }
    }

    /// Creates the plan's events between two local dates (inclusive); running it again creates
    /// nothing twice and leaves existing events untouched.
    public func generate(_ id: ServicePlan.ID, from: LocalDate, to: LocalDate) async throws(StoreError) -> Generated {
        let plan = try await get(id)
        let project = try await ProjectRepository(db).get(plan.projectID)
        let zone = try await CommunityRepository(db).get(project.communityID).zone
        let rule = plan.recurrence.dates(start: plan.startDate, at: plan.startTime, from: from, to: to, zone: zone)
        let table = try await HolidayRepository(db).table(from: from, to: to)
        let (dates, skipped) = table.apply(rule, policy: plan.holidayPolicy, recurrence: plan.recurrence, start: plan.startDate, from: from, to: to)
        let starts = dates.map { $0.at(plan.startTime, in: zone) }
        let ends = starts.map { $0.addingTimeInterval(Double(plan.durationMinutes * 60)) }
        let created = try await db.transaction { c in
            let ids = try await c.query("""
                INSERT INTO events (community_id, project_id, plan_id, occurrence_date, title, venue, starts_at, ends_at)
                SELECT \(project.communityID.uuid), \(project.id.uuid), \(id.uuid), d, \(plan.title), \(plan.venue), s, e
                FROM unnest(\(dates.map(\.description))::date[], \(starts)::timestamptz[], \(ends)::timestamptz[]) AS t(d, s, e)
                ON CONFLICT (plan_id, occurrence_date) DO NOTHING
                RETURNING id
                """, logger: db.logger).all(UUID.self)
            try await EventRepository.insertRoles(plan.roles, events: ids, c, db.logger)
            return ids.count
        }
        return Generated(created: created, kept: dates.count - created, skippedHolidays: skipped)
    }
}
