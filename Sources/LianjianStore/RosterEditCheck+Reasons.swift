import Foundation
import LianjianDomain
import PostgresNIO
import RosterSolver

extension RosterEditCheck {
    /// A broken rule as the organiser reads it, with the volunteer's name and the event's title.
    func reason(_ v: Violation, after: [Pair], _ labels: RosterLabels, _ c: PostgresConnection, _ logger: Logger) async throws -> String {
        let volunteer = v.volunteer.flatMap(UUID.init(uuidString:))
        let roles = v.shifts.compactMap(UUID.init(uuidString:))
        let name = volunteer.map(labels.name) ?? EditRefusal.someone
        let title = roles.first.map(labels.title) ?? EditRefusal.someEvent
        switch v.rule {
        case "skill":
            guard let volunteer, let role = roles.first else { break }
            return try await skillReason(volunteer, labels.roles[role]?.skill ?? "", role, labels, c, logger)
        case "availability":
            guard let volunteer, let role = roles.first, let shift = problem.shifts.first(where: { $0.id == v.shifts[0] }) else { break }
            if labels.responses[.init(roleID: role, volunteerID: volunteer)] == "declined" { return EditRefusal.declined(name, title) }
            if let (other, start, end) = try await elsewhere(volunteer, shift, c, logger) {
                return EditRefusal.busyElsewhere(name, other, EditRefusal.when(start, end, zone: zone))
            }
            let span = RosterProblemBuilder.span(shift)
            return EditRefusal.unavailable(name, title, EditRefusal.when(span.start, span.end, zone: zone))
        case "overlap":
            guard roles.count == 2 else { break }
            let communities = v.shifts.map { id in problem.shifts.first { $0.id == id }?.community }
            let (a, b) = (labels.title(roles[0]), labels.title(roles[1]))
            return communities[0] == communities[1] ? EditRefusal.overlap(name, a, b) : EditRefusal.travel(name, a, b, problem.travelMinutes)
        case "load":
            guard let id = v.volunteer, let person = problem.volunteers.first(where: { $0.id == id }) else { break }
            let mine = Set(after.filter { $0.volunteer == id }.map(\.shift))
            let minutes = problem.shifts.filter { mine.contains($0.id) }.reduce(0) { $0 + Int(($1.end.epochMillis - $1.start.epochMillis) / 60_000) }
            return EditRefusal.load(name, minutes, person.maxMinutes)
        case "capacity":
            guard let role = roles.first, let label = labels.roles[role] else { break }
            return EditRefusal.capacity(label.title, label.skillName, label.required)
        case "units":
            return EditRefusal.units(name, title)
        case "pinned":
            guard let volunteer, let role = roles.first else { break }
            return EditRefusal.pinned(name, title, confirmed: labels.responses[.init(roleID: role, volunteerID: volunteer)] == "confirmed")
        default: break
        }
        return "\(name)：\(v.message)"
    }

    /// Why a volunteer cannot take a role's skill: they lack it, or it expires before the range ends.
    func skillReason(_ volunteer: UUID, _ skill: String, _ role: UUID, _ labels: RosterLabels,
                     _ c: PostgresConnection, _ logger: Logger) async throws -> String {
        let name = labels.name(volunteer)
        let skillName = labels.roles[role]?.skillName ?? skill
        let expiry = try await c.query("""
            SELECT expires_on::text FROM volunteer_skills WHERE volunteer_id = \(volunteer) AND skill = \(skill) AND expires_on IS NOT NULL
            """, logger: logger).all(String.self).first
        if let expiry { return EditRefusal.skillExpired(name, skillName, expiry) }
        return EditRefusal.lacksSkill(name, skillName, labels.title(role))
    }

    /// Published work of the volunteer outside this problem at the shift's time: the problem
    /// builder takes such work out of their availability.
    func elsewhere(_ volunteer: UUID, _ shift: Shift, _ c: PostgresConnection, _ logger: Logger) async throws -> (String, Date, Date)? {
        let span = RosterProblemBuilder.span(shift)
        let mine = problem.shifts.compactMap { UUID(uuidString: $0.id) }
        return try await c.query("""
            SELECT e.title, e.starts_at, e.ends_at FROM published_assignments a
            JOIN event_roles r ON r.id = a.role_id JOIN events e ON e.id = r.event_id
            WHERE a.volunteer_id = \(volunteer) AND e.status = 'scheduled' AND NOT (a.role_id = ANY(\(mine)::uuid[]))
              AND e.starts_at < \(span.end) AND e.ends_at > \(span.start)
              AND NOT EXISTS (SELECT 1 FROM assignment_responses x WHERE x.role_id = a.role_id AND x.volunteer_id = a.volunteer_id
                              AND x.response = 'declined')
            ORDER BY e.starts_at LIMIT 1
            """, logger: logger).all((String, Date, Date).self).first
    }
}
