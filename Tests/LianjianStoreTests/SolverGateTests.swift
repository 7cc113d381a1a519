import Foundation
import LianjianStore
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
        let gate = SolverGate(slots: 1, queueLimit: 4)
        #expect(try await gate.run { SolverGate.onSolverThread })
        #expect(!SolverGate.onSolverThread)
    }

    @Test func theCooperativePoolStaysOnTimeWhileTheGateIsBusy() async throws {
        // One slot, as the shared gate has on this 2-core machine. The bound is loose because the
        // database suites run beside this test in the same process and share the cores.
        let gate = SolverGate(slots: 1, queueLimit: 8)
        let clock = ContinuousClock()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 { group.addTask { _ = try await gate.run { Self.spin(0.7) } } }
            // Meanwhile, what a request handler would do: short awaits that must come back on time.
            var worst: Duration = .zero
            for _ in 0..<50 {
                let t = clock.now
                try await Task.sleep(for: .milliseconds(20))
                worst = max(worst, clock.now - t - .milliseconds(20))
            }
            #expect(worst < .milliseconds(1500), "a 20 ms sleep came back \(worst) late")
            try await group.waitForAll()
        }
    }

    @Test func beyondItsQueueTheGateRefusesAtOnce() async throws {
        let gate = SolverGate(slots: 1, queueLimit: 1)
        async let first: Int = gate.run { Self.spin(0.8) }
        try await Task.sleep(for: .milliseconds(100))
        async let second: Int = gate.run { Self.spin(0.1) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(gate.load.running == 1 && gate.load.waiting == 1)
        do {
            _ = try await gate.run { 0 }
            Issue.record("a third solve was queued past the limit")
        } catch {
            #expect(error.code == .busy)
        }
        _ = try await (first, second)
        #expect(gate.load.running == 0 && gate.load.waiting == 0)
    }
}
