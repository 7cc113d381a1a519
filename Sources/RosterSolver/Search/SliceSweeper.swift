/// Sweeps of ``SliceReassignment`` over the whole horizon that skip what nothing touched.
///
/// Each slice remembers the state's change count when it was last made optimal; while none
/// of its shifts and none of their candidates has changed since, it would come out the same
/// and is skipped.
struct SliceSweeper {
    let slices: TimeSlices
    private var reassignment = SliceReassignment()
    private var done: [Int]

    init(slices: TimeSlices) {
        self.slices = slices
        done = Array(repeating: -1, count: slices.slices.count)
    }

    /// Re-assigns every slice in turn, stopping early at `deadline`.
    /// - Returns: the number of re-assignments made.
    mutating func sweep(_ state: inout SearchState, deadline: ContinuousClock.Instant) -> Int {
        let clock = ContinuousClock()
        var count = 0
        for (k, slice) in slices.slices.enumerated() {
            // Checked before every slice: on large rosters one slice can take a while.
            if clock.now >= deadline { break }
            if done[k] >= 0, untouched(slice, since: done[k], state) { continue }
            reassignment.apply(slice, to: &state)
            done[k] = state.changes
            count += 1
        }
        return count
    }

    private func untouched(_ slice: [Int32], since mark: Int, _ state: SearchState) -> Bool {
        for s in slice.map(Int.init) {
            if state.shiftChanged[s] > mark { return false }
            for v in state.candidates.volunteers[s] where state.volunteerChanged[Int(v)] > mark { return false }
        }
        return true
    }
}
