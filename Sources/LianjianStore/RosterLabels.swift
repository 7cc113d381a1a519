import Foundation
import LianjianDomain
import PostgresNIO

/// The names, times and answers behind the ids of a roster's pairs, read in one go: what a
/// version, its diff and an edit's refusal show people. Phone numbers are never read here.
struct RosterLabels: Sendable {
    struct Role: Sendable {
        var eventID: UUID
        var title: String
        var start: Date
        var end: Date
        var skill: String
        /// The skill's Chinese name (`陪护` for `companion`).
        var skillName: String
        var required: Int
    }

    struct Person: Sendable {
        var name: String
        var active: Bool
    }

    var roles: [UUID: Role] = [:]
    var people: [UUID: Person] = [:]
    /// `confirmed` or `declined`, by pair.
    var responses: [RosterRepository.Assignment: String] = [:]
    /// Pairs pinned by hand (`roster_overrides`).
    var pinned: Set<RosterRepository.Assignment> = []

    static func load(_ pairs: [RosterRepository.Assignment], extraRoles: [UUID] = [], extraVolunteers: [UUID] = [],
                     _ c: PostgresConnection, _ logger: Logger) async throws -> RosterLabels {
        let roleIDs = Array(Set(pairs.map(\.roleID) + extraRoles))
        let volunteerIDs = Array(Set(pairs.map(\.volunteerID) + extraVolunteers))
        var labels = RosterLabels()
        for r in try await c.query("""
            SELECT r.id, e.id, e.title, e.starts_at, e.ends_at, r.skill, coalesce(k.name_zh, r.skill), r.required
            FROM event_roles r JOIN events e ON e.id = r.event_id LEFT JOIN skills k ON k.code = r.skill
            WHERE r.id = ANY(\(roleIDs)::uuid[])
            """, logger: logger).all((UUID, UUID, String, Date, Date, String, String, Int32).self) {
            labels.roles[r.0] = Role(eventID: r.1, title: r.2, start: r.3, end: r.4, skill: r.5, skillName: r.6, required: Int(r.7))
        }
        for p in try await c.query("SELECT id, name, active FROM volunteers WHERE id = ANY(\(volunteerIDs)::uuid[])", logger: logger)
            .all((UUID, String, Bool).self) {
            labels.people[p.0] = Person(name: p.1, active: p.2)
        }
        for x in try await c.query("""
            SELECT role_id, volunteer_id, response FROM assignment_responses WHERE role_id = ANY(\(roleIDs)::uuid[])
            """, logger: logger).all((UUID, UUID, String).self) {
            labels.responses[.init(roleID: x.0, volunteerID: x.1)] = x.2
        }
        for o in try await c.query("""
            SELECT role_id, volunteer_id FROM roster_overrides WHERE role_id = ANY(\(roleIDs)::uuid[]) AND kind = 'pinned'
            """, logger: logger).all((UUID, UUID).self) {
            labels.pinned.insert(.init(roleID: o.0, volunteerID: o.1))
        }
        return labels
    }

    func name(_ volunteer: UUID) -> String { people[volunteer]?.name ?? EditRefusal.someone }
    func title(_ role: UUID) -> String { roles[role]?.title ?? EditRefusal.someEvent }

    func labelled(_ a: RosterRepository.Assignment) -> RosterRepository.Assignment {
        guard let role = roles[a.roleID], let person = people[a.volunteerID] else { return a }
        var a = a
        a.label = .init(volunteerName: person.name, eventID: role.eventID, eventTitle: role.title, skill: role.skill, skillName: role.skillName,
                        start: role.start, end: role.end, response: responses[a], pinned: pinned.contains(a))
        return a
    }

    func labelled(_ diff: RosterRepository.Diff) -> RosterRepository.Diff {
        var diff = diff
        diff.added = diff.added.map(labelled)
        diff.removed = diff.removed.map(labelled)
        diff.moved = diff.moved.map { m in
            var m = m
            m.volunteerName = people[m.volunteerID]?.name
            m.fromEventTitle = roles[m.fromRole]?.title
            m.toEventTitle = roles[m.toRole]?.title
            return m
        }
        return diff
    }
}
