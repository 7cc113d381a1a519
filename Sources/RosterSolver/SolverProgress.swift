/// What a running solve reports, so a caller can show how far it has got (a job's progress).
///
/// Reports come from the solver's own threads, a few per second at most: at each phase and
/// after each round of every search. `best` is the best total penalty reached so far (the
/// roster's `score.total` when it ends), `bound` the lower bound once one is known.
public struct SolverProgress: Sendable, Equatable {
    public enum Phase: String, Sendable {
        case constructing, searching, bounding, done
    }

    public var phase: Phase
    /// Time used since the solve started.
    public var elapsed: Duration
    /// The solve's time limit (the budget `elapsed` is measured against).
    public var budget: Duration
    public var best: Int?
    public var bound: Int?

    /// Of the time budget used, 0–100 (100 when done).
    public var percent: Int {
        if phase == .done { return 100 }
        let used = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let all = Double(budget.components.seconds) + Double(budget.components.attoseconds) / 1e18
        return all > 0 ? min(99, max(0, Int(used / all * 100))) : 0
    }
}
