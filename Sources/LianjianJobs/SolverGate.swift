import Foundation
import Synchronization

/// Runs CPU-bound solver work on threads of its own, never on Swift's cooperative pool, and
/// at most `slots` at a time, so solving cannot starve the server's request handling.
///
/// Work beyond the running slots waits its turn. Workers take only as many jobs as there are
/// slots, so the wait is short; commands that solve directly (the demo, benchmarks) share it.
public final class SolverGate: Sendable {
    /// One gate per process: the machine's cores are shared by every caller.
    public static let shared = SolverGate(
        slots: max(1, ProcessInfo.processInfo.activeProcessorCount / 2))

    public let slots: Int
    /// The name of the threads solving runs on (visible in a debugger and in tests).
    public static let threadName = "lianjian-solver"

    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }
    private let state = Mutex(State())

    public init(slots: Int) {
        self.slots = max(1, slots)
    }

    /// Whether the caller runs on one of the gate's solver threads.
    public static var onSolverThread: Bool { Thread.current.threadDictionary[threadName] as? Bool == true }

    /// How many solves run and wait now (for `/health` and metrics).
    public var load: (running: Int, waiting: Int) { state.withLock { ($0.running, $0.waiting.count) } }

    /// Runs `work` on a dedicated thread once a slot is free.
    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await acquire()
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

    private func acquire() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let admitted: Bool = state.withLock { s in
                if s.running < slots { s.running += 1; return true }
                s.waiting.append(c)
                return false
            }
            if admitted { c.resume() }
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
