import Foundation
import LianjianDomain
import PostgresNIO
import RosterSolver

extension RosterRepository {
    /// Brings a version's stored documents in line with its pairs after a hand edit: the
    /// problem gets the current facts of the volunteers the edit brought in and today's pins
    /// (its shifts, which say what publishing takes over, stay as they were); the roster, its
    /// unfilled list and its score are recomputed by the solver's checker, and a draft's diff
    /// against what is published. A hand-edited roster has no proven lower bound.
    static func restate(_ id: UUID, fresh: Problem, touched: Set<String>, draft: Bool, _ c: PostgresConnection, _ logger: Logger) async throws {
        let rows = try await c.query("SELECT problem::text, roster::text FROM roster_versions WHERE id = \(id)", logger: logger).all((String, String).self)
        guard let row = rows.first, var problem = try? JSONDecoder().decode(Problem.self, from: Data(row.0.utf8)) else { return }
        let stats = (try? JSONDecoder().decode(Roster.self, from: Data(row.1.utf8)))?.stats
        for v in fresh.volunteers where touched.contains(v.id) {
            if let i = problem.volunteers.firstIndex(where: { $0.id == v.id }) { problem.volunteers[i] = v } else { problem.volunteers.append(v) }
        }
        let (shifts, volunteers) = (Set(problem.shifts.map(\.id)), Set(problem.volunteers.map(\.id)))
        problem.pinned = fresh.pinned.filter { shifts.contains($0.shift) && volunteers.contains($0.volunteer) }
        let pairs = try await Self.pairs(of: id, published: false, c, logger).sorted { ($0.roleID.lower, $0.volunteerID.lower) < ($1.roleID.lower, $1.volunteerID.lower) }
        let score = Checker(problem: problem).check(Roster(assignments: pairs.map(\.pair), unfilled: [], score: Score(unfilled: 0, away: 0, fairness: 0, change: 0))).score
        var counts: [String: Int] = [:]
        for p in pairs { counts[p.roleID.lower, default: 0] += 1 }
        let unfilled = problem.shifts.compactMap { s in s.required > (counts[s.id] ?? 0) ? Roster.Unfilled(shift: s.id, missing: s.required - (counts[s.id] ?? 0)) : nil }
        let roster = Roster(assignments: pairs.map(\.pair), unfilled: unfilled, score: score, lowerBound: nil, stats: stats)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = { (v: any Encodable) in String(decoding: (try? encoder.encode(v)) ?? Data("null".utf8), as: UTF8.self) }
        var diff: String?
        if draft {
            let published = try await c.query("""
                SELECT role_id, volunteer_id FROM published_assignments WHERE role_id = ANY(\(shifts.compactMap(UUID.init(uuidString:)))::uuid[])
                """, logger: logger).all((UUID, UUID).self).map { Assignment(roleID: $0.0, volunteerID: $0.1) }
            diff = json(Diff.between(published: Set(published), new: Set(pairs)))
        }
        try await c.query("""
            UPDATE roster_versions SET problem = \(json(problem))::jsonb, roster = \(json(roster))::jsonb, score = \(json(score))::jsonb,
                   lower_bound = NULL, diff = coalesce(\(diff)::jsonb, diff)
            WHERE id = \(id)
            """, logger: logger).collectCount()
    }
}
