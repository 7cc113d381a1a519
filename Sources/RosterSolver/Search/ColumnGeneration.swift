import Dispatch

/// Column generation over volunteers' schedules (Dantzig–Wolfe): the master chooses, for each
/// volunteer, a convex combination of whole schedules (at most one in an integer roster), with
/// each shift's volunteers at most `required`; a new schedule is generated for any volunteer
/// whose best schedule at the master's prices (``VolunteerSchedule``, with overlap, travel and
/// load) costs less than their current combination.
///
/// Its relaxation is much tighter than the flow's or the pair LP's: every volunteer's overlap,
/// travel and load rules hold inside each column, so what is left fractional is only which
/// volunteer takes which position. On tight instances its optimum is often integral, and then it
/// is an optimal roster; in any case its prices give a Lagrangian bound. Started from the
/// search's roster (its schedules are the first columns and the first basis), so the roster it
/// returns is never worse than that.
struct ColumnGeneration {
    let model: Model
    let candidates: Candidates
    /// Prices each volunteer's best schedule (the Lagrangian bound's subproblem, with load).
    private let pricing: LagrangianBound
    /// Volunteers in the master (those who could work at all), and each one's set in it.
    private let members: [Int]
    private var setOf: [Int]
    /// Whether a schedule within the load in units is within it in time (else it is checked).
    private let exactUnits: Bool
    /// Up to this many rows (shifts plus volunteers) in the master: its working inverse (shifts²)
    /// stays within 18 MB, and pricing every volunteer each round stays cheap. Larger problems
    /// are left to the search alone.
    static let rowLimit = 1_500

    init?(model: Model, candidates: Candidates) {
        guard model.pinned.isEmpty else { return nil }
        let pricing = LagrangianBound(model: model, candidates: candidates)
        let members = (0..<model.volunteerCount).filter { pricing.caps[$0] > 0 }
        guard model.shiftCount + members.count <= Self.rowLimit else { return nil }
        self.model = model
        self.candidates = candidates
        self.pricing = pricing
        self.members = members
        setOf = Array(repeating: -1, count: model.volunteerCount)
        for (i, v) in members.enumerated() { setOf[v] = i }
        exactUnits = pricing.exactUnits
    }

    /// Whether column generation is worth its time after a first search round left a roster of
    /// `cost`: only where the flow bound lies more than 5% below it. That is where volunteers'
    /// overlaps and loads bind (the flow ignores them, whole-schedule columns do not) and where
    /// the search alone stops short (measured: M tight, 9% above its flow bound, converges in
    /// ~15 rounds to the proven optimum). Where the flow bound is close, the search is near the
    /// optimum already, and the master is so degenerate that generation tails off for seconds
    /// (M ample at 0.6%: 44 rounds without converging; M overlap at 2%: 1.8 s).
    static func isWorthTrying(cost: Int, flowBound: Int) -> Bool {
        (cost - flowBound) * 20 > abs(cost)
    }

    /// What a run found: a roster at least as good as the start, and a sound lower bound (nil if
    /// no pricing round completed).
    struct Outcome { var state: SearchState; var bound: Int?; var rounds: Int; var optimal: Bool }

