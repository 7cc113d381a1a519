/// One volunteer's best schedule at given prices: the subset of offered shifts, pairwise free
/// of overlap (with travel) and within the volunteer's load and shift cap, of least priced cost
/// plus fairness (k shifts cost fairness × k²): the Lagrangian subproblem of ``LagrangianBound``.
/// Shifts in start order that are pairwise compatible one after the next are compatible
/// throughout (with positive durations, a gap with travel only grows), so the best schedules of
/// each size are shortest paths by number of steps; with a load limit, the paths also count
/// load units.
struct VolunteerSchedule {
    let model: Model
    let fairness: Double
    private var cap = 0
    /// The load limit in units (nil: the load cannot bind and is not tracked).
    private var loadLimit: Int?
    /// Offered shifts in start order, their priced costs and their loads in units.
    private var offered: [Int32] = []
    private var costs: [Double] = []
    private var loads: [Int] = []
    private var value: [Double] = []
    private var from: [Int32] = []
    /// The shifts of the best schedule after ``solve()``.
    private(set) var best: [Int32] = []

    init(model: Model) {
        self.model = model
        fairness = Double(model.weights.fairness)
    }

    /// Starts a volunteer: at most `cap` shifts, and (when given) at most `loadLimit` load units.
    mutating func reset(cap: Int, loadLimit: Int? = nil) {
        self.cap = cap
        self.loadLimit = loadLimit
        offered.removeAll(keepingCapacity: true)
        costs.removeAll(keepingCapacity: true)
        loads.removeAll(keepingCapacity: true)
        best.removeAll(keepingCapacity: true)
    }

    /// Offers a shift of `units` load units; shifts must come in start order.
    mutating func offer(_ s: Int32, cost: Double, units: Int = 0) {
        offered.append(s)
        costs.append(cost)
        loads.append(units)
    }

    /// The least cost of any schedule (0: the empty one); fills ``best``.
    mutating func solve() -> Double {
        best.removeAll(keepingCapacity: true)
        let m = offered.count
        guard m > 0 else { return 0 }
        // Load only binds when the offered shifts together exceed it.
        if let limit = loadLimit, loads.reduce(0, +) > limit { return solveWithLoad(limit) }
        // value[k * m + i]: the least cost of k + 1 shifts ending with offered shift i.
        let layers = min(cap, m)
        value = Array(repeating: .infinity, count: layers * m)
        from = Array(repeating: -1, count: layers * m)
        for i in 0..<m { value[i] = costs[i] }
        for k in 1..<max(1, layers) {
            for i in k..<m {
                let s = Int(offered[i])
                var bestValue = Double.infinity, bestFrom = -1
                for j in (k - 1)..<i where value[(k - 1) * m + j] < bestValue && model.compatible(Int(offered[j]), s) {
                    bestValue = value[(k - 1) * m + j]
                    bestFrom = j
                }
                if bestFrom >= 0 {
                    value[k * m + i] = bestValue + costs[i]
                    from[k * m + i] = Int32(bestFrom)
                }
            }
        }
        var least = 0.0, end = -1
        for k in 0..<layers {
            let charge = fairness * Double((k + 1) * (k + 1))
            for i in 0..<m where value[k * m + i] + charge < least {
                least = value[k * m + i] + charge
                end = k * m + i
            }
        }
        while end >= 0 {
            let (k, i) = end.quotientAndRemainder(dividingBy: m)
            best.append(offered[i])
            end = k > 0 ? (k - 1) * m + Int(from[end]) : -1
        }
        return least
    }

    /// The same paths with one more dimension, the load used so far: state (k, i, l) is the
    /// least cost of k + 1 shifts ending with offered shift i and using l units.
    private mutating func solveWithLoad(_ limit: Int) -> Double {
        let m = offered.count
        let width = limit + 1
        let layers = min(cap, m)
        let size = layers * m * width
        value = Array(repeating: .infinity, count: size)
        from = Array(repeating: -1, count: size)
        func at(_ k: Int, _ i: Int, _ l: Int) -> Int { (k * m + i) * width + l }
        for i in 0..<m where loads[i] <= limit { value[at(0, i, loads[i])] = costs[i] }
        for k in 1..<max(1, layers) {
            for i in k..<m {
                let s = Int(offered[i])
                let d = loads[i]
                guard d <= limit else { continue }
                for j in (k - 1)..<i where model.compatible(Int(offered[j]), s) {
                    for l in 0...(limit - d) {
                        let v = value[at(k - 1, j, l)]
                        let target = at(k, i, l + d)
                        if v + costs[i] < value[target] {
                            value[target] = v + costs[i]
                            from[target] = Int32(j)
                        }
                    }
                }
            }
        }
        var least = 0.0, end = (k: -1, i: -1, l: -1)
        for k in 0..<layers {
            let charge = fairness * Double((k + 1) * (k + 1))
            for i in 0..<m {
                for l in 0..<width where value[at(k, i, l)] + charge < least {
                    least = value[at(k, i, l)] + charge
                    end = (k, i, l)
                }
            }
        }
        var (k, i, l) = end
        while k >= 0 {
            best.append(offered[i])
            let j = Int(from[at(k, i, l)])
            (k, i, l) = (k - 1, j, l - loads[i])
        }
        return least
    }
}
