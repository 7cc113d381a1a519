import RosterSolver

/// A plain first-fit roster, used to make a "previous" roster for re-plan instances and as
/// the most-constrained-first greedy yardstick of the benchmark.
public enum SimpleRoster {
    /// Shifts by fewest candidates first; each takes the first volunteers that fit every hard rule.
    public static func greedy(_ problem: Problem) -> [Pair] {
        let model = Model(problem)
        var set: [Pair] = []
        let eligible = (0..<problem.shifts.count).map { s in
            (0..<problem.volunteers.count).filter { model.staticallyEligible($0, s) }
        }
        var taken = Array(repeating: [Int](), count: problem.volunteers.count)
        var load = Array(repeating: Int64(0), count: problem.volunteers.count)
        let order = (0..<problem.shifts.count).sorted {
            (-problem.shifts[$0].priority, eligible[$0].count, $0) < (-problem.shifts[$1].priority, eligible[$1].count, $1)
        }
        for s in order {
            var count = 0
            for v in eligible[s] where count < problem.shifts[s].required {
                let d = model.shiftDuration(s)
                guard load[v] + d <= Int64(problem.volunteers[v].maxMinutes) * 60_000,
                    taken[v].allSatisfy({ model.shiftsCompatible($0, s) })
                else { continue }
                taken[v].append(s)
                load[v] += d
                count += 1
                set.append(Pair(shift: problem.shifts[s].id, volunteer: problem.volunteers[v].id))
            }
        }
        return set
    }
}
