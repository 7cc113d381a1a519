import RosterInstances
import Testing

@testable import RosterSolver

/// The exact neighbourhoods behind the search: min-cost flow, time slices, slice re-assignment,
/// the shift caps of the bounds, and the probe that lets a good warm start stand.
@Suite("Exact neighbourhoods")
struct NeighbourhoodTests {
    @Test(arguments: 0..<30)
    func minCostFlowMatchesExhaustiveAssignment(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let people = 2 + rng.below(4), places = 1 + rng.below(3)
        let room = (0..<places).map { _ in 1 + rng.below(2) }
        let cost = (0..<people).map { _ in (0..<places).map { _ in rng.below(3) == 0 ? nil : rng.below(21) - 15 } }
        // Exhaustive: each person takes one place or none.
        func best(_ p: Int, _ left: [Int]) -> Int {
            guard p < people else { return 0 }
            var value = best(p + 1, left)
            for q in 0..<places where left[q] > 0 {
                guard let c = cost[p][q] else { continue }
                var next = left
                next[q] -= 1
                value = min(value, c + best(p + 1, next))
            }
            return value
        }
        let expected = best(0, room)
        for limit in [Int.max, 0] {  // one path at a time, and by phases with blocking flows
            var flow = MinCostFlow()
            flow.reset(nodes: 2 + people + places)
            for p in 0..<people { flow.addArc(0, 2 + p, cost: 0, capacity: 1) }
            for q in 0..<places { flow.addArc(2 + people + q, 1, cost: 0, capacity: room[q]) }
            for p in 0..<people { for q in 0..<places { if let c = cost[p][q] { flow.addArc(2 + p, 2 + people + q, cost: c, capacity: 1) } } }
            #expect(flow.minimumCost(source: 0, sink: 1, pathByPathBelow: limit) == expected, "seed \(seed)")
        }
    }

    @Test func timeSlicesAreTheMaximalSetsOfShiftsSharingAnInstant() {
        let p = problem([vol("v1")], [shift("a", 9, 11), shift("b", 10, 12), shift("c", 11, 13), shift("d", 14, 15)])
        let slices = TimeSlices(model: Model(p))
        // 09:00 {a} lies inside 10:00 {a, b}; 11:00 is {b, c} (a has ended); 14:00 {d}.
        #expect(slices.slices == [[0, 1], [1, 2], [3]])
        #expect(slices.containing == [[0], [0, 1], [1], [2]])
    }

    @Test func aSliceIsReassignedExactly() {
        // v2 is away from c-1; v3 is at home but already works later that day.
        let p = problem(
            [vol("v1"), vol("v2", community: "c-2"), vol("v3")],
            [shift("s", 9, 10), shift("t", 9, 10), shift("later", 15, 16)])
        var state = self.state(p, [("s", "v2"), ("t", "v1"), ("later", "v3")])
        var reassignment = SliceReassignment()
        let slice = TimeSlices(model: state.model).slices[0]
        // v3 instead of v2 saves 5 away and costs fairness 3 (a second shift) instead of 1:
        // exactly −3. v1 keeps t (ties keep old pairs), v3 takes s, v2 leaves.
        #expect(reassignment.apply(slice, to: &state) == -3)
        #expect(Set(state.pairs) == Set([pair(p, "s", "v3"), pair(p, "t", "v1"), pair(p, "later", "v3")]))
        // Already optimal: nothing moves, and ties keep the pairs that are there.
        #expect(reassignment.apply(slice, to: &state) == 0)
        #expect(Set(state.pairs) == Set([pair(p, "s", "v3"), pair(p, "t", "v1"), pair(p, "later", "v3")]))
    }

    @Test func aSliceKeepsItsPinsAndFillsWhatIsOpen() {
        let p = problem(
            [vol("v1"), vol("v2"), vol("v3")], [shift("s", 9, 10, required: 2), shift("t", 9, 11)],
            pinned: [Pair(shift: "s", volunteer: "v1")])
        var state = self.state(p, [("s", "v1")])
        var reassignment = SliceReassignment()
        // Two open positions (s and t), two free volunteers: both filled, 2 × 1000 less unfilled,
        // plus fairness 1 each.
        #expect(reassignment.apply(TimeSlices(model: state.model).slices[0], to: &state) == -2 * 1000 + 2)
        #expect(state.contains(0, 0) && state.isFull(0) && state.isFull(1))
    }

    @Test(arguments: 0..<20)
    func shiftCapsAreTheMostShiftsThatFitSideBySideAndInTheLoad(seed: Int) {
        let p = TinyProblems.make(seed: UInt64(seed))
        let model = Model(p)
        let candidates = Candidates(model: model)
        let caps = LowerBound.shiftCaps(model, candidates)
        for v in 0..<model.volunteerCount {
            let mine = candidates.shifts[v].map(Int.init)
            var disjoint = 0, fit = 0
            for mask in 0..<(1 << mine.count) {
                let set = mine.indices.filter { mask & (1 << $0) != 0 }.map { mine[$0] }
                let apart = set.allSatisfy { a in set.allSatisfy { b in a == b || model.sEnd[a] <= model.sStart[b] || model.sEnd[b] <= model.sStart[a] } }
                if apart { disjoint = max(disjoint, set.count) }
                if set.reduce(Int64(0), { $0 + model.duration($1) }) <= model.vMaxMillis[v] { fit = max(fit, set.count) }
            }
            #expect(caps[v] == min(disjoint, fit), "seed \(seed), volunteer \(v)")
        }
    }

    @Test func aWarmStartTheProbeCannotImproveIsLeftAlone() throws {
        var p = InstanceGenerator(family: .ample, size: .s, seed: 2).make()
        let first = try Solver.solve(p, options: SolverOptions(timeLimit: .seconds(30), seed: 1))
        p.previous = first.assignments
        let model = Model(p)
        let candidates = Candidates(model: model)
        var warm = SearchState(model: model, candidates: candidates)
        Construction.warmStart(&warm)
        #expect(warm.cost == first.score.total)
        let limits = LocalSearch.Limits(
            maxIterations: 200_000, idleIterations: 200_000, deadline: .now + .seconds(60), probeIterations: 5_000)
        var search = LocalSearch(state: warm, seed: 1)
        search.run(limits)
        #expect(search.stoppedAfterProbe && search.iterations == 5_000 && search.state.cost == first.score.total)
        // From an empty roster the probe gains far more than a thousandth: the search goes on.
        var cold = LocalSearch(state: SearchState(model: model, candidates: candidates), seed: 1)
        cold.run(limits)
        #expect(!cold.stoppedAfterProbe && cold.iterations > 5_000)
    }

    private func state(_ p: Problem, _ pairs: [(String, String)]) -> SearchState {
        let model = Model(p)
        var state = SearchState(model: model, candidates: Candidates(model: model))
        for (s, v) in pairs { state.add(model.volunteerIndex[v]!, model.shiftIndex[s]!) }
        return state
    }

    private func pair(_ p: Problem, _ s: String, _ v: String) -> PairKey {
        PairKey(volunteer: Int32(p.volunteers.firstIndex { $0.id == v }!), shift: Int32(p.shifts.firstIndex { $0.id == s }!))
    }
}
