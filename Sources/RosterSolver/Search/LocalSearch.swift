/// Late-acceptance hill climbing over fill chains, replacements, swaps and removals.
///
/// Every move is evaluated by its exact score delta before it is applied. The state
/// only ever holds feasible rosters. An undo log since the best roster lets the
/// search wander and still return the best it saw.
struct LocalSearch {
    /// When to stop: whichever comes first.
    struct Limits {
        var maxIterations: Int
        /// Iterations in a row without a new best.
        var idleIterations: Int
        var deadline: ContinuousClock.Instant
        /// For a warm start: after this many iterations, stop unless the search has gained at
        /// least a thousandth of the starting cost. A roster that was already good (a re-plan
        /// after a small change) then comes back quickly and barely changed; a poor previous
        /// roster still gets the whole search.
        var probeIterations: Int? = nil
        /// A proven lower bound: a roster that reaches it is optimal, and the search stops.
        var bound: Int? = nil
        /// Whether the search should stop after its first round with a roster of this cost and
        /// hand over to column generation (see ``Solver``).
        var handOff: (@Sendable (Int) -> Bool)? = nil
    }

    private enum Op { case add(Int32, Int32), remove(Int32, Int32) }

    private(set) var state: SearchState
    private var rng: SplitMix64
    private var log: [Op] = []
    private(set) var bestCost: Int
    private(set) var iterations = 0
    /// Whether the run ended after its probe, the start being as good as the search could tell.
    private(set) var stoppedAfterProbe = false
    private let historyLength = 400

    init(state: SearchState, seed: UInt64) {
        self.state = state
        self.rng = SplitMix64(seed: seed)
        self.bestCost = state.cost
    }

    /// Runs until a limit is hit, then returns to the best roster seen.
    mutating func run(_ limits: Limits) {
        // Nothing to move (no shifts): the search has no neighbours to draw from.
        guard state.model.shiftCount > 0 else { return }
        var history = Array(repeating: state.cost, count: historyLength)
        var idle = 0
        let startCost = state.cost
        let clock = ContinuousClock()
        let optimal = limits.bound ?? Int.min
        while iterations < limits.maxIterations, idle < limits.idleIterations, bestCost > optimal {
            if iterations & 255 == 0, clock.now >= limits.deadline { break }
            if iterations == limits.probeIterations, (startCost - bestCost) * 1000 < startCost {
                stoppedAfterProbe = true
                break
            }
            let slot = iterations % historyLength
            step(threshold: max(state.cost, history[slot]))
            if state.cost < bestCost {
                bestCost = state.cost
                log.removeAll(keepingCapacity: true)
                idle = 0
            } else {
                idle += 1
            }
            history[slot] = state.cost
            iterations += 1
            if log.count > 1_000_000 { restoreBest() }
        }
        restoreBest()
    }

    private mutating func step(threshold: Int) {
        let roll = rng.below(1000)
        if roll < 10 {
            ruinAndRecreate(threshold: threshold)
            return
        }
        let r = roll / 10
        if !state.open.isEmpty, r < 45 {
            fill(threshold: threshold)
        } else if r < 64 {
            replace(threshold: threshold)
        } else if r < 72 {
            bringHome(threshold: threshold)
        } else if r < 96 {
            swap(threshold: threshold)
        } else {
            drop(threshold: threshold)
        }
    }

    // MARK: - Applying and undoing

    private mutating func add(_ v: Int, _ s: Int) {
        state.add(v, s)
        log.append(.add(Int32(v), Int32(s)))
    }

    private mutating func remove(_ v: Int, _ s: Int) {
        state.remove(v, s)
        log.append(.remove(Int32(v), Int32(s)))
    }

    private mutating func restoreBest() { undo(to: 0) }

    /// Reverts the changes logged after position `mark`.
    private mutating func undo(to mark: Int) {
        while log.count > mark {
            switch log.removeLast() {
            case .add(let v, let s): state.remove(Int(v), Int(s))
            case .remove(let v, let s): state.add(Int(v), Int(s))
            }
        }
    }

    // MARK: - Moves

    /// One step of an ejection chain: `volunteer` leaves `from` (or nothing, when -1) and takes `to`.
    private struct Step { var volunteer: Int; var from: Int; var to: Int }

    /// An ejection chain of at most three steps, kept inline: the search builds millions of
    /// them, and arrays would cost an allocation each.
    private struct Chain: Sequence, IteratorProtocol {
        var delta: Int
        private var steps: (Step, Step, Step)
        private var count = 0
        private var position = 0

        init(delta: Int, _ first: Step) {
            self.delta = delta
            steps = (first, first, first)
            count = 1
        }

        /// This chain followed by `tail` (at most three steps in all).
        func then(_ tail: Chain) -> Chain {
            var chain = self
            for step in tail where chain.count < 3 {
                switch chain.count {
                case 1: chain.steps.1 = step
                default: chain.steps.2 = step
                }
                chain.count += 1
            }
            chain.delta += tail.delta
            return chain
        }

        mutating func next() -> Step? {
            guard position < count else { return nil }
            defer { position += 1 }
            switch position {
            case 0: return steps.0
            case 1: return steps.1
            default: return steps.2
            }
        }
    }

    /// Volunteers a chain may not use (those it already moves): at most two.
    private struct Excluded {
        var a = -1, b = -1
        func contains(_ v: Int) -> Bool { v == a || v == b }
        func adding(_ v: Int) -> Excluded { a < 0 ? Excluded(a: v, b: b) : Excluded(a: a, b: v) }
    }

