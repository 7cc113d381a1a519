import Dispatch

/// Settings of one solve.
public struct SolverOptions: Sendable {
    /// Wall-clock budget; the search stops by itself well before it on small problems.
    public var timeLimit: Duration
    /// Seed of the random choices; the same seed gives the same roster unless the time limit is hit.
    public var seed: UInt64
    /// Independent searches run side by side (different seeds); the best one wins.
    public var threads: Int
    /// Whether to compute `lower_bound`.
    public var computeLowerBound: Bool
    /// Called from the solver's threads as it goes (see ``SolverProgress``); it must be quick.
    public var progress: (@Sendable (SolverProgress) -> Void)?

    public init(timeLimit: Duration = .seconds(60), seed: UInt64 = 0, threads: Int = 2, computeLowerBound: Bool = true,
                progress: (@Sendable (SolverProgress) -> Void)? = nil) {
        self.timeLimit = timeLimit
        self.seed = seed
        self.threads = max(1, threads)
        self.computeLowerBound = computeLowerBound
        self.progress = progress
    }
}

/// Solves roster problems: pins, warm start from `previous`, greedy fill, then local search.
public enum Solver {
    /// Solves a validated problem.
    /// - Returns: a roster that satisfies every hard rule, with its exact score.
    /// - Throws: ``ProblemError`` with code `infeasiblePins` when pinned pairs alone break a rule.
    public static func solve(_ problem: Problem, options: SolverOptions = SolverOptions()) throws(ProblemError) -> Roster {
        let clock = ContinuousClock()
        let started = clock.now
        let report: @Sendable (SolverProgress.Phase, Int?, Int?) -> Void = { phase, best, bound in
            options.progress?(SolverProgress(phase: phase, elapsed: clock.now - started, budget: options.timeLimit, best: best, bound: bound))
        }
        report(.constructing, nil, nil)
        let model = Model(problem)
        let candidates = Candidates(model: model)
        var pinned = SearchState(model: model, candidates: candidates)
        try Construction.pin(&pinned)
        // Up to M size the relaxation is solved exactly: its value is the bound, its pairs a start.
        let flow = LowerBound.exactFlow(model, candidates)
        let slices = TimeSlices(model: model)
        let starts = startingRosters(pinned, flow: flow?.pairs, slices: slices)
        let greedyCost = starts[0].cost
        let constructed = clock.now
        let flowBound = flow?.bound
        report(.searching, greedyCost, flowBound)

        // The search leaves the end of the time limit to the lower bound, and some to spare.
        let searchDeadline = started.advanced(by: options.timeLimit * (options.computeLowerBound && flow == nil ? 85 : 95) / 100)
        // Where whole schedules can be priced (see ``ColumnGeneration``) and the flow bound is
        // far below the first round's roster, the search hands over after that round.
        let generation = flow.flatMap { _ in ColumnGeneration(model: model, candidates: candidates) }
        var limits = searchLimits(model, candidates, deadline: searchDeadline, bound: flow?.bound)
        if generation != nil, let bound = flow?.bound { limits.handOff = { ColumnGeneration.isWorthTrying(cost: $0, flowBound: bound) } }
        let searchLimits = limits
        let results = ResultSlots(count: options.threads)
        DispatchQueue.concurrentPerform(iterations: options.threads) { i in
            let (state, work) = search(from: starts[i % starts.count], seed: options.seed &* 0x9E37_79B9 &+ UInt64(i), slices, searchLimits) {
                report(.searching, $0, flowBound)
            }
            results.store(i, state, iterations: work)
        }
        // Best cost wins; ties go to the lowest thread so the choice is deterministic.
        var best = results.all.min { ($0.state.cost, $0.rank) < ($1.state.cost, $1.rank) }!
        var generated: ColumnGeneration.Outcome?
        if let generation, let handOff = limits.handOff, handOff(best.state.cost) {
            let outcome = generation.run(from: best.state, deadline: searchDeadline)
            best.state = outcome.state
            // A master whose optimum was not a roster leaves a rounded one: the search's last
            // stage (slice sweeps and ejection chains) finishes it.
            if !outcome.optimal {
                var sweeper = SliceSweeper(slices: slices)
                var chains = EjectionChains()
                _ = polish(&best.state, &sweeper, &chains, limits)
            }
            generated = outcome
        }
        let searched = clock.now
        report(.bounding, best.state.cost, flow?.bound)
        // The bound gets at most a tenth of the time limit, and no longer than the search itself
        // took (a quick re-plan stays quick); at least 50 ms. With the flow bound already known,
        // the Lagrangian only tops it up, in 30 ms.
        let boundBudget = flow != nil ? .milliseconds(30) : max(.milliseconds(50), min(options.timeLimit / 10, searched - constructed))
        let boundDeadline = min(started.advanced(by: options.timeLimit * 95 / 100), searched.advanced(by: boundBudget))
        // Column generation's bound, when it ran, is at least the flow bound's (it prices whole
        // schedules); the Lagrangian then only tops it up.
        let known = max(flow?.bound ?? Int.min, generated?.bound ?? Int.min)
        let bound = !options.computeLowerBound ? nil
            : LowerBound.compute(
                model, candidates, upperBound: best.state.cost, deadline: boundDeadline, flow: flow == nil ? nil : known,
                roster: best.state.byVolunteer)
        let elapsed = clock.now - started
        report(.done, best.state.cost, bound)
        func millis(_ d: Duration) -> Int { Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000) }
        return makeRoster(
            model, best.state, lowerBound: bound,
            stats: [
                "solve_ms": millis(elapsed), "construct_ms": millis(constructed - started),
                "search_ms": millis(searched - constructed), "bound_ms": millis(clock.now - searched),
                "iterations": results.all.reduce(0) { $0 + $1.iterations },
                "greedy_total": greedyCost, "generation_rounds": generated?.rounds ?? 0, "threads": options.threads, "eligible_pairs": candidates.pairCount,
            ])
    }

    /// The rosters the searches start from, the cheaper first: the previous roster kept where it
    /// still fits and filled greedily, and (when there is one) the relaxation's optimum repaired
    /// and filled the same way.
    static func startingRosters(_ pinned: SearchState, flow: [PairKey]?, slices: TimeSlices) -> [SearchState] {
        var warm = pinned
        Construction.warmStart(&warm)
        Construction.greedy(&warm)
        // Where a previous pair could not be kept, the positions around it are re-assigned exactly.
        let lost = pinned.model.previous.filter { !warm.contains(Int($0.volunteer), Int($0.shift)) }.map { Int($0.shift) }
        SliceReassignment.repair(&warm, slices, around: lost)
        guard let flow else { return [warm] }
        var relaxed = pinned
        Construction.flowStart(&relaxed, flow)
        Construction.greedy(&relaxed)
        return relaxed.cost < warm.cost ? [relaxed, warm] : [warm, relaxed]
    }

    /// Rounds of local search and slice sweeps: the local search wanders where single moves
    /// lead, the sweeps re-assign whole time slices exactly; each gets the other out of its
    /// local optimum. Rounds go on while they gain, at most four, and end at once on a roster
    /// that reaches the lower bound (it is optimal).
    /// - Returns: the best roster and the work done (iterations plus re-assignments).
    static func search(from start: SearchState, seed: UInt64, _ slices: TimeSlices, _ limits: LocalSearch.Limits,
                       onRound: (Int) -> Void = { _ in }) -> (SearchState, Int) {
        let laterIdle = 20_000 + 50 * start.model.shiftCount
        let later = (idle: laterIdle, max: 2 * laterIdle)
        var state = start
        var limits = limits
        var sweeper = SliceSweeper(slices: slices)
        var chains = EjectionChains()
        var work = 0
        for round in 0..<4 {
            let before = state.cost
            var search = LocalSearch(state: state, seed: seed &+ UInt64(round))
            search.run(limits)
            state = search.state
            work += search.iterations
            // A start the search could not improve is left as it is: a re-plan stays quick. A
            // roster at the lower bound is optimal.
            if search.stoppedAfterProbe { return (state, work) }
            if state.cost <= limits.bound ?? Int.min { break }
            limits.probeIterations = nil
            // Later rounds start from a roster the sweeps just improved: a shorter search suffices.
            limits.idleIterations = later.idle
            limits.maxIterations = later.max
            work += sweeper.sweep(&state, deadline: limits.deadline)
            onRound(state.cost)
            if round == 0, let handOff = limits.handOff, handOff(state.cost) { return (state, work) }
            if state.cost == before || state.cost <= limits.bound ?? Int.min || ContinuousClock.now >= limits.deadline { break }
        }
        // Last, ejection chains: they reach what single moves and single slices cannot.
        if state.cost > limits.bound ?? Int.min { work += polish(&state, &sweeper, &chains, limits) }
        return (state, work)
    }

    /// Slice sweeps and ejection chains in turn, until neither improves the roster.
    static func polish(_ state: inout SearchState, _ sweeper: inout SliceSweeper, _ chains: inout EjectionChains, _ limits: LocalSearch.Limits) -> Int {
        var work = sweeper.sweep(&state, deadline: limits.deadline)
        while state.cost > limits.bound ?? Int.min, ContinuousClock.now < limits.deadline {
            let applied = chains.improve(&state, deadline: limits.deadline)
            guard applied > 0 else { break }
            work += applied + sweeper.sweep(&state, deadline: limits.deadline)
        }
        return work
    }

    static func searchLimits(_ model: Model, _ candidates: Candidates, deadline: ContinuousClock.Instant, bound: Int?) -> LocalSearch.Limits {
        // Iteration budgets (not time) keep a run repeatable; sized so M stops within ~1 s and L ~10 s.
        let idle = 30_000 + 60 * model.shiftCount
        let probe = model.previous.isEmpty ? nil : 20_000 + 10 * model.shiftCount
        return LocalSearch.Limits(
            maxIterations: 3 * idle / 2, idleIterations: idle, deadline: deadline, probeIterations: probe, bound: bound)
    }

    static func makeRoster(_ model: Model, _ state: SearchState, lowerBound: Int?, stats: [String: Int]) -> Roster {
        let pairs = state.pairs
        let set = AssignmentSet(pairs, model: model)
        let score = model.score(set)
        let unfilled = model.missing(set).enumerated().filter { $0.element > 0 }.map {
            Roster.Unfilled(shift: model.problem.shifts[$0.offset].id, missing: $0.element)
        }
        let assignments = pairs.map {
            Pair(shift: model.problem.shifts[Int($0.shift)].id, volunteer: model.problem.volunteers[Int($0.volunteer)].id)
        }
        return Roster(
            assignments: assignments, unfilled: unfilled, score: score,
            lowerBound: lowerBound, stats: stats)
    }
}

/// Where parallel searches leave their results.
private final class ResultSlots: @unchecked Sendable {
    struct Entry { var state: SearchState; var rank: Int; var iterations: Int }
    private var slots: [Entry?]
    private let lock = NSLockLike()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ i: Int, _ state: SearchState, iterations: Int) {
        lock.withLock { slots[i] = Entry(state: state, rank: i, iterations: iterations) }
    }

    var all: [Entry] { lock.withLock { slots.compactMap { $0 } } }
}

/// A mutex from Dispatch, so the solver needs nothing beyond the standard library and Dispatch.
private final class NSLockLike: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)

    func withLock<T>(_ body: () -> T) -> T {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}
