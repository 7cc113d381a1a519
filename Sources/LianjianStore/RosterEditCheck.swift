import Foundation
import LianjianDomain
import PostgresNIO
import RosterSolver

/// Checks a hand edit with the solver's own hard rules (``Checker``, as `lianjian check` runs
/// them) on a problem built from the database inside the edit's transaction, and says in
/// Chinese which rule it breaks, for whom.
///
/// An edit may not add a broken rule: the roster after it is checked beside the roster before
/// it, so a rule that was already broken elsewhere (an answer given since the draft was made)
/// does not block an unrelated edit. Pinned pairs must satisfy every rule.
struct RosterEditCheck {
    let problem: Problem
    let zone: TimeZone

    typealias Assignment = RosterRepository.Assignment

    /// Throws ``StoreError/Code/breaksRule`` when the edit adds a broken rule.
    /// - Parameter after: the pairs checked, as they are once the edit is written.
    func check(_ effect: RosterEdit.Effect, after: [Assignment], _ c: PostgresConnection, _ logger: Logger) async throws {
        try await checkPool(effect.checked, c, logger)
        let after = after.map(\.pair)
        let before = Set(after).subtracting(effect.added.map(\.pair)).union(effect.removed.map(\.pair))
        let model = Model(problem)
        let old = Self.violations(model, Array(before))
        let pins = Set(effect.pins.map(\.pair))
        let broken = Self.violations(model, after).filter { v in
            !old.contains(v) || pins.contains { v.volunteer == $0.volunteer && v.shifts.contains($0.shift) }
        }
        guard let first = broken.first else { return }
        let ids = broken.compactMap { $0.volunteer.flatMap(UUID.init(uuidString:)) }
        let labels = try await RosterLabels.load(after.compactMap { Assignment($0) }, extraRoles: broken.flatMap { $0.shifts }.compactMap { UUID(uuidString: $0) },
                                                 extraVolunteers: ids, c, logger)
        var reasons: [String] = []
        for v in broken.prefix(3) {
            let reason = try await self.reason(v, after: after, labels, c, logger)
            if !reasons.contains(reason) { reasons.append(reason) }
        }
        throw StoreError(.breaksRule, field: first.rule, message: reasons.joined(separator: "；"))
    }

    /// The hard rules broken by `pairs` (unknown ids are the pool check's business).
    static func violations(_ model: Model, _ pairs: [Pair]) -> [Violation] {
        let roster = Roster(assignments: pairs, unfilled: [], score: Score(unfilled: 0, away: 0, fairness: 0, change: 0))
        return Checker(model: model).check(roster).violations.filter { !["claim", "reference", "format"].contains($0.rule) }
    }

    /// Every checked pair's role must be open in the problem, and its volunteer one the solver
    /// could roster at all (active, with one of the skills needed).
    func checkPool(_ pairs: [Assignment], _ c: PostgresConnection, _ logger: Logger) async throws {
        let shifts = Set(problem.shifts.map(\.id))
        let volunteers = Set(problem.volunteers.map(\.id))
        for p in pairs where !shifts.contains(p.roleID.lower) || !volunteers.contains(p.volunteerID.lower) {
            let labels = try await RosterLabels.load([p], c, logger)
            guard shifts.contains(p.roleID.lower) else {
                throw StoreError(.breaksRule, field: "role", message: EditRefusal.roleClosed(labels.title(p.roleID)))
            }
            guard labels.people[p.volunteerID]?.active == true else {
                throw StoreError(.breaksRule, field: "active", message: EditRefusal.inactive(labels.name(p.volunteerID)))
            }
            let skill = problem.shifts.first { $0.id == p.roleID.lower }?.skill ?? ""
            throw StoreError(.breaksRule, field: "skill", message: try await skillReason(p.volunteerID, skill, p.roleID, labels, c, logger))
        }
    }

    /// A new volunteer must belong to the roster's community or to a partner unit with a joint
    /// project there. Unknown and out-of-scope volunteers get the same answer.
    static func scope(_ effect: RosterEdit.Effect, roster: [Assignment], community: Community.ID?,
                      _ c: PostgresConnection, _ logger: Logger) async throws {
        let present = Set(roster.map(\.volunteerID))
        for volunteer in Set(effect.added.map(\.volunteerID)).subtracting(present) {
            let inScope = try await c.query("""
                SELECT \(community?.uuid)::uuid IS NULL OR v.community_id = \(community?.uuid)
                       OR EXISTS (SELECT 1 FROM joint_projects p WHERE p.community_id = \(community?.uuid) AND p.unit_id = v.unit_id)
                FROM volunteers v WHERE v.id = \(volunteer)
                """, logger: logger).all(Bool.self).first
            guard inScope == true else { throw StoreError(.breaksRule, field: "scope", message: EditRefusal.outOfScope) }
        }
    }
}
