/// Exhaustive search for improving ejection chains, by shortest paths in an improvement graph.
///
/// A chain moves several volunteers at once: one takes a shift from a second, who takes a
/// shift from a third, and so on; the last drops out, fills an open position, or fills a hole
/// the chain left behind. Only the ends change their number of shifts, so a chain can pass
/// fairness from a busy volunteer to an idle one across several time slices, which neither a
/// single move nor a slice re-assignment can do.
///
/// A node of the graph is an assignment (w, t) whose volunteer has just been pushed out; an
/// arc (w, t) → (w', t') says w takes t' from w'. An arc may also make w leave the one other
/// shift that clashes with t' (a *blocker*), which leaves a hole; a chain may also begin with
/// a hole (its first volunteer just leaves). Holes, at most ``maxHoles``, are filled at the
/// end by the last volunteer, by a volunteer on the chain who still has room, or by anyone
/// else who fits. Each assignment is pushed out at most once; a volunteer may come back (be
/// pushed out of another shift and take another), and is then checked against the schedule
/// the path has left them rather than the roster (see ``Trace``). Labels are kept per depth,
/// per number of holes, and per node (Bellman–Ford by layers): the best path to each, so deep
/// chains are found where the best prefix leads to them, not always.
struct EjectionChains {
    /// The longest chain, in pushed-out volunteers.
    var depth = 12
    /// Chains longer than this are searched only when no shorter one improves (they are rarely
    /// needed, and each layer costs as much as the first).
    var shallowDepth = 6
    /// Whether a volunteer may come back on a chain (see ``Trace``); off, each appears once.
    var allowsRevisits = true
    static let maxHoles = 2

    // The graph of one pass (compressed rows), built by `build`.
    var nodeVolunteer: [Int32] = []
    var nodeShift: [Int32] = []
    var arcStart: [Int32] = []
    var arcTarget: [Int32] = []
    var arcCost: [Int32] = []
    /// The shift the arc's volunteer leaves besides their own (-1: none).
    var arcBlocker: [Int32] = []
    /// Per shift, the cheapest volunteers who could take it as things are (cost, volunteer).
    var takers: [[(cost: Int, volunteer: Int32)]] = []
    /// Per shift, what filling a hole there is expected to cost: its cheapest taker, or nothing.
    var holeEstimate: [Int] = []
    /// Per node, the cheapest open position its volunteer could move to instead.
    var openMove: [(cost: Int, shift: Int32)] = []

    // Labels: per layer, per (holes × nodes + node): cost, predecessor label and arc.
    var cost: [[Int]] = []
    var predecessor: [[Int32]] = []
    var via: [[Int32]] = []
    /// The path of the label being looked at, root first (reused, to avoid allocations).
    var path: [(label: Int, arc: Int)] = []
    /// What ``trace(_:_:_:)`` found on the path of the label being extended (reused).
    var traced = Trace()
    /// The volunteers on that path other than the last (reused).
    var members: [Member] = []

    /// The pairs a chain takes off and puts on, and the score change it was predicted to make.
    struct Chain: Equatable { var removed: [PairKey] = []; var added: [PairKey] = []; var gain = 0 }

    /// Applies improving chains, best first, until none is left or `deadline` passes.
    /// - Returns: the number of chains applied.
    @discardableResult
    mutating func improve(_ state: inout SearchState, deadline: ContinuousClock.Instant) -> Int {
        var applied = 0
        while ContinuousClock.now < deadline, let chain = bestChain(state, deadline: deadline), Self.apply(chain, to: &state) {
            applied += 1
        }
        return applied
    }

