import Foundation
import RosterSolver

/// 2026-12-`day` at `hour`:`minute`, China Standard Time.
func at(_ hour: Int, _ minute: Int = 0, day: Int = 5) -> Timestamp {
    Timestamp(String(format: "2026-12-%02dT%02d:%02d:00+08:00", day, hour, minute))!
}

func vol(
    _ id: String, unit: String? = "u-a", community: String = "c-1", skills: [String] = ["companion"],
    from: Int = 8, to: Int = 20, day: Int = 5, max: Int = 600
) -> Volunteer {
    Volunteer(
        id: id, unit: unit, community: community, skills: skills,
        available: [Interval(start: at(from, day: day), end: at(to, day: day))], maxMinutes: max)
}

func shift(
    _ id: String, _ start: Int, _ end: Int, startMinute: Int = 0, endMinute: Int = 0, community: String = "c-1",
    skill: String = "companion", required: Int = 1, priority: Int = 1, units: [String] = [], day: Int = 5
) -> Shift {
    Shift(
        id: id, event: "e-\(id)", community: community, start: at(start, startMinute, day: day),
        end: at(end, endMinute, day: day), skill: skill, required: required, priority: priority, units: units)
}

func problem(
    _ volunteers: [Volunteer], _ shifts: [Shift], weights: Weights = Weights(), travel: Int = 30,
    pinned: [Pair] = [], previous: [Pair] = []
) -> Problem {
    Problem(
        horizon: Interval(start: at(0, day: 1), end: at(0, day: 15)), travelMinutes: travel, weights: weights,
        volunteers: volunteers, shifts: shifts, pinned: pinned, previous: previous)
}

/// A roster of the given (shift, volunteer) pairs with its claims filled in from a recomputation.
func roster(_ p: Problem, _ pairs: [(String, String)]) -> Roster {
    let assignments = pairs.map { Pair(shift: $0.0, volunteer: $0.1) }
    let blank = Roster(assignments: assignments, unfilled: [], score: Score(unfilled: 0, away: 0, fairness: 0, change: 0))
    let score = Checker(problem: p).check(blank).score
    var counts: [String: Int] = [:]
    for a in Set(assignments) { counts[a.shift, default: 0] += 1 }
    let unfilled = p.shifts.compactMap { s -> Roster.Unfilled? in
        let missing = s.required - (counts[s.id] ?? 0)
        return missing > 0 ? Roster.Unfilled(shift: s.id, missing: missing) : nil
    }
    return Roster(assignments: assignments, unfilled: unfilled, score: score)
}

/// The violations `check` reports for one rule.
func violations(_ p: Problem, _ pairs: [(String, String)], rule: String) -> [Violation] {
    Checker(problem: p).check(roster(p, pairs)).violations.filter { $0.rule == rule }
}

/// v may work three hours: A and B (two hours each, priority 3) and C (one hour). By count two
/// shifts fit, so the flow bound fills A and B (1,004); within the load, the optimum works A and
/// C and leaves B open (3,004).
func threeHourLoadProblem() -> Problem {
    problem(
        [vol("v", max: 180)],
        [shift("A", 9, 11, priority: 3), shift("B", 12, 14, priority: 3), shift("C", 15, 16)])
}
