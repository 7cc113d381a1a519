import RosterSolver

/// Random problems small enough for exhaustive search: 6 volunteers, 5 shifts, one day.
enum TinyProblems {
    static func make(seed: UInt64) -> Problem {
        var rng = SplitMix64(seed: seed &+ 99)
        let skills = ["companion", "lawyer"]
        let vols = (0..<6).map { i in
            let from = 8 + rng.below(4)
            return vol(
                "v\(i)", unit: rng.below(4) == 0 ? nil : "u-\(rng.below(2))", community: "c-\(rng.below(2))",
                skills: rng.below(3) == 0 ? skills : [skills[rng.below(2)]], from: from, to: from + 4 + rng.below(6),
                max: [60, 120, 180, 600][rng.below(4)])
        }
        let shifts = (0..<5).map { i in
            let start = 8 + rng.below(8)
            return shift(
                "s\(i)", start, start + 1 + rng.below(2), community: "c-\(rng.below(2))", skill: skills[rng.below(2)],
                required: 1 + rng.below(3), priority: rng.below(3), units: rng.below(4) == 0 ? ["u-0"] : [])
        }
        let previous = (0..<3).map { _ in Pair(shift: "s\(rng.below(5))", volunteer: "v\(rng.below(6))") }
        return problem(vols, shifts, weights: Weights(unfilled: 100, away: 7, fairness: 3, change: 40), travel: 30, previous: previous)
    }
}

/// Exhaustive search over every feasible roster, with its own score arithmetic.
enum BruteForce {
    static func optimum(_ p: Problem) -> Int {
        let model = Model(p)
        var pairs: [(v: Int, s: Int)] = []
        for s in p.shifts.indices { for v in p.volunteers.indices where model.staticallyEligible(v, s) { pairs.append((v, s)) } }
        var taken = Array(repeating: [Int](), count: p.volunteers.count)
        var counts = Array(repeating: 0, count: p.shifts.count)
        var best = Int.max
        let previous = Set(p.previous)
        func score() -> Int {
            let w = p.weights
            var total = 0
            for (s, shift) in p.shifts.enumerated() { total += w.unfilled * shift.priority * (shift.required - counts[s]) }
            for (v, list) in taken.enumerated() {
                total += w.fairness * list.count * list.count
                total += w.away * list.filter { p.shifts[$0].community != p.volunteers[v].community }.count
            }
            let kept = previous.filter { pr in taken[p.volunteers.firstIndex { $0.id == pr.volunteer }!].contains { p.shifts[$0].id == pr.shift } }
            return total + w.change * (previous.count - kept.count)
        }
        func go(_ i: Int) {
            if i == pairs.count { best = min(best, score()); return }
            go(i + 1)
            let (v, s) = pairs[i]
            let load = taken[v].reduce(Int64(0)) { $0 + model.shiftDuration($1) } + model.shiftDuration(s)
            guard counts[s] < p.shifts[s].required, load <= Int64(p.volunteers[v].maxMinutes) * 60_000,
                taken[v].allSatisfy({ model.shiftsCompatible($0, s) })
            else { return }
            taken[v].append(s); counts[s] += 1
            go(i + 1)
            taken[v].removeLast(); counts[s] -= 1
        }
        go(0)
        return best
    }
}