    /// Fills an open position: directly, or by moving a volunteer off the one shift that
    /// blocks them and refilling that shift the same way (an ejection chain, depth ≤ 3).
    private mutating func fill(threshold: Int) {
        let s = Int(state.open.items[rng.below(state.open.count)])
        guard let chain = bestChain(into: s, excluding: Excluded(), depth: 2, sample: 24),
            state.cost + chain.delta <= threshold
        else { return }
        apply(chain)
    }

    private mutating func apply(_ chain: Chain) {
        for step in chain {
            if step.from >= 0 { remove(step.volunteer, step.from) }
            add(step.volunteer, step.to)
        }
    }

    /// The cheapest sampled way to put one more volunteer on shift `s`.
    private mutating func bestChain(into s: Int, excluding: Excluded, depth: Int, sample: Int, refillSample: Int = 10) -> Chain? {
        let pool = state.candidates.volunteers[s]
        guard !pool.isEmpty else { return nil }
        var best: Chain?
        // Candidates are sorted best pair cost first: half the time look at the best ones.
        let offset = rng.below(2) == 0 ? 0 : rng.below(pool.count)
        for i in 0..<min(pool.count, sample) {
            let v = Int(pool[(offset + i) % pool.count])
            if excluding.contains(v) || state.contains(v, s) { continue }
            if state.fitsVolunteer(v, s, ignoring: -1) {
                let d = state.addDelta(v, s)
                if d < (best?.delta ?? Int.max) { best = Chain(delta: d, Step(volunteer: v, from: -1, to: s)) }
            } else if depth > 0, let a = state.singleBlocker(v, s), a != s {
                // Fairness cancels: v keeps the same number of shifts.
                var chain = Chain(delta: state.model.pairCost(v, s) - state.model.pairCost(v, a), Step(volunteer: v, from: a, to: s))
                if let refill = bestChain(into: a, excluding: excluding.adding(v), depth: depth - 1, sample: refillSample), refill.delta < 0 {
                    chain = chain.then(refill)
                }
                if chain.delta < (best?.delta ?? Int.max) { best = chain }
            }
        }
        return best
    }

    /// A random assigned, unpinned pair.
    private mutating func randomAssignment() -> (v: Int, s: Int)? {
        guard state.model.shiftCount > 0 else { return nil }
        for _ in 0..<4 {
            let s = rng.below(state.model.shiftCount)
            let on = state.byShift[s]
            guard !on.isEmpty else { continue }
            let v = Int(on[rng.below(on.count)])
            if !state.isPinned(v, s) { return (v, s) }
        }
        return nil
    }

    /// Hands a position to another volunteer, who may leave a shift of theirs to someone else
    /// (the same ejection chain as `fill`, started by freeing an assigned position).
    private mutating func replace(threshold: Int) {
        guard let (v, s) = randomAssignment(),
            let chain = bestChain(into: s, excluding: Excluded(a: v), depth: 1, sample: 12)
        else { return }
        let delta = state.removeDelta(v, s) + chain.delta
        guard state.cost + delta <= threshold else { return }
        remove(v, s)
        apply(chain)
    }

    /// Hands an away position (a volunteer working outside their community) to someone else,
    /// looking at more candidates than `replace`: the away cost is what most rosters still pay.
    private mutating func bringHome(threshold: Int) {
        for _ in 0..<8 {
            guard let (v, s) = randomAssignment() else { return }
            guard state.model.isAway(v, s) else { continue }
            guard let chain = bestChain(into: s, excluding: Excluded(a: v), depth: 1, sample: 48, refillSample: 16) else { return }
            let delta = state.removeDelta(v, s) + chain.delta
            guard state.cost + delta <= threshold else { return }
            remove(v, s)
            apply(chain)
            return
        }
    }

    /// Two volunteers trade shifts.
    private mutating func swap(threshold: Int) {
        guard let (v, a) = randomAssignment() else { return }
        let model = state.model
        let options = state.candidates.shifts[v]
        guard options.count > 1 else { return }
        let b = Int(options[rng.below(options.count)])
        let onB = state.byShift[b]
        guard b != a, !onB.isEmpty, !state.contains(v, b) else { return }
        let u = Int(onB[rng.below(onB.count)])
        guard u != v, !state.isPinned(u, b), !state.contains(u, a), model.isEligible(u, a) else { return }
        let delta = model.pairCost(v, b) + model.pairCost(u, a) - model.pairCost(v, a) - model.pairCost(u, b)
        guard state.cost + delta <= threshold,
            state.fitsVolunteer(v, b, ignoring: a), state.fitsVolunteer(u, a, ignoring: b)
        else { return }
        remove(v, a)
        remove(u, b)
        add(v, b)
        add(u, a)
    }

    /// Clears the assignments of a few shifts around one time and refills them with ejection
    /// chains; kept when late acceptance allows, otherwise undone. Escapes local optima that
    /// single moves cannot.
    private mutating func ruinAndRecreate(threshold: Int) {
        let order = state.candidates.byStart
        guard !order.isEmpty else { return }
        let center = rng.below(order.count)
        let window = (max(0, center - 3)..<min(order.count, center + 4)).map { Int(order[$0]) }
        let mark = log.count
        for s in window {
            for v in state.byShift[s].map(Int.init) where !state.isPinned(v, s) { remove(v, s) }
        }
        for s in window.shuffled(using: &rng) {
            while !state.isFull(s), let chain = bestChain(into: s, excluding: Excluded(), depth: 1, sample: 16), chain.delta < 0 {
                apply(chain)
            }
        }
        if state.cost > threshold { undo(to: mark) }
    }

    /// Leaves a position open (a perturbation the late acceptance may take).
    private mutating func drop(threshold: Int) {
        guard let (v, s) = randomAssignment(), state.cost + state.removeDelta(v, s) <= threshold else { return }
        remove(v, s)
    }
}
