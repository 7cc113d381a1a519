/// Sound lower bounds on the best total, from relaxations of the problem.
///
/// - The *flow* bound drops the overlap-with-travel and load rules but keeps, per
///   volunteer, a cap on how many shifts they could possibly work (no more than fit
///   side by side, nor than fit in `max_minutes`), and keeps fairness exactly (its
///   marginal costs 1, 3, 5, … are convex). It is a min-cost flow, solved by
///   successive shortest paths; used while the graph is small.
/// - The *Lagrangian* bound (``LagrangianBound``) prices the capacities instead: it reaches
///   about the flow bound's value in a time budget on large problems, and goes beyond it where
///   shifts clash (each volunteer's best schedule keeps overlap and travel); on small problems
///   it tops up the flow bound.
/// - The *per-shift* bound also drops the volunteer caps and charges fairness its
///   least marginal cost; it is linear time and used for large problems.
enum LowerBound {
    /// The best bound affordable by `deadline`: the larger of the Lagrangian bound and the flow
    /// bound (when the caller solved it; else the per-shift bound). `roster` (each volunteer's
    /// shifts in the best roster found) gives the Lagrangian a second start.
    static func compute(
        _ model: Model, _ candidates: Candidates, upperBound: Int, deadline: ContinuousClock.Instant, flow: Int? = nil,
        roster: [[Int32]]? = nil
    ) -> Int {
        // A roster at the flow bound is optimal: nothing can raise the bound further.
        if let flow, flow >= upperBound { return flow }
        let lagrangian = LagrangianBound(model: model, candidates: candidates).best(upperBound: upperBound, deadline: deadline, roster: roster)
        return max(flow ?? perShift(model, candidates), lagrangian)
    }

    /// Up to this many eligible pairs the exact flow bound takes well under a second.
    static let flowPairLimit = 400_000

    /// The flow relaxation solved exactly: its value as a bound, and its optimal pairs (a start
    /// for the search). `nil` when the problem has more than `pairLimit` eligible pairs.
    static func exactFlow(_ model: Model, _ candidates: Candidates, pairLimit: Int = flowPairLimit) -> (bound: Int, pairs: [PairKey])? {
        guard candidates.pairCount <= pairLimit else { return nil }
        var flow = FlowBound(model: model, candidates: candidates)
        let cost = flow.minimumCost()
        return (model.emptyScore + cost, flow.flowPairs())
    }

    static func perShift(_ model: Model, _ candidates: Candidates) -> Int {
        var total = model.emptyScore
        for s in 0..<model.shiftCount {
            let costs = candidates.volunteers[s].map { model.pairCost(Int($0), s) + model.weights.fairness }
                .filter { $0 < 0 }.sorted()
            total += costs.prefix(model.sRequired[s]).reduce(0, +)
        }
        return total
    }

    /// For every volunteer, the most shifts they could work: side by side (ignoring travel) and
    /// within their load. Shifts are ordered by end and by duration once for everyone; each
    /// volunteer then walks those orders over their own candidates.
    static func shiftCaps(_ model: Model, _ candidates: Candidates) -> [Int] {
        let n = model.shiftCount
        let byEnd = (0..<n).sorted { (model.sEnd[$0], $0) < (model.sEnd[$1], $1) }
        let byDuration = (0..<n).sorted { (model.duration($0), $0) < (model.duration($1), $1) }
        var owner = Array(repeating: -1, count: n)
        return (0..<model.volunteerCount).map { v in
            let mine = candidates.shifts[v]
            guard !mine.isEmpty else { return 0 }
            for s in mine { owner[Int(s)] = v }
            var count = 0
            var free = Int64.min
            for s in byEnd where owner[s] == v && model.sStart[s] >= free {
                count += 1
                free = model.sEnd[s]
            }
            var load: Int64 = 0
            var fit = 0
            for s in byDuration where owner[s] == v {
                load += model.duration(s)
                if load > model.vMaxMillis[v] { break }
                fit += 1
            }
            return min(count, fit)
        }
    }
}

/// The flow relaxation: source → volunteer (unit arcs of cost fairness×(2k−1), as many as the
/// volunteer's shift cap) → shift (pair cost) → sink (capacity `required`).
struct FlowBound {
    private var graph = MinCostFlow()
    private var pairArcs: [(arc: Int, pair: PairKey)] = []
    private let source: Int
    private let sink: Int

    init(model: Model, candidates: Candidates) {
        let n = model.volunteerCount + model.shiftCount + 2
        graph.reset(nodes: n)
        source = n - 2
        sink = n - 1
        let caps = LowerBound.shiftCaps(model, candidates)
        for v in 0..<model.volunteerCount where !candidates.shifts[v].isEmpty {
            let k = caps[v]
            for i in 0..<k { graph.addArc(source, v, cost: model.weights.fairness * (2 * i + 1), capacity: 1) }
            for s in candidates.shifts[v] {
                let arc = graph.addArc(v, model.volunteerCount + Int(s), cost: model.pairCost(v, Int(s)), capacity: 1)
                pairArcs.append((arc, PairKey(volunteer: Int32(v), shift: s)))
            }
        }
        for s in 0..<model.shiftCount { graph.addArc(model.volunteerCount + s, sink, cost: 0, capacity: model.sRequired[s]) }
    }

    /// The least total cost of any flow (always ≤ 0: the empty flow costs nothing).
    mutating func minimumCost() -> Int { graph.minimumCost(source: source, sink: sink) }

    /// The volunteer–shift pairs that carry flow: after ``minimumCost()``, an optimal roster of
    /// the relaxation (it may overlap or overload a volunteer; ``Construction/flowStart(_:_:)`` repairs that).
    func flowPairs() -> [PairKey] { pairArcs.filter { graph.flow(on: $0.arc) > 0 }.map(\.pair) }
}
