/// A lower bound for large problems: the shift capacities are priced (Lagrange multipliers
/// λ_s ≥ 0) instead of enforced, so each volunteer independently takes the shifts whose
/// priced cost plus fairness marginal is negative, up to their shift cap. For *any* λ ≥ 0
/// the result is a valid bound; subgradient steps (Polyak, towards the roster's own total)
/// raise it while the time budget lasts. Its best value equals the flow relaxation's.
struct LagrangianBound {
    let model: Model
    let candidates: Candidates
    private let caps: [Int]
    private let pairCosts: [[Int]]  // per volunteer, aligned with candidates.shifts[v]

    init(model: Model, candidates: Candidates) {
        self.model = model
        self.candidates = candidates
        caps = LowerBound.shiftCaps(model, candidates)
        pairCosts = (0..<model.volunteerCount).map { v in candidates.shifts[v].map { model.pairCost(v, Int($0)) } }
    }

    /// The best bound found before `deadline`, given an upper bound (a feasible total) for step sizes.
    func best(upperBound: Int, deadline: ContinuousClock.Instant, maxIterations: Int = 300) -> Int {
        let shifts = model.shiftCount
        var lambda = initialPrices()
        var best = -Double.infinity
        var theta = 1.0
        var sinceImproved = 0
        let clock = ContinuousClock()
        // The first evaluation always runs, so there is always a bound.
        for iteration in 0..<maxIterations where iteration == 0 || clock.now < deadline {
            let (value, counts) = evaluate(lambda)
            if value > best + 1e-6 { best = value; sinceImproved = 0 } else { sinceImproved += 1 }
            if sinceImproved >= 5 { theta /= 2; sinceImproved = 0 }
            var norm = 0.0
            var gradient = Array(repeating: 0.0, count: shifts)
            for s in 0..<shifts {
                let g = Double(counts[s] - model.sRequired[s])
                // A multiplier at zero with slack cannot go lower: that direction is not part of the step.
                gradient[s] = lambda[s] <= 0 && g < 0 ? 0 : g
                norm += gradient[s] * gradient[s]
            }
            guard norm > 0, theta > 1e-4 else { break }
            let step = theta * max(1.0, Double(upperBound) - value) / norm
            for s in 0..<shifts { lambda[s] = max(0, lambda[s] + step * gradient[s]) }
        }
        // The optimum is an integer at least `best`; rounding down keeps the bound safe from float error.
        return Int((best - 1e-6).rounded(.down))
    }

    /// Start each shift's price just below its (required+1)-th best candidate's gain, so only
    /// about `required` volunteers find it attractive; the subgradient steps refine from there.
    private func initialPrices() -> [Double] {
        (0..<model.shiftCount).map { s in
            let gains = candidates.volunteers[s].map { model.pairCost(Int($0), s) + model.weights.fairness }.sorted()
            let r = model.sRequired[s]
            return gains.count > r ? max(0, Double(-gains[r])) : 0
        }
    }

    /// L(λ) and how many volunteers each shift would get.
    private func evaluate(_ lambda: [Double]) -> (Double, [Int]) {
        var value = Double(model.emptyScore)
        for s in 0..<model.shiftCount { value -= lambda[s] * Double(model.sRequired[s]) }
        var counts = Array(repeating: 0, count: model.shiftCount)
        let fairness = Double(model.weights.fairness)
        var priced: [(Double, Int32)] = []
        for v in 0..<model.volunteerCount where caps[v] > 0 {
            priced.removeAll(keepingCapacity: true)
            for (i, s) in candidates.shifts[v].enumerated() {
                let c = Double(pairCosts[v][i]) + lambda[Int(s)]
                if c + fairness < 0 { priced.append((c, s)) }
            }
            guard !priced.isEmpty else { continue }
            priced.sort { $0.0 < $1.0 }
            for (j, (c, s)) in priced.prefix(caps[v]).enumerated() {
                let marginal = c + fairness * Double(2 * j + 1)
                guard marginal < 0 else { break }
                value += marginal
                counts[Int(s)] += 1
            }
        }
        return (value, counts)
    }
}
