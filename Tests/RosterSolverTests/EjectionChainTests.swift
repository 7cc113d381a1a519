import RosterInstances
import Testing

@testable import RosterSolver

/// The ejection-chain neighbourhood, the schedule subproblem and the Lagrangian bound built on it.
@Suite("Ejection chains and schedule bounds")
struct EjectionChainTests {
    @Test func aTwoStepChainPassesAShiftFromTheBusiestToTheIdle() {
        // u can only take A; w can leave A for B; z works B and C. Fairness 1 + 4 becomes
        // 1 + 1 + 1: exactly −2, and no single move gains anything.
        let p = problem(
            [vol("u", skills: ["x"]), vol("w", skills: ["x", "y"]), vol("z", skills: ["y"])],
            [shift("A", 9, 10, skill: "x"), shift("B", 11, 12, skill: "y"), shift("C", 14, 15, skill: "y")])
        var state = self.state(p, [("A", "w"), ("B", "z"), ("C", "z")])
        var chains = EjectionChains()
        #expect(chains.bestChain(state)?.gain == -2)
        #expect(chains.improve(&state, deadline: .now + .seconds(60)) == 1)
        #expect(state.cost == 3)
        #expect(state.contains(index(p, "u"), shiftIndex(p, "A")) && state.byVolunteer[index(p, "z")].count == 1)
    }

    @Test func aCycleThroughAHoleBringsTwoVolunteersHome() {
        // a (c-1) works in c-2 and b (c-2) in c-1 at overlapping times: a leaves S2 (a hole),
        // takes S1 from b, and b fills the hole. Two away assignments less: exactly −10.
        let p = problem(
            [vol("a"), vol("b", community: "c-2")],
            [shift("S1", 9, 11), shift("S2", 10, 12, community: "c-2")])
        var state = self.state(p, [("S2", "a"), ("S1", "b")])
        var chains = EjectionChains()
        let chain = chains.bestChain(state)
        #expect(chain?.gain == -10)
        #expect(chains.improve(&state, deadline: .now + .seconds(60)) == 1)
        #expect(state.cost == 2 && state.contains(index(p, "a"), shiftIndex(p, "S1")))
    }

    @Test func aBlockerLeftBehindIsPricedAtItsCheapestTaker() {
        // a works Z (away) and X; taking Y from d means leaving Z, whose cheapest taker is f.
        let p = problem(
            [vol("a"), vol("d", community: "c-2"), vol("f", community: "c-2")],
            [shift("Y", 9, 10), shift("Z", 9, 10, startMinute: 30, endMinute: 30, community: "c-2"), shift("X", 14, 15)])
        let state = self.state(p, [("Y", "d"), ("Z", "a"), ("X", "a")])
        var chains = EjectionChains()
        let best = chains.bestChain(state)
        let (a, d, y, z, x) = (index(p, "a"), index(p, "d"), shiftIndex(p, "Y"), shiftIndex(p, "Z"), shiftIndex(p, "X"))
        // The arc (a pushed from X) → (d pushed from Y), leaving Z: pair(a, Y) − pair(d, Y) −
        // pair(a, Z) + f's delta on Z − a's fairness for one shift less = −1000 + 995 + 995 − 999 − 3.
        let from = chains.nodeVolunteer.indices.first { chains.nodeVolunteer[$0] == a && chains.nodeShift[$0] == x }!
        let to = chains.nodeVolunteer.indices.first { chains.nodeVolunteer[$0] == d && chains.nodeShift[$0] == y }!
        let arcs = (Int(chains.arcStart[from])..<Int(chains.arcStart[from + 1])).filter { chains.arcTarget[$0] == to }
        #expect(arcs.map { chains.arcCost[$0] } == [-12] && arcs.map { chains.arcBlocker[$0] } == [Int32(z)])
        // Away 10 + fairness 5 can become fairness 5 alone: the best chain gains exactly 10.
        #expect(best?.gain == -10)
    }

    @Test func aVolunteerComesBackOnTheChainToSwapOneLongShiftForTwoShortOnes() {
        // p may work four hours and works L (10–14); q works A (10–11), B (15–16:30) and C.
        // p ↔ q, one long shift for two short ones, turns fairness 1 + 9 into 4 + 4. As a
        // chain: q leaves A (a hole), takes L from p, p takes B from q, q drops out, and p
        // fills the hole. q is on it twice; a chain meeting each volunteer once gains nothing.
        let p = problem(
            [vol("p", max: 240), vol("q")],
            [shift("L", 10, 14), shift("A", 10, 11), shift("B", 15, 16, endMinute: 30), shift("C", 17, 19)])
        var state = self.state(p, [("L", "p"), ("A", "q"), ("B", "q"), ("C", "q")])
        var once = EjectionChains()
        once.allowsRevisits = false
        #expect(once.bestChain(state) == nil)
        var chains = EjectionChains()
        #expect(chains.bestChain(state)?.gain == -2)
        #expect(chains.improve(&state, deadline: .now + .seconds(60)) == 1)
        #expect(state.cost == 8)
        let shifts = { (v: String) in Set(state.byVolunteer[self.index(p, v)].map { p.shifts[Int($0)].id }) }
        #expect(shifts("p") == ["A", "B"] && shifts("q") == ["L", "C"])
    }

