import Foundation
import Synchronization

/// Runs CPU-bound solver work on threads of its own, never on Swift's cooperative pool, and
/// at most `slots` at a time, so solving cannot starve the server's request handling.
///
/// Work beyond the running slots waits in a queue of at most `queueLimit`; a request beyond
/// that is refused at once with ``StoreError/Code/busy`` rather than left to time out.
public final class SolverGate: Sendable {
    /// One gate per process: the machine's cores are shared by every caller.
    public static let shared = SolverGate(
        slots: max(1, ProcessInfo.processInfo.activeProcessorCount / 2), queueLimit: 8)

    public let slots: Int
    public let queueLimit: Int
    /// The name of the threads solving runs on (visible in a debugger and in tests).
    public static let threadName = "lianjian-solver"

    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())

    public init(slots: Int, queueLimit: Int) {
        self.slots = max(1, slots)
        self.queueLimit = max(0, queueLimit)
    }

    /// Whether the caller runs on one of the gate's solver threads.
    public static var onSolverThread: Bool { Thread.current.threadDictionary[threadName] as? Bool == true }

    /// How many solves run and wait now (for `/health` and metrics).
    public var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiting.count) } }

    /// Runs `work` on a dedicated thread once a slot is free.
    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(StoreError) -> T {
        try await acquire()
        defer { release() }
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                Thread.current.threadDictionary[Self.threadName] = true
                continuation.resume(returning: work())
            }
            thread.name = Self.threadName
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    private func acquire() async throws(StoreError) {
        enum Decision { case go, wait, refuse }
        let decision: Decision = state.withLock { s in
            if s.running < slots { s.running += 1; return .go }
            return s.waiting.count < queueLimit ? .wait : .refuse
        }
        switch decision {
        case .go: return
        case .refuse: throw StoreError(.busy, message: "the solver is busy with other rosters; try again in a minute")
        case .wait:
            await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                let admitted: Bool = state.withLock { s in
                    // A slot may have freed between the decision and now.
                    if s.running < slots { s.running += 1; return true }
                    s.waiting.append(c)
                    return false
                }
                if admitted { c.resume() }
            }
        }
    }

    private func release() {
        let next: CheckedContinuation<Void, Never>? = state.withLock { s in
            // The slot passes straight to the first waiter, so `running` stays as it is.
            if s.waiting.isEmpty { s.running -= 1; return nil }
            return s.waiting.removeFirst()
        }
        next?.resume()
    }
}
