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

    public init(timeLimit: Duration = .seconds(60), seed: UInt64 = 0, threads: Int = 2, computeLowerBound: Bool = true) {
        self.timeLimit = timeLimit
        self.seed = seed
        self.threads = max(1, threads)
        self.computeLowerBound = computeLowerBound
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
        let deadline = started.advanced(by: options.timeLimit)
        let model = Model(problem)
        let candidates = Candidates(model: model)
        var initial = SearchState(model: model, candidates: candidates)
        try Construction.pin(&initial)
        Construction.warmStart(&initial)
        Construction.greedy(&initial)
        let greedyCost = initial.cost
        let constructed = clock.now

        // The search leaves the last tenth of the time limit to the lower bound.
        let searchDeadline = options.computeLowerBound ? started.advanced(by: options.timeLimit * 9 / 10) : deadline
        let limits = searchLimits(model, candidates, deadline: searchDeadline)
        let results = ResultSlots(count: options.threads)
        let start = initial
        DispatchQueue.concurrentPerform(iterations: options.threads) { i in
            var search = LocalSearch(state: start, seed: options.seed &* 0x9E37_79B9 &+ UInt64(i))
            search.run(limits)
            results.store(i, search)
        }
        // Best cost wins; ties go to the lowest thread so the choice is deterministic.
        let best = results.all.min { ($0.bestCost, $0.rank) < ($1.bestCost, $1.rank) }!
        let searched = clock.now
        // The bound gets at most a tenth of the time limit, and no longer than the search itself
        // took (a quick re-plan stays quick); at least 50 ms.
        let boundBudget = max(.milliseconds(50), min(options.timeLimit / 10, searched - constructed))
        let boundDeadline = min(deadline, searched.advanced(by: boundBudget))
        let bound = options.computeLowerBound
            ? LowerBound.compute(model, candidates, upperBound: best.bestCost, deadline: boundDeadline) : nil
        let elapsed = clock.now - started
        func millis(_ d: Duration) -> Int { Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000) }
        return makeRoster(
            model, best.search.state, lowerBound: bound,
            stats: [
                "solve_ms": millis(elapsed), "construct_ms": millis(constructed - started),
                "search_ms": millis(searched - constructed), "bound_ms": millis(clock.now - searched),
                "iterations": results.all.reduce(0) { $0 + $1.search.iterations },
                "greedy_total": greedyCost, "threads": options.threads, "eligible_pairs": candidates.pairCount,
            ])
    }

    static func searchLimits(_ model: Model, _ candidates: Candidates, deadline: ContinuousClock.Instant) -> LocalSearch.Limits {
        // Iteration budgets (not time) keep a run repeatable; sized so M stops within ~1 s and L ~10 s.
        let idle = 100_000 + 100 * model.shiftCount
        return LocalSearch.Limits(maxIterations: 3 * idle, idleIterations: idle, deadline: deadline)
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
    struct Entry { var search: LocalSearch; var rank: Int; var bestCost: Int }
    private var slots: [Entry?]
    private let lock = NSLockLike()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ i: Int, _ search: LocalSearch) {
        lock.withLock { slots[i] = Entry(search: search, rank: i, bestCost: search.bestCost) }
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