    @Test func aVolunteerWhoComesBackMustFitWhatThePathGaveThem() {
        // r could take A from x, x then B from r, and r, off B, C from y, for fairness 1 + 1 + 9
        // → 4 + 1 + 4; but C (11:30–13:30) overlaps A, which r now holds: r must be checked
        // against the path's changes, not the roster (where only B clashes). No chain improves.
        let p = revisitProblem(c: shift("C", 11, 13, startMinute: 30, endMinute: 30, skill: "u"))
        let state = self.state(p, [("B", "r"), ("A", "x"), ("C", "y"), ("D", "y"), ("E", "y")])
        var chains = EjectionChains()
        #expect(chains.bestChain(state) == nil)
    }

    /// r works B (10–12); x works A (13–15), can work only two hours and has not C's skill; y works
    /// C, D (16–18) and E (18–20).
    private func revisitProblem(c: Shift) -> Problem {
        problem(
            [vol("r", skills: ["s", "u"]), vol("x", skills: ["s"], max: 120), vol("y", skills: ["s", "t", "u"])],
            [shift("A", 13, 15, skill: "s"), shift("B", 10, 12, skill: "s"), c,
             shift("D", 16, 18, skill: "t"), shift("E", 18, 20, skill: "t")])
    }

    @Test(arguments: 0..<40)
    func chainsOnlyImproveAndKeepRostersValid(seed: Int) {
        let p = TinyProblems.make(seed: UInt64(seed))
        let model = Model(p)
        var state = SearchState(model: model, candidates: Candidates(model: model))
        Construction.greedy(&state)
        let before = state.cost
        var chains = EjectionChains()
        let applied = chains.improve(&state, deadline: .now + .seconds(60))
        let roster = Solver.makeRoster(model, state, lowerBound: nil, stats: [:])
        let report = Checker(problem: p).check(roster)
        #expect(report.isValid, "seed \(seed): \(report.violations.prefix(2))")
        #expect(roster.score.total == state.cost)
        #expect(applied == 0 ? state.cost == before : state.cost < before)
        #expect(chains.bestChain(state) == nil)
        #expect(state.cost >= BruteForce.optimum(p))
    }

