import Foundation
import LianjianJobs
import Testing

/// Solving runs on threads of its own, a few at a time, so request handling never starves.
@Suite("Solver gate")
struct SolverGateTests {
    /// Burns CPU for about `seconds` on the calling thread.
    static func spin(_ seconds: Double) -> Int {
        let end = Date().addingTimeInterval(seconds)
        var x = 0
        while Date() < end { for i in 0..<10_000 { x &+= i &* 31 } }
        return x
    }

    @Test func workRunsOnASolverThreadNotTheCooperativePool() async throws {
        let gate = SolverGate(slots: 1)
        #expect(await gate.run { SolverGate.onSolverThread })
        #expect(!SolverGate.onSolverThread)
    }

    /// Two long solves fill both cores (as many as the cooperative pool has threads here). Run
    /// on the pool they would block it until they end; on the gate's threads, short awaits still
    /// come back long before. (Not a latency figure: the database suites share this process, and
    /// their own synchronous work stalls the pool for up to ~3 s at times; the margin is 6 s.)
    @Test func theCooperativePoolIsFreeWhileTheGateIsBusy() async throws {
        let gate = SolverGate(slots: 2)
        let done = Flag()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<2 { group.addTask { _ = await gate.run { Self.spin(6.0) }; done.set() } }
            try await Task.sleep(for: .milliseconds(200))
            for _ in 0..<10 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(!done.value, "short awaits waited for the solves to end")
            try await group.waitForAll()
        }
    }

    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var raised = false
        func set() { lock.withLock { raised = true } }
        var value: Bool { lock.withLock { raised } }
    }

    @Test func beyondItsSlotsWorkWaitsItsTurn() async throws {
        let gate = SolverGate(slots: 1)
        async let first: Int = gate.run { Self.spin(0.5) }
        try await Task.sleep(for: .milliseconds(100))
        async let second: Int = gate.run { Self.spin(0.1) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(gate.load.running == 1 && gate.load.waiting == 1)
        _ = await (first, second)
        #expect(gate.load.running == 0 && gate.load.waiting == 0)
    }
}