    /// Generates columns from `start` until none prices out or `deadline` passes.
    func run(from start: SearchState, deadline: ContinuousClock.Instant) -> Outcome {
        let shifts = model.shiftCount
        var lp = MasterLP(rhs: model.sRequired.map(Double.init), sets: members.count)
        var owner: [Int] = []  // per column, its volunteer and shifts
        var schedules: [[Int32]] = []
        var seen = Set<[Int32]>()
        func add(_ v: Int, _ schedule: [Int32]) -> Int? {
            let sorted = schedule.sorted()
            guard !sorted.isEmpty, seen.insert(sorted + [Int32(-1 - v)]).inserted else { return nil }
            owner.append(v)
            schedules.append(sorted)
            return lp.addColumn(rows: sorted, set: setOf[v], cost: Double(cost(v, sorted)))
        }
        lp.force(members.compactMap { v in start.byVolunteer[v].isEmpty ? nil : add(v, start.byVolunteer[v]) })
        // Prices read off the roster (see ``LagrangianBound``) are a first guess at the master's:
        // each volunteer's best schedule at them starts the master nearer its optimum (measured
        // on M tight: half the pivots of starting from the roster's columns alone).
        let guess = pricing.rosterPrices(start.byVolunteer)
        for (i, schedule) in bestSchedules(at: guess).schedules.enumerated() where !schedule.isEmpty { _ = add(members[i], schedule) }
        var bestValue = -Double.infinity
        var rounds = 0
        var converged = false
        while ContinuousClock.now < deadline, lp.solve(deadline: deadline) == .optimal {
            let prices = (0..<shifts).map { max(0, -lp.duals[$0]) }
            let (value, best) = bestSchedules(at: prices)
            bestValue = max(bestValue, value)
            var added = 0
            for (i, schedule) in best.enumerated() where !schedule.isEmpty {
                let v = members[i]
                // Its reduced cost in the master: cost + Σ price − the volunteer's dual.
                let reduced = schedule.reduce(Double(cost(v, schedule))) { $0 + prices[Int($1)] } - lp.setDual(i)
                if reduced < -1e-6, add(v, schedule) != nil { added += 1 }
            }
            rounds += 1
            if added == 0 { converged = true; break }
        }
        let bound = bestValue.isFinite ? Int((bestValue - 1e-6).rounded(.up)) : nil
        var best = start
        if let rounded = roster(lp.solution, owner, schedules), rounded.cost < best.cost { best = rounded }
        return Outcome(state: best, bound: bound, rounds: rounds, optimal: converged && bound.map { $0 >= best.cost } == true)
    }

    /// A column's cost: its pairs plus fairness for its size.
    private func cost(_ v: Int, _ schedule: [Int32]) -> Int {
        schedule.reduce(0) { $0 + model.pairCost(v, Int($1)) } + model.weights.fairness * schedule.count * schedule.count
    }

    private func fitsLoad(_ v: Int, _ schedule: [Int32]) -> Bool {
        schedule.reduce(Int64(0)) { $0 + model.duration(Int($1)) } <= model.vMaxMillis[v]
    }

    /// Every member's best schedule at the prices (empty: none beats working nothing) and the
    /// Lagrangian value there, a sound lower bound. Volunteers are priced in two halves side by
    /// side; the result does not depend on the split.
    private func bestSchedules(at prices: [Double]) -> (value: Double, schedules: [[Int32]]) {
        let halves = ScheduleSlots(count: members.count)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var schedule = VolunteerSchedule(model: model)
            let range = half == 0 ? 0..<members.count / 2 : members.count / 2..<members.count
            for i in range {
                let v = members[i]
                let value = pricing.bestSchedule(v, at: prices, withLoad: true, &schedule)
                let fits = exactUnits || fitsLoad(v, schedule.best)
                halves.store(i, value: value, schedule: value < 0 && fits ? schedule.best : [])
            }
        }
        var value = Double(model.emptyScore)
        for s in 0..<model.shiftCount { value -= prices[s] * Double(model.sRequired[s]) }
        return (halves.values.reduce(value, +), halves.schedules)
    }

    /// The master's solution as a roster: columns by decreasing value, each taken whole where it
    /// still fits (all of them when the solution is integral), then open positions filled greedily.
    private func roster(_ x: [Double], _ owner: [Int], _ schedules: [[Int32]]) -> SearchState? {
        var state = SearchState(model: model, candidates: candidates)
        var columns = (0..<x.count).filter { x[$0] > 1e-6 }
        columns.sort { (-x[$0], $0) < (-x[$1], $1) }
        var taken = Array(repeating: false, count: model.volunteerCount)
        for j in columns where !taken[owner[j]] {
            let v = owner[j]
            let shifts = schedules[j]
            guard shifts.allSatisfy({ !state.isFull(Int($0)) }) else { continue }
            for s in shifts { state.add(v, Int(s)) }
            taken[v] = true
        }
        Construction.greedy(&state)
        return state
    }
}


/// Where the two halves of a pricing round leave their results (disjoint indices).
private final class ScheduleSlots: @unchecked Sendable {
    var values: [Double]
    var schedules: [[Int32]]

    init(count: Int) {
        values = Array(repeating: 0, count: count)
        schedules = Array(repeating: [], count: count)
    }

    func store(_ i: Int, value: Double, schedule: [Int32]) {
        values[i] = value
        schedules[i] = schedule
    }
}
