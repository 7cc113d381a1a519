/// Min-cost flow of any amount, on graphs with integer costs (negative allowed) and no
/// negative cycle before any flow moves — the bipartite assignment graphs of the solver.
///
/// Primal-dual: potentials start from one queue-based Bellman–Ford pass; then each phase
/// finds shortest distances on reduced costs with Dijkstra and pushes every path of that
/// length at once as a blocking flow (Dinic) on the arcs of zero reduced cost, until no path
/// has negative cost. Few distinct path costs means few phases. Arrays are reused between runs.
struct MinCostFlow {
    private var head: [Int32] = []
    private var to: [Int32] = []
    private var next: [Int32] = []
    private var cap: [Int32] = []
    private var cost: [Int] = []

    /// Empties the graph and makes `nodes` nodes, numbered from 0.
    mutating func reset(nodes: Int) {
        head = Array(repeating: -1, count: nodes)
        to.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        cap.removeAll(keepingCapacity: true)
        cost.removeAll(keepingCapacity: true)
    }

    /// Adds a node; returns its number.
    mutating func addNode() -> Int {
        head.append(-1)
        return head.count - 1
    }

    /// Adds an arc (and its residual twin); returns the arc's number for ``flow(on:)``.
    @discardableResult
    mutating func addArc(_ a: Int, _ b: Int, cost c: Int, capacity: Int) -> Int {
        let arc = to.count
        to.append(Int32(b)); cap.append(Int32(capacity)); cost.append(c); next.append(head[a]); head[a] = Int32(arc)
        to.append(Int32(a)); cap.append(0); cost.append(-c); next.append(head[b]); head[b] = Int32(arc + 1)
        return arc
    }

    /// Units of flow on `arc`.
    func flow(on arc: Int) -> Int { Int(cap[arc ^ 1]) }

    /// Pushes flow along negative-cost paths until none is left.
    /// - Parameter pathByPathBelow: graphs with fewer arcs are solved one path at a time: there
    ///   one Bellman–Ford per path is cheaper than the phases' Dijkstra and blocking flow
    ///   (measured on the time slices of M instances: about twice as fast).
    /// - Returns: the cost of the resulting minimum-cost flow (≤ 0).
    @discardableResult
    mutating func minimumCost(source: Int, sink: Int, pathByPathBelow: Int = 20_000) -> Int {
        if to.count < pathByPathBelow { return pathByPath(source, sink) }
        var potential = distances(from: source)
        var total = 0
        while true {
            let dist = shortestDistances(source, potential)
            guard dist[sink] != Int.max else { break }
            let pathCost = dist[sink] - potential[source] + potential[sink]
            guard pathCost < 0 else { break }
            for i in dist.indices where dist[i] != Int.max { potential[i] += dist[i] }
            let reached = dist.map { $0 != Int.max }
            let pushed = blockingFlow(source, sink, potential, reached)
            guard pushed > 0 else { break }
            total += pushed * pathCost
        }
        return total
    }

    /// Successive shortest paths, one unit each.
    private mutating func pathByPath(_ source: Int, _ sink: Int) -> Int {
        var total = 0
        while true {
            let (dist, via) = distancesAndArcs(from: source)
            guard dist[sink] < 0 else { return total }
            total += dist[sink]
            var x = sink
            while x != source {
                let arc = Int(via[x])
                cap[arc] -= 1
                cap[arc ^ 1] += 1
                x = Int(to[arc ^ 1])
            }
        }
    }

    private func distances(from source: Int) -> [Int] { distancesAndArcs(from: source).dist }

    /// Exact distances from `source` (Bellman–Ford with a queue) and the arc each node is
    /// reached by; unreachable nodes stay at `Int.max`.
    private func distancesAndArcs(from source: Int) -> (dist: [Int], via: [Int32]) {
        var dist = Array(repeating: Int.max, count: head.count)
        var via = Array(repeating: Int32(-1), count: head.count)
        var queued = Array(repeating: false, count: head.count)
        dist[source] = 0
        var queue = [source]
        var qi = 0
        while qi < queue.count {
            let x = queue[qi]
            qi += 1
            queued[x] = false
            var e = head[x]
            while e >= 0 {
                let arc = Int(e), y = Int(to[arc])
                if cap[arc] > 0, dist[x] + cost[arc] < dist[y] {
                    dist[y] = dist[x] + cost[arc]
                    via[y] = Int32(arc)
                    if !queued[y] { queued[y] = true; queue.append(y) }
                }
                e = next[arc]
            }
        }
        return (dist, via)
    }

    private func shortestDistances(_ source: Int, _ potential: [Int]) -> [Int] {
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
    private mutating func blockingFlow(_ source: Int, _ sink: Int, _ potential: [Int], _ reached: [Bool]) -> Int {
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
            while let path = augmentingPath(source, sink, &current, level, potential, reached) {
                for arc in path { cap[arc] -= 1; cap[arc ^ 1] += 1 }
                pushed += 1
            }
        }
    }

    /// One source→sink path along increasing levels, found iteratively with current-arc pointers.
    private func augmentingPath(
        _ source: Int, _ sink: Int, _ current: inout [Int32], _ level: [Int], _ potential: [Int], _ reached: [Bool]
    ) -> [Int]? {
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
}

/// A binary min-heap of (key, node).
struct MinHeap {
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
