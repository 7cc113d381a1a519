/// Sound lower bounds on the best total, from relaxations of the problem.
///
/// - The *flow* bound drops the overlap-with-travel and load rules but keeps, per
///   volunteer, a cap on how many shifts they could possibly work (no more than fit
///   side by side, nor than fit in `max_minutes`), and keeps fairness exactly (its
///   marginal costs 1, 3, 5, … are convex). It is a min-cost flow, solved by
///   successive shortest paths; used while the graph is small.
/// - The *Lagrangian* bound (``LagrangianBound``) reaches the flow bound's value approximately,
///   in a time budget, for large problems.
/// - The *per-shift* bound also drops the volunteer caps and charges fairness its
///   least marginal cost; it is linear time and used for large problems.
enum LowerBound {
    /// The best bound affordable: the exact flow bound on small problems, else the larger of the
    /// per-shift bound and a Lagrangian bound computed until `deadline`.
    static func compute(
        _ model: Model, _ candidates: Candidates, upperBound: Int, deadline: ContinuousClock.Instant,
        flowPairLimit: Int = 400_000
    ) -> Int {
        if candidates.pairCount <= flowPairLimit {
            var flow = FlowBound(model: model, candidates: candidates)
            return model.emptyScore + flow.minimumCost()
        }
        let lagrangian = LagrangianBound(model: model, candidates: candidates).best(upperBound: upperBound, deadline: deadline)
        return max(perShift(model, candidates), lagrangian)
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

    /// The most shifts volunteer `v` could work: side by side (ignoring travel) and within their load.
    static func shiftCap(_ model: Model, _ v: Int, _ shifts: [Int32]) -> Int {
        var byEnd = shifts.map(Int.init).sorted { model.sEnd[$0] < model.sEnd[$1] }
        var count = 0
        var free = Int64.min
        for s in byEnd where model.sStart[s] >= free {
            count += 1
            free = model.sEnd[s]
        }
        byEnd.sort { model.duration($0) < model.duration($1) }
        var load: Int64 = 0
        var fit = 0
        for s in byEnd {
            load += model.duration(s)
            if load > model.vMaxMillis[v] { break }
            fit += 1
        }
        return min(count, fit)
    }
}

/// Min-cost flow: source → volunteer (unit arcs of cost fairness×(2k−1)) → shift
/// (pair cost) → sink (capacity `required`). Stops when no path has negative cost.
struct FlowBound {
    private var to: [Int32] = []
    private var cap: [Int32] = []
    private var cost: [Int] = []
    private var head: [Int32]
    private var next: [Int32] = []
    private let source: Int
    private let sink: Int
    private let model: Model

    init(model: Model, candidates: Candidates) {
        self.model = model
        let n = model.volunteerCount + model.shiftCount + 2
        head = Array(repeating: -1, count: n)
        source = n - 2
        sink = n - 1
        let shiftNode = { (s: Int) in model.volunteerCount + s }
        for v in 0..<model.volunteerCount where !candidates.shifts[v].isEmpty {
            let k = LowerBound.shiftCap(model, v, candidates.shifts[v])
            for i in 0..<k { addArc(source, v, cost: model.weights.fairness * (2 * i + 1)) }
            for s in candidates.shifts[v] { addArc(v, shiftNode(Int(s)), cost: model.pairCost(v, Int(s))) }
        }
        for s in 0..<model.shiftCount { addArc(shiftNode(s), sink, cost: 0, capacity: model.sRequired[s]) }
    }

    private mutating func addArc(_ a: Int, _ b: Int, cost c: Int, capacity: Int = 1) {
        for (x, y, w, k) in [(a, b, c, capacity), (b, a, -c, 0)] {
            to.append(Int32(y)); cap.append(Int32(k)); cost.append(w)
            next.append(head[x]); head[x] = Int32(to.count - 1)
        }
    }

    /// The least total cost of any flow (always ≤ 0: the empty flow costs nothing).
    ///
    /// Primal-dual: a Dijkstra on reduced costs finds the current shortest path length, then
    /// a blocking flow (Dinic) pushes every path of that length at once, until no path has
    /// negative cost.
    mutating func minimumCost() -> Int {
        var potential = initialPotentials()
        var total = 0
        while true {
            let dist = shortestDistances(potential)
            guard dist[sink] != Int.max else { break }
            let pathCost = dist[sink] - potential[source] + potential[sink]
            guard pathCost < 0 else { break }
            for i in dist.indices where dist[i] != Int.max { potential[i] += dist[i] }
            var reached = dist.map { $0 != Int.max }
            let pushed = blockingFlow(potential, &reached)
            guard pushed > 0 else { break }
            total += pushed * pathCost
        }
        return total
    }

