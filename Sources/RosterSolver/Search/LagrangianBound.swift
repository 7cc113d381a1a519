/// A lower bound from pricing the shift capacities (Lagrange multipliers λ_s ≥ 0) instead of
/// enforcing them. For *any* λ ≥ 0 the priced problem's optimum is a valid bound; subgradient
/// steps (Polyak, towards a known total) raise it while the budget lasts, in three phases:
///
/// 1. each volunteer takes the shifts whose priced cost plus fairness marginal is negative, up
///    to their shift cap: quick to evaluate, its best value equals the flow relaxation's;
/// 2. from the best prices of phase 1, each volunteer takes their best *schedule* (shifts that
///    do not overlap, with travel; ``VolunteerSchedule``): slower, but at the same prices never
///    lower, and much higher where volunteers' shifts clash;
/// 3. from the best prices so far, schedules that also keep within the volunteer's load
///    (counted in whole load units): slower again where the load binds, and higher there.
struct LagrangianBound {
    let model: Model
    let candidates: Candidates
    /// Each volunteer's shift cap (``LowerBound/shiftCaps(_:_:)``).
    let caps: [Int]
    private let pairCosts: [[Int]]  // per volunteer, aligned with candidates.shifts[v]
    /// Shift lengths and volunteers' load limits in whole load units (see ``loadUnit(_:)``).
    private let unit: Int64
    private let shiftUnits: [Int]
    private let loadLimits: [Int]

    init(model: Model, candidates: Candidates) {
        self.model = model
        self.candidates = candidates
        caps = LowerBound.shiftCaps(model, candidates)
        pairCosts = (0..<model.volunteerCount).map { v in candidates.shifts[v].map { model.pairCost(v, Int($0)) } }
        let unit = Self.loadUnit(model)
        self.unit = unit
        shiftUnits = (0..<model.shiftCount).map { Int(model.duration($0) / unit) }
        loadLimits = model.vMaxMillis.map { Int($0 / unit) }
    }

    /// The load unit: the largest that divides every shift's length, made coarser where that
    /// would give some volunteer more than 96 units (the schedule search grows with them).
    /// Lengths are rounded down to whole units and limits too; any schedule within its load
    /// stays within it in units (Σ⌊d/u⌋ ≤ ⌊Σd/u⌋), so the bound stays sound.
    static func loadUnit(_ model: Model) -> Int64 {
        func gcd(_ a: Int64, _ b: Int64) -> Int64 { b == 0 ? a : gcd(b, a % b) }
        let exact = max(1, (0..<model.shiftCount).reduce(Int64(0)) { gcd($0, model.duration($1)) })
        let most = model.vMaxMillis.max() ?? 0
        return max(exact, (most + 95) / 96)
    }

    /// The best bound found before `deadline`, given an upper bound (a feasible total) for step
    /// sizes and, when there is one, the roster of that total (each volunteer's shifts), whose
    /// prices are a second start.
    func best(upperBound: Int, deadline: ContinuousClock.Instant, maxIterations: Int = 300, roster: [[Int32]]? = nil) -> Int {
        let clock = ContinuousClock()
        let budget = deadline - clock.now
        // Prices read off the roster, when there is one, are a second start: on the largest
        // problems, where the budget allows only a few dozen steps, they are far better than
        // where the steps from the generic start get to; elsewhere those steps do better.
        var bestSoFar = (value: -Double.infinity, prices: [Double]())
        if let roster {
            let prices = rosterPrices(roster)
            bestSoFar = (evaluateByCaps(prices).value, prices)
        }
        // The quick phase gets most of the budget (its steps are cheap and many are needed);
        // each later phase starts from the best prices of the one before, and even one
        // evaluation there can only raise the bound (it solves a tighter subproblem). Schedules
        // get two thirds of what is left, schedules within the load the last third.
        var quick = Ascent(prices: initialPrices(), theta: 1, patience: 10)
        quick.run(upperBound: upperBound, deadline: clock.now.advanced(by: budget * 85 / 100), maxIterations: maxIterations) { evaluateByCaps($0) }
        if quick.best >= bestSoFar.value { bestSoFar = (quick.best, quick.bestPrices) }
        var schedules = Ascent(prices: bestSoFar.prices, theta: 0.25, patience: 10, mustEvaluate: false)
        let schedulesDeadline = clock.now.advanced(by: (deadline - clock.now) * 2 / 3)
        schedules.run(upperBound: upperBound, deadline: schedulesDeadline, maxIterations: maxIterations) {
            evaluateBySchedules($0, withLoad: false, deadline: schedulesDeadline)
        }
        var loaded = Ascent(prices: schedules.best > bestSoFar.value ? schedules.bestPrices : bestSoFar.prices, theta: 0.25, patience: 10, mustEvaluate: false)
        loaded.run(upperBound: upperBound, deadline: deadline, maxIterations: maxIterations) { evaluateBySchedules($0, withLoad: true, deadline: deadline) }
        let best = max(bestSoFar.value, schedules.best, loaded.best)
        // The optimum is an integer at least `best`, so at least its ceiling; the small margin
        // keeps float error from rounding a value like 1000.0000001 up to 1001.
        return Int((best - 1e-6).rounded(.up))
    }

    /// Projected subgradient ascent with Polyak steps; θ halves after `patience` steps without gain.
    private struct Ascent {
        var prices: [Double]
        var theta: Double
        let patience: Int
        private(set) var best = -Double.infinity
        private(set) var bestPrices: [Double] = []

        /// Whether the first evaluation runs even after the deadline (so that there is a bound).
        let mustEvaluate: Bool

        init(prices: [Double], theta: Double, patience: Int, mustEvaluate: Bool = true) {
            self.prices = prices
            self.theta = theta
            self.patience = patience
            self.mustEvaluate = mustEvaluate
        }

