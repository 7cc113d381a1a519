import RosterInstances
import RosterSolver
import Testing

@Suite("Solver")
struct SolverTests {
    let quick = SolverOptions(timeLimit: .seconds(60), seed: 7, threads: 2)

    @Test(arguments: 0..<40)
    func findsTheExhaustiveOptimumOnTinyProblems(seed: Int) throws {
        let p = TinyProblems.make(seed: UInt64(seed))
        let optimum = BruteForce.optimum(p)
        let r = try Solver.solve(p, options: quick)
        #expect(Checker(problem: p).check(r).isValid)
        #expect(r.score.total == optimum, "seed \(seed)")
        #expect((r.lowerBound ?? Int.min) <= optimum)
    }

    @Test(arguments: InstanceGenerator.Family.allCases, [InstanceGenerator.Size.s, .m])
    func generatedRostersPassCheck(family: InstanceGenerator.Family, size: InstanceGenerator.Size) throws {
        let p = InstanceGenerator(family: family, size: size, seed: 3).make()
        let r = try Solver.solve(p, options: SolverOptions(timeLimit: .seconds(30), seed: 1))
        let report = Checker(problem: p).check(r)
        #expect(report.violations.isEmpty, "\(report.violations.prefix(3))")
        #expect(r.score.total <= r.stats!["greedy_total"]!)
    }

    @Test func problemsWithNothingToAssignSolve() throws {
        // A week with no staffed events, or no volunteer yet: an empty roster, not a crash.
        var p = InstanceGenerator(family: .ample, size: .s, seed: 5).make()
        let noShifts = Problem(horizon: p.horizon, travelMinutes: 30, weights: p.weights, volunteers: p.volunteers, shifts: [])
        let empty = try Solver.solve(noShifts, options: quick)
        #expect(empty.assignments.isEmpty && empty.score.total == 0)
        p.volunteers = []
        p.pinned = []
        p.previous = []
        let nobody = try Solver.solve(p, options: quick)
        #expect(nobody.assignments.isEmpty && Checker(problem: p).check(nobody).isValid)
        #expect(nobody.score.unfilled == p.shifts.reduce(0) { $0 + $1.priority * $1.required } * p.weights.unfilled)
    }

    @Test func sameSeedSameRoster() throws {
        let p = InstanceGenerator(family: .tight, size: .s, seed: 11).make()
        let a = try Solver.solve(p, options: quick)
        let b = try Solver.solve(p, options: quick)
        #expect(a.assignments == b.assignments)
        #expect(a.score == b.score)
    }

    @Test func aRosterAtTheLowerBoundEndsTheSearch() throws {
        // One volunteer per shift is optimal and the flow bound proves it: no search is needed.
        let p = problem([vol("v1"), vol("v2")], [shift("s1", 9, 10), shift("s2", 11, 12)])
        let r = try Solver.solve(p, options: quick)
        #expect(r.score.total == 2 && r.lowerBound == 2)
        #expect(r.stats?["iterations"] == 0)
    }

    @Test func pinnedPairsAreKept() throws {
        let p = problem([vol("v1"), vol("v2", community: "c-2")], [shift("s1", 9, 10)], pinned: [Pair(shift: "s1", volunteer: "v2")])
        let r = try Solver.solve(p, options: quick)
        #expect(r.assignments == [Pair(shift: "s1", volunteer: "v2")])
    }

    @Test func infeasiblePinsAreNamed() {
        let p = problem(
            [vol("v1")], [shift("a", 9, 11), shift("b", 10, 12)],
            pinned: [Pair(shift: "a", volunteer: "v1"), Pair(shift: "b", volunteer: "v1")])
        #expect(throws: ProblemError(.infeasiblePins, path: "$.pinned[1]", reason: "pinned pair (b, v1) overlaps pinned pair (a, v1)")) {
            try Solver.solve(p, options: quick)
        }
        let skill = problem([vol("v1", skills: ["driver"])], [shift("a", 9, 11)], pinned: [Pair(shift: "a", volunteer: "v1")])
        #expect(throws: ProblemError(.infeasiblePins, path: "$.pinned[0]", reason: "pinned pair (a, v1) breaks skill")) {
            try Solver.solve(skill, options: quick)
        }
    }

    @Test func replanAfterOneVolunteerLeavesChangesLittle() throws {
        var p = InstanceGenerator(family: .ample, size: .m, seed: 5).make()
        let first = try Solver.solve(p, options: quick)
        let leaver = first.assignments[0].volunteer
        let forced = first.assignments.filter { $0.volunteer == leaver }.count
        p.previous = first.assignments
        p.volunteers[p.volunteers.firstIndex { $0.id == leaver }!].available = []
        let second = try Solver.solve(p, options: quick)
        let lost = Set(first.assignments).subtracting(second.assignments).count
        #expect(Checker(problem: p).check(second).isValid)
        // The leaver's pairs go; each freed position may pull one chain of two more moves.
        #expect(lost <= forced * 3, "lost \(lost), forced \(forced)")
    }
}