    private func shortestDistances(_ potential: [Int]) -> [Int] {
        var dist = Array(repeating: Int.max, count: head.count)
        dist[source] = 0
        var heap = MinHeap()
        heap.push(0, source)
        while let (d, x) = heap.pop() {
            guard d == dist[x] else { continue }
            var e = head[x]
            while e >= 0 {
                let arc = Int(e)
                let y = Int(to[arc])
                if cap[arc] > 0, potential[y] != Int.max {
                    let nd = d + cost[arc] + potential[x] - potential[y]
                    if nd < dist[y] { dist[y] = nd; heap.push(nd, y) }
                }
                e = next[arc]
            }
        }
        return dist
    }

    private func admissible(_ arc: Int, from x: Int, _ potential: [Int], _ reached: [Bool]) -> Bool {
        let y = Int(to[arc])
        return cap[arc] > 0 && reached[y] && cost[arc] + potential[x] - potential[y] == 0
    }

    /// Dinic on the arcs of zero reduced cost; returns the units pushed (each path carries one).
    private mutating func blockingFlow(_ potential: [Int], _ reached: inout [Bool]) -> Int {
        var pushed = 0
        let n = head.count
        while true {
            var level = Array(repeating: -1, count: n)
            level[source] = 0
            var queue = [source]
            var qi = 0
            while qi < queue.count {
                let x = queue[qi]; qi += 1
                var e = head[x]
                while e >= 0 {
                    let arc = Int(e), y = Int(to[arc])
                    if level[y] < 0, admissible(arc, from: x, potential, reached) { level[y] = level[x] + 1; queue.append(y) }
                    e = next[arc]
                }
            }
            guard level[sink] >= 0 else { return pushed }
            var current = head
            while let path = augmentingPath(&current, level, potential, reached) {
                for arc in path { cap[arc] -= 1; cap[arc ^ 1] += 1 }
                pushed += 1
            }
        }
    }

    /// One source→sink path along increasing levels, found iteratively with current-arc pointers.
    private func augmentingPath(_ current: inout [Int32], _ level: [Int], _ potential: [Int], _ reached: [Bool]) -> [Int]? {
        var path: [Int] = []
        var x = source
        while x != sink {
            var advanced = false
            while current[x] >= 0 {
                let arc = Int(current[x]), y = Int(to[arc])
                if level[y] == level[x] + 1, admissible(arc, from: x, potential, reached) {
                    path.append(arc)
                    x = y
                    advanced = true
                    break
                }
                current[x] = next[arc]
            }
            if !advanced {
                guard let last = path.popLast() else { return nil }
                let from = Int(to[last ^ 1])
                current[from] = next[last]  // this arc leads nowhere now
                x = from
            }
        }
        return path
    }

    // The graph is a DAG before any flow moves, so exact distances come in topological order.
    private func initialPotentials() -> [Int] {
        var p = Array(repeating: Int.max, count: head.count)
        p[source] = 0
        let order = [source] + Array(0..<model.volunteerCount) + (0..<model.shiftCount).map { model.volunteerCount + $0 } + [sink]
        for x in order where p[x] != Int.max {
            var e = head[x]
            while e >= 0 {
                let arc = Int(e)
                if cap[arc] > 0 { p[Int(to[arc])] = min(p[Int(to[arc])], p[x] + cost[arc]) }
                e = next[arc]
            }
        }
        return p
    }
}

/// A binary min-heap of (key, node).
private struct MinHeap {
    private var items: [(Int, Int)] = []

    mutating func push(_ key: Int, _ node: Int) {
        items.append((key, node))
        var i = items.count - 1
        while i > 0, items[(i - 1) / 2].0 > items[i].0 { items.swapAt(i, (i - 1) / 2); i = (i - 1) / 2 }
    }

    mutating func pop() -> (Int, Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count, items[l].0 < items[m].0 { m = l }
                if r < items.count, items[r].0 < items[m].0 { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