        mutating func run(
            upperBound: Int, deadline: ContinuousClock.Instant, maxIterations: Int,
            evaluate: ([Double]) -> (value: Double, excess: [Int])?
        ) {
            let clock = ContinuousClock()
            var sinceImproved = 0
            for iteration in 0..<maxIterations where (iteration == 0 && mustEvaluate) || clock.now < deadline {
                // An evaluation cut short by the deadline gives nothing.
                guard let (value, excess) = evaluate(prices) else { break }
                if value > best + 1e-6 {
                    (best, bestPrices, sinceImproved) = (value, prices, 0)
                } else {
                    sinceImproved += 1
                }
                if sinceImproved >= patience { theta /= 2; sinceImproved = 0 }
                var norm = 0.0
                var gradient = excess.map(Double.init)
                for s in gradient.indices {
                    // A price at zero with slack cannot go lower: that direction is not part of the step.
                    if prices[s] <= 0 && gradient[s] < 0 { gradient[s] = 0 }
                    norm += gradient[s] * gradient[s]
                }
                guard norm > 0, theta > 1e-4 else { break }
                let step = theta * max(1.0, Double(upperBound) - value) / norm
                for s in prices.indices { prices[s] = max(0, prices[s] + step * gradient[s]) }
            }
        }
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

    /// Prices read off a good roster (complementary slackness, roughly): a full shift is priced
    /// so that no volunteer off it would take it at their next fairness marginal; a shift with
    /// open positions is free.
    func rosterPrices(_ roster: [[Int32]]) -> [Double] {
        let fairness = model.weights.fairness
        var on = Array(repeating: [Int32](), count: model.shiftCount)
        for (v, shifts) in roster.enumerated() { for s in shifts { on[Int(s)].append(Int32(v)) } }
        return (0..<model.shiftCount).map { s in
            guard on[s].count >= model.sRequired[s] else { return 0 }
            var price = 0
            for u in candidates.volunteers[s] where !on[s].contains(u) {
                price = max(price, -model.pairCost(Int(u), s) - fairness * (2 * roster[Int(u)].count + 1))
            }
            return Double(price)
        }
    }

    /// The priced problem with each volunteer capped in number of shifts only: its value, and
    /// each shift's volunteers beyond `required`.
    private func evaluateByCaps(_ lambda: [Double]) -> (value: Double, excess: [Int]) {
        var (value, excess) = priced(lambda)
        let fairness = Double(model.weights.fairness)
        var offered: [(Double, Int32)] = []
        for v in 0..<model.volunteerCount where caps[v] > 0 {
            offered.removeAll(keepingCapacity: true)
            for (i, s) in candidates.shifts[v].enumerated() {
                let c = Double(pairCosts[v][i]) + lambda[Int(s)]
                if c + fairness < 0 { offered.append((c, s)) }
            }
            guard !offered.isEmpty else { continue }
            offered.sort { $0.0 < $1.0 }
            for (j, (c, s)) in offered.prefix(caps[v]).enumerated() {
                let marginal = c + fairness * Double(2 * j + 1)
                guard marginal < 0 else { break }
                value += marginal
                excess[Int(s)] += 1
            }
        }
        return (value, excess)
    }

    /// The priced problem with each volunteer taking their best schedule; nil if `deadline` passes first.
    private func evaluateBySchedules(_ lambda: [Double], withLoad: Bool, deadline: ContinuousClock.Instant) -> (value: Double, excess: [Int])? {
        var (value, excess) = priced(lambda)
        var schedule = VolunteerSchedule(model: model)
        for v in 0..<model.volunteerCount where caps[v] > 0 {
            if v & 255 == 0, ContinuousClock.now >= deadline { return nil }
            value += bestSchedule(v, at: lambda, withLoad: withLoad, &schedule)
            for s in schedule.best { excess[Int(s)] += 1 }
        }
        return (value, excess)
    }

    /// Volunteer `v`'s best schedule at prices `lambda` (left in `schedule.best`) and its priced
    /// cost (0: none beats working nothing): the subproblem of the bound, and the pricing step
    /// of ``ColumnGeneration``. With `withLoad`, the schedule keeps within the load in whole
    /// load units (exact where ``exactUnits``; otherwise it may exceed the load in time).
    func bestSchedule(_ v: Int, at lambda: [Double], withLoad: Bool, _ schedule: inout VolunteerSchedule) -> Double {
        var offered: [(start: Int64, shift: Int32, cost: Double)] = []
        for (i, s) in candidates.shifts[v].enumerated() {
            let c = Double(pairCosts[v][i]) + lambda[Int(s)]
            // A shift that does not pay even the first fairness marginal is never worth taking.
            if c + schedule.fairness < 0 { offered.append((model.sStart[Int(s)], s, c)) }
        }
        offered.sort { ($0.start, $0.shift) < ($1.start, $1.shift) }
        schedule.reset(cap: caps[v], loadLimit: withLoad ? loadLimits[v] : nil)
        for o in offered { schedule.offer(o.shift, cost: o.cost, units: shiftUnits[Int(o.shift)]) }
        return schedule.solve()
    }

    /// Whether every shift's length is a whole number of load units, so that a schedule within
    /// the load in units is within it in time.
    var exactUnits: Bool { (0..<model.shiftCount).allSatisfy { model.duration($0) % unit == 0 } }

    /// The constant part of L(λ), and every shift's excess starting at −required.
    private func priced(_ lambda: [Double]) -> (Double, [Int]) {
        var value = Double(model.emptyScore)
        for s in 0..<model.shiftCount { value -= lambda[s] * Double(model.sRequired[s]) }
        return (value, model.sRequired.map { -$0 })
    }
}
