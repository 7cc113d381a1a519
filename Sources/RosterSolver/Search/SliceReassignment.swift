/// The best re-assignment of one time slice, given everything outside it.
///
/// Every unpinned pair on the slice's shifts is taken off. A volunteer can work at most one
/// shift of a slice (they all share an instant), so choosing who goes where is a
/// transportation problem, solved exactly as a min-cost flow: source → volunteer (capacity 1)
/// → shift (the pair's exact score delta: pair cost plus the volunteer's next fairness
/// marginal, for pairs that fit the volunteer's other shifts and load) → sink (the open
/// positions). What was there is one of its solutions, so the result is never worse; among
/// equal ones it keeps the most of the old pairs.
struct SliceReassignment {
    private var graph = MinCostFlow()

    /// Re-assigns, once each, the slices that contain any of `shifts`: the exact repair of a
    /// roster around what changed.
    static func repair(_ state: inout SearchState, _ slices: TimeSlices, around shifts: [Int]) {
        var reassignment = SliceReassignment()
        for k in Set(shifts.flatMap { slices.containing[$0] }).sorted() {
            reassignment.apply(slices.slices[Int(k)], to: &state)
        }
    }

    /// Re-assigns `slice` in `state`; returns the change in cost (≤ 0).
    @discardableResult
    mutating func apply(_ slice: [Int32], to state: inout SearchState) -> Int {
        let before = state.cost
        let shifts = slice.map(Int.init)
        let old = shifts.flatMap { s in state.byShift[s].filter { !state.isPinned(Int($0), s) }.map { PairKey(volunteer: $0, shift: Int32(s)) } }
        var volunteerMarks = old.map { (Int($0.volunteer), state.volunteerChanged[Int($0.volunteer)]) }
        let shiftMarks = shifts.map { ($0, state.shiftChanged[$0]) }
        for p in old { state.remove(Int(p.volunteer), Int(p.shift)) }
        let new = bestPairs(slice, state, keeping: Set(old))
        // Marks of the old volunteers go last: they win when put back.
        volunteerMarks = new.map { (Int($0.volunteer), state.volunteerChanged[Int($0.volunteer)]) } + volunteerMarks
        for p in new { state.add(Int(p.volunteer), Int(p.shift)) }
        assert(state.cost <= before, "a slice re-assignment made the roster worse")
        // Nothing changed after all: nothing is marked as changed either.
        if Set(new) == Set(old) { state.restoreMarks(volunteers: volunteerMarks, shifts: shiftMarks) }
        return state.cost - before
    }

    /// The min-cost pairs; costs are scaled so that keeping an old pair breaks ties.
    private mutating func bestPairs(_ slice: [Int32], _ state: SearchState, keeping old: Set<PairKey>) -> [PairKey] {
        let model = state.model
        let scale = old.count + 1
        graph.reset(nodes: 2)
        var volunteerNode: [Int32: Int] = [:]
        var arcs: [(arc: Int, pair: PairKey)] = []
        let rooms = slice.reduce(0) { $0 + model.sRequired[Int($1)] - state.byShift[Int($1)].count }
        for s32 in slice {
            let s = Int(s32)
            let room = model.sRequired[s] - state.byShift[s].count
            guard room > 0 else { continue }
            let shiftNode = graph.addNode()
            graph.addArc(shiftNode, 1, cost: 0, capacity: room)
            for (cost, u) in cheapest(s, state, old, scale: scale, count: rooms) {
                let node = volunteerNode[u] ?? {
                    let n = graph.addNode()
                    graph.addArc(0, n, cost: 0, capacity: 1)
                    volunteerNode[u] = n
                    return n
                }()
                arcs.append((graph.addArc(node, shiftNode, cost: cost, capacity: 1), PairKey(volunteer: u, shift: s32)))
            }
        }
        graph.minimumCost(source: 0, sink: 1)
        return arcs.filter { graph.flow(on: $0.arc) > 0 }.map(\.pair)
    }

    /// The `count` cheapest volunteers who fit shift `s` now, with their scaled costs. No others
    /// are needed: with at most `count` positions open in the slice, one of these is always
    /// free and at least as cheap as anyone further down.
    private func cheapest(_ s: Int, _ state: SearchState, _ old: Set<PairKey>, scale: Int, count: Int) -> [(Int, Int32)] {
        var found: [(Int, Int32)] = []
        for u in state.candidates.volunteers[s] {
            let keep = old.contains(PairKey(volunteer: u, shift: Int32(s))) ? 1 : 0
            let cost = state.addDelta(Int(u), s) * scale - keep
            guard cost < 0, state.fitsVolunteer(Int(u), s, ignoring: -1) else { continue }
            found.append((cost, u))
        }
        guard found.count > count else { return found }
        found.sort { $0 < $1 }
        return Array(found.prefix(count))
    }
}
