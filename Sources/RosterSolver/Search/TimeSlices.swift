/// Sets of shifts that all contain one common instant: nobody can work two shifts of one
/// slice, so a slice's positions can be re-assigned all at once, exactly, as a min-cost flow
/// (``SliceReassignment``).
struct TimeSlices {
    /// The maximal slices, in time order; each lists its shifts.
    let slices: [[Int32]]
    /// For each shift, the slices that contain it.
    let containing: [[Int32]]

    init(model: Model) {
        // A slice taken at every distinct start; it is maximal unless no member ends before
        // the next start (then the next slice contains it).
        let order = (0..<model.shiftCount).sorted { (model.sStart[$0], $0) < (model.sStart[$1], $1) }
        var slices: [[Int32]] = []
        var active: [Int] = []
        var i = 0
        while i < order.count {
            let t = model.sStart[order[i]]
            active.removeAll { model.sEnd[$0] <= t }
            while i < order.count, model.sStart[order[i]] == t { active.append(order[i]); i += 1 }
            let nextStart = i < order.count ? model.sStart[order[i]] : Int64.max
            if active.contains(where: { model.sEnd[$0] <= nextStart }) { slices.append(active.map(Int32.init)) }
        }
        var containing = Array(repeating: [Int32](), count: model.shiftCount)
        for (k, slice) in slices.enumerated() {
            for s in slice { containing[Int(s)].append(Int32(k)) }
        }
        self.slices = slices
        self.containing = containing
    }
}
