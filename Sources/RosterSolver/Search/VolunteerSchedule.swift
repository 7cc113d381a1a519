/// One volunteer's best schedule at given prices: the subset of offered shifts, pairwise free
/// of overlap (with travel) and within the volunteer's load and shift cap, of least priced cost
/// plus fairness (k shifts cost fairness × k²): the Lagrangian subproblem of ``LagrangianBound``.
/// Shifts in start order that are pairwise compatible one after the next are compatible
/// throughout (with positive durations, a gap with travel only grows), so the best schedules of
/// each size are shortest paths by number of steps.
struct VolunteerSchedule {
    let model: Model
    let fairness: Double
    private var cap = 0
    /// Offered shifts in start order, their priced costs, and suffix sums of those costs.
    private var offered: [Int32] = []
    private var costs: [Double] = []
    private var value: [Double] = []
    private var from: [Int32] = []
    /// The shifts of the best schedule after ``solve()``.
    private(set) var best: [Int32] = []

    init(model: Model) {
        self.model = model
        fairness = Double(model.weights.fairness)
    }

    mutating func reset(cap: Int) {
        self.cap = cap
        offered.removeAll(keepingCapacity: true)
        costs.removeAll(keepingCapacity: true)
        best.removeAll(keepingCapacity: true)
    }

    /// Offers a shift; shifts must come in start order.
    mutating func offer(_ s: Int32, cost: Double) {
        offered.append(s)
        costs.append(cost)
    }

    /// The least cost of any schedule (0: the empty one); fills ``best``. The load is checked
    /// only by the shift cap here: leaving it out can only lower the value, so a bound stays sound.
    mutating func solve() -> Double {
        best.removeAll(keepingCapacity: true)
        let m = offered.count
        guard m > 0 else { return 0 }
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
}