    @Test(arguments: 0..<80)
    func theScheduleSubproblemMatchesExhaustiveSearch(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &+ 7)
        let shifts = (0..<(1 + rng.below(7))).map { i in
            let start = 8 + rng.below(9)
            return shift("s\(i)", start, start + 1 + rng.below(2), community: "c-\(rng.below(2))")
        }
        let model = Model(problem([vol("v", from: 0, to: 23)], shifts))
        let order = (0..<shifts.count).sorted { (model.sStart[$0], $0) < (model.sStart[$1], $1) }
        let costs = order.map { _ in Double(-1 - rng.below(30)) }
        // Odd seeds also limit the load, in hours (each shift is 1 or 2 hours long).
        let hours = order.map { Int(model.duration($0) / 3_600_000) }
        let limit = seed % 2 == 1 ? 1 + rng.below(5) : nil
        let cap = 1 + rng.below(4)
        var schedule = VolunteerSchedule(model: model)
        schedule.reset(cap: cap, loadLimit: limit)
        for (i, s) in order.enumerated() { schedule.offer(Int32(s), cost: costs[i], units: hours[i]) }
        let value = schedule.solve()
        // Every subset: pairwise compatible, within the cap and within the load.
        var best = 0.0
        for mask in 1..<(1 << order.count) {
            let chosen = order.indices.filter { mask & (1 << $0) != 0 }
            guard chosen.count <= cap, chosen.reduce(0, { $0 + hours[$1] }) <= limit ?? Int.max else { continue }
            let clash = chosen.contains { i in chosen.contains { j in i < j && !model.compatible(order[i], order[j]) } }
            guard !clash else { continue }
            best = min(best, chosen.reduce(0) { $0 + costs[$1] } + Double(chosen.count * chosen.count) * schedule.fairness)
        }
        #expect(value == best, "seed \(seed)")
        let picked = schedule.best.map(Int.init)
        #expect(picked.reduce(0.0) { $0 + costs[order.firstIndex(of: $1)!] } + Double(picked.count * picked.count) == value)
        #expect(picked.reduce(0) { $0 + hours[order.firstIndex(of: $1)!] } <= limit ?? Int.max)
    }

    @Test func theScheduleBoundSeesTheLoadTheShiftCapCannot() {
        // v may work three hours: two shifts by count (one hour and two), but not the two
        // two-hour ones of priority 3. The flow bound and a schedule without load fill both
        // (unfilled 1000 for C + fairness 4); with the load the bound proves the optimum, A and
        // C worked and B (3000) open.
        let p = threeHourLoadProblem()
        let model = Model(p)
        let candidates = Candidates(model: model)
        #expect(LowerBound.exactFlow(model, candidates)?.bound == 1004)
        #expect(LagrangianBound(model: model, candidates: candidates).best(upperBound: 3004, deadline: .now + .seconds(60)) == 3004)
        #expect(BruteForce.optimum(p) == 3004)
    }

    @Test func loadUnitsAreCoarseEnoughAndNeverRoundALimitUp() {
        // Shifts of 60 and 90 minutes: a 30-minute unit. A 2,000-hour limit: 96 units at most.
        let p = problem(
            [vol("v", max: 240), vol("w", max: 120_000)],
            [shift("A", 9, 10), shift("B", 11, 12, endMinute: 30)])
        let model = Model(p)
        #expect(LagrangianBound.loadUnit(Model(problem([vol("v", max: 240)], p.shifts))) == 30 * 60_000)
        let unit = LagrangianBound.loadUnit(model)
        #expect(model.vMaxMillis.allSatisfy { $0 / unit <= 96 })
        #expect(unit >= 30 * 60_000)
    }

    @Test func theScheduleBoundSeesClashesTheFlowBoundCannot() {
        // One volunteer, two shifts 15 minutes apart in different communities (travel 30): only
        // one can be worked. The flow bound lets both be filled (away 5 + fairness 4 = 9); the
        // schedule bound proves the optimum, one unfilled position + fairness 1.
        let p = problem([vol("v")], [shift("s1", 9, 10), shift("s2", 10, 11, startMinute: 15, endMinute: 15, community: "c-2")])
        let model = Model(p)
        let candidates = Candidates(model: model)
        #expect(LowerBound.exactFlow(model, candidates)?.bound == 9)
        #expect(LagrangianBound(model: model, candidates: candidates).best(upperBound: 1001, deadline: .now + .seconds(60)) == 1001)
        #expect(BruteForce.optimum(p) == 1001)
    }

    @Test(arguments: 0..<40)
    func theLagrangianBoundNeverExceedsTheOptimum(seed: Int) {
        let p = TinyProblems.make(seed: UInt64(seed))
        let model = Model(p)
        let optimum = BruteForce.optimum(p)
        let bound = LagrangianBound(model: model, candidates: Candidates(model: model))
            .best(upperBound: optimum, deadline: .now + .seconds(60))
        #expect(bound <= optimum, "seed \(seed)")
        // Started also from prices read off the solver's roster (and, with no steps at all,
        // from those alone): still never above the optimum.
        let solved = try! Solver.solve(p, options: SolverOptions(timeLimit: .seconds(10), computeLowerBound: false))
        var roster = Array(repeating: [Int32](), count: model.volunteerCount)
        for a in solved.assignments { roster[model.volunteerIndex[a.volunteer]!].append(Int32(model.shiftIndex[a.shift]!)) }
        let lagrangian = LagrangianBound(model: model, candidates: Candidates(model: model))
        #expect(lagrangian.best(upperBound: optimum, deadline: .now + .seconds(60), roster: roster) <= optimum, "seed \(seed)")
        #expect(lagrangian.best(upperBound: optimum, deadline: .now + .seconds(60), maxIterations: 0, roster: roster) <= optimum, "seed \(seed)")
    }

    @Test func pricesReadOffTheRosterBoundItWithoutASingleStep() {
        // v (home) works A; w could, away. A is full, so it is priced at what w would gain from
        // it at w's next fairness marginal: 1000 − 5 − 1 = 994. At that price v still takes A
        // (−1000 + 994 + 1 = −5) and w does not (−995 + 994 + 1 = 0): the bound is
        // 1000 − 994 − 5 = 1, the optimum, before any subgradient step.
        let p = problem([vol("v"), vol("w", community: "c-2")], [shift("A", 9, 10)])
        let model = Model(p)
        var roster = Array(repeating: [Int32](), count: 2)
        roster[model.volunteerIndex["v"]!] = [Int32(model.shiftIndex["A"]!)]
        let lagrangian = LagrangianBound(model: model, candidates: Candidates(model: model))
        #expect(lagrangian.best(upperBound: 1, deadline: .now + .seconds(60), maxIterations: 0, roster: roster) == 1)
        #expect(BruteForce.optimum(p) == 1)
    }

    private func state(_ p: Problem, _ pairs: [(String, String)]) -> SearchState {
        let model = Model(p)
        var state = SearchState(model: model, candidates: Candidates(model: model))
        for (s, v) in pairs { state.add(model.volunteerIndex[v]!, model.shiftIndex[s]!) }
        return state
    }

    private func index(_ p: Problem, _ v: String) -> Int { p.volunteers.firstIndex { $0.id == v }! }
    private func shiftIndex(_ p: Problem, _ s: String) -> Int { p.shifts.firstIndex { $0.id == s }! }
}
