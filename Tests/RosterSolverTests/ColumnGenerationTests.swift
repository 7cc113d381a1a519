import RosterInstances
import Testing

@testable import RosterSolver

/// The master LP (simplex with generalized upper bounding) and column generation over schedules.
@Suite struct ColumnGenerationTests {
    /// A random master: 6 shift rows, 5 sets of 1–4 columns with 1–3 rows each.
    struct RandomMaster {
        var rhs: [Double] = []
        var columns: [(rows: [Int32], set: Int, cost: Double)] = []

        init(seed: UInt64) {
            var rng = SplitMix64(seed: seed &+ 7)
            rhs = (0..<6).map { _ in Double(rng.below(4)) }
            for set in 0..<5 {
                for _ in 0..<(1 + rng.below(4)) {
                    let rows = Set((0..<(1 + rng.below(3))).map { _ in Int32(rng.below(6)) }).sorted()
                    columns.append((rows, set, Double(rng.below(13)) - 10))
                }
            }
        }

        func make() -> MasterLP {
            var lp = MasterLP(rhs: rhs, sets: 5)
            for c in columns { lp.addColumn(rows: c.rows, set: c.set, cost: c.cost) }
            return lp
        }
    }

    @Test(arguments: 0..<40)
    func theMasterStopsAtACertifiedOptimum(seed: Int) {
        let master = RandomMaster(seed: UInt64(seed))
        var lp = master.make()
        #expect(lp.solve(deadline: .now + .seconds(60)) == .optimal)
        let x = lp.solution
        // Primal feasible (within the perturbation), dual feasible, and equal objectives: optimal.
        var load = Array(repeating: 0.0, count: 6)
        var perSet = Array(repeating: 0.0, count: 5)
        var dualObjective = (0..<6).reduce(0.0) { $0 + lp.duals[$1] * master.rhs[$1] }
        for k in 0..<5 {
            #expect(lp.setDual(k) <= 1e-7, "seed \(seed)")
            dualObjective += lp.setDual(k)
        }
        for (j, c) in master.columns.enumerated() {
            #expect(x[j] >= -1e-9)
            for r in c.rows { load[Int(r)] += x[j] }
            perSet[c.set] += x[j]
            let reduced = c.cost - c.rows.reduce(0.0) { $0 + lp.duals[Int($1)] } - lp.setDual(c.set)
            #expect(reduced >= -1e-6, "seed \(seed), column \(j)")
        }
        for r in 0..<6 {
            #expect(load[r] <= master.rhs[r] + 1e-5)
            #expect(lp.duals[r] <= 1e-7)
        }
        #expect(perSet.allSatisfy { $0 <= 1 + 1e-9 })
        #expect(abs(lp.objective - dualObjective) < 1e-3, "seed \(seed): \(lp.objective) vs \(dualObjective)")
    }

    @Test(arguments: 0..<20)
    func aWarmStartReachesTheSameOptimum(seed: Int) {
        // From the all-slack basis, and from an integer point made of each set's first column
        // that still fits: the same value.
        let master = RandomMaster(seed: UInt64(seed))
        var cold = master.make()
        _ = cold.solve(deadline: .now + .seconds(60))
        var warm = master.make()
        var room = master.rhs
        var start: [Int] = []
        for k in 0..<5 {
            guard let j = master.columns.indices.first(where: { j in master.columns[j].set == k && master.columns[j].rows.allSatisfy { room[Int($0)] >= 1 } }) else { continue }
            for r in master.columns[j].rows { room[Int(r)] -= 1 }
            start.append(j)
        }
        warm.force(start)
        _ = warm.solve(deadline: .now + .seconds(60))
        #expect(abs(warm.objective - cold.objective) < 1e-6, "seed \(seed)")
    }

    @Test func columnsProveTheOptimumWhereTheFlowBoundCannot() {
        // The flow bound fills A and B (1,004); from an empty roster, schedules within the load
        // give the optimum (A and C, B open: 3,004) and prove it.
        let p = threeHourLoadProblem()
        let model = Model(p)
        let candidates = Candidates(model: model)
        #expect(LowerBound.exactFlow(model, candidates)?.bound == 1004)
        let outcome = ColumnGeneration(model: model, candidates: candidates)!
            .run(from: SearchState(model: model, candidates: candidates), deadline: .now + .seconds(60))
        #expect(outcome.state.cost == 3004)
        #expect(outcome.bound == 3004)
        #expect(outcome.optimal)
    }

    @Test(arguments: 0..<40)
    func generationNeverClaimsMoreThanItHas(seed: Int) {
        // From nothing, on problems small enough to solve exhaustively: the bound never exceeds
        // the optimum, the roster is valid and never below it, and "optimal" means optimal.
        let p = TinyProblems.make(seed: UInt64(seed))
        let model = Model(p)
        let candidates = Candidates(model: model)
        let optimum = BruteForce.optimum(p)
        let outcome = ColumnGeneration(model: model, candidates: candidates)!
            .run(from: SearchState(model: model, candidates: candidates), deadline: .now + .seconds(60))
        #expect((outcome.bound ?? Int.min) <= optimum, "seed \(seed)")
        #expect(outcome.state.cost >= optimum)
        if outcome.optimal { #expect(outcome.state.cost == optimum, "seed \(seed)") }
        let roster = Solver.makeRoster(model, outcome.state, lowerBound: outcome.bound, stats: [:])
        #expect(Checker(problem: p).check(roster).isValid, "seed \(seed)")
    }

    @Test func theSearchHandsOverWhereTheFlowBoundIsFarBelow() throws {
        // S tight (the benchmark's instance): the first round leaves a roster more than 5% above
        // the flow bound, so the search hands over; generation returns the optimum (85,305, as
        // CP-SAT and HiGHS prove) and proves it. Without it the bound was 85,292.
        let p = InstanceGenerator(family: .tight, size: .s, seed: 1).make()
        let r = try Solver.solve(p, options: SolverOptions(timeLimit: .seconds(60)))
        #expect((r.stats?["generation_rounds"] ?? 0) > 0)
        #expect(r.score.total == 85305)
        #expect(r.lowerBound == 85305)
        // Ample supply: the flow bound is close, the search alone goes on.
        let ample = try Solver.solve(InstanceGenerator(family: .ample, size: .s, seed: 1).make(), options: SolverOptions(timeLimit: .seconds(60)))
        #expect(ample.stats?["generation_rounds"] == 0)
    }

    @Test func generationIsOnlyTriedWhereTheFlowBoundIsFarBelow() {
        #expect(ColumnGeneration.isWorthTrying(cost: 100_229, flowBound: 91_037))
        #expect(!ColumnGeneration.isWorthTrying(cost: 5_664, flowBound: 5_541))
        #expect(!ColumnGeneration.isWorthTrying(cost: 8_126, flowBound: 8_080))
    }
}