    /// The most improving chain of at most ``depth`` steps, if any improves (nil too when
    /// `deadline` passes first: on large rosters one pass takes a while).
    mutating func bestChain(_ state: SearchState, deadline: ContinuousClock.Instant = .now + .seconds(3600)) -> Chain? {
        guard build(state, deadline: deadline) else { return nil }
        let n = nodeVolunteer.count
        guard n > 0 else { return nil }
        let labels = (Self.maxHoles + 1) * n
        if cost.count != depth {
            cost = Array(repeating: [], count: depth)
            predecessor = cost.map { _ in [] }
            via = predecessor
        }
        var best = Chain()
        // One who comes back on the chain saves at most 2 × fairness more by dropping out.
        let slack = 2 * state.model.weights.fairness
        for layer in 0..<depth {
            if layer == shallowDepth, best.gain < 0 { break }
            cost[layer] = Array(repeating: Int.max, count: labels)
            predecessor[layer] = Array(repeating: -1, count: labels)
            via[layer] = Array(repeating: -1, count: labels)
            guard ContinuousClock.now < deadline else { return nil }
            if layer == 0 { seed(state, n) } else { relax(state, layer, n) }
            for label in 0..<labels where cost[layer][label] < Int.max {
                let base = cost[layer][label]
                // A cheap test first, before tracing the path.
                if label < n, base + min(dropCost(state, label) - slack, openMove[label].cost) >= best.gain { continue }
                trace(layer, label, n)
                // A volunteer who comes back at the end can only drop out (their schedule is no
                // longer the roster's, which the other ends are priced on).
                let drop = traced.takerSeen ? tracedDropCost(state) : dropCost(state, label % n)
                let move = traced.takerSeen ? Int.max : openMove[label % n].cost
                if label < n {
                    // No holes: the last volunteer drops out or moves to an open position.
                    guard base + min(drop, move) < best.gain else { continue }
                    walk(layer, label)
                    best = chain(n: n, end: move < drop ? openMove[label].shift : -1, closures: [], gain: base + min(drop, move))
                } else {
                    walk(layer, label)
                    if let chain = bestEnd(state, n: n, base: base, drop: drop, bestGain: best.gain) { best = chain }
                }
            }
        }
        return best.gain < 0 ? best : nil
    }

    /// Layer 0: a volunteer pushed out by the cheapest taker of their shift, or just leaving it.
    private mutating func seed(_ state: SearchState, _ n: Int) {
        for i in 0..<n {
            let t = Int(nodeShift[i])
            let leaving = -state.model.pairCost(Int(nodeVolunteer[i]), t)
            if let first = takers[t].first { cost[0][i] = first.cost + leaving }
            // A hole is priced as filled by the cheapest volunteer free to take it (the exact
            // filling is settled at the end), so labels with different holes compare fairly.
            cost[0][n + i] = leaving + holeEstimate[t]
        }
    }

    /// One layer of relaxation: labels of `layer - 1` extended by one arc. A volunteer may come
    /// back on the path (take another shift after being pushed out again) when the step still
    /// fits their schedule as the path has changed it; see ``trace(_:_:_:)``.
    private mutating func relax(_ state: SearchState, _ layer: Int, _ n: Int) {
        for label in 0..<((Self.maxHoles + 1) * n) {
            let base = cost[layer - 1][label]
            guard base < Int.max else { continue }
            let i = label % n
            let holes = label / n
            var isTraced = false
            for a in Int(arcStart[i])..<Int(arcStart[i + 1]) {
                let kind = holes + (arcBlocker[a] >= 0 ? 1 : 0)
                guard kind <= Self.maxHoles else { continue }
                let target = kind * n + Int(arcTarget[a])
                let c = base + Int(arcCost[a])
                guard c < cost[layer][target] else { continue }
                if !isTraced { trace(layer - 1, label, n); isTraced = true }
                guard admits(state, a) else { continue }
                cost[layer][target] = c
                predecessor[layer][target] = Int32(label)
                via[layer][target] = Int32(a)
            }
        }
    }

    /// Fills ``path`` with the labels (and arcs into them) from the root to `label`.
    private mutating func walk(_ layer: Int, _ label: Int) {
        path.removeAll(keepingCapacity: true)
        var (l, x) = (layer, label)
        while true {
            path.append((x, Int(via[l][x])))
            if l == 0 { break }
            x = Int(predecessor[l][x])
            l -= 1
        }
        path.reverse()
    }

    /// Applies `chain` if every step still fits and the roster improves; otherwise leaves the
    /// roster as it was.
    static func apply(_ chain: Chain, to state: inout SearchState) -> Bool {
        let before = state.cost
        for p in chain.removed { state.remove(Int(p.volunteer), Int(p.shift)) }
        var done = 0
        for p in chain.added {
            guard state.canAdd(Int(p.volunteer), Int(p.shift)) else { break }
            state.add(Int(p.volunteer), Int(p.shift))
            done += 1
        }
        if done == chain.added.count, state.cost < before {
            assert(state.cost == before + chain.gain, "an ejection chain's predicted gain was wrong")
            return true
        }
        for p in chain.added.prefix(done).reversed() { state.remove(Int(p.volunteer), Int(p.shift)) }
        for p in chain.removed.reversed() { state.add(Int(p.volunteer), Int(p.shift)) }
        return false
    }
}
