/// The restricted master problem of ``ColumnGeneration``, a linear program
///
///     min c·x   subject to   A x ≤ b (one row per shift),   Σ_{j ∈ J_k} x_j ≤ 1 (one row per set k),   x ≥ 0,
///
/// where every column belongs to one set (a volunteer: at most one schedule in all) and has
/// 0/1 entries in the shift rows. Solved by the revised primal simplex method with generalized
/// upper bounding (Dantzig and Van Slyke): each set keeps one basic *key* variable and the set
/// rows never enter the basis matrix, so the explicit inverse is only shifts × shifts. With
/// b ≥ 0 the all-slack basis is feasible: there is no phase 1, and columns can be added between
/// solves with the last basis kept (a warm start). Its state is internal (not private) only so
/// that the pivoting in `MasterLP+Pivot.swift` can reach it.
struct MasterLP {
    let rows: Int
    let sets: Int
    /// Right-hand sides, perturbed (see `init`).
    let rhs: [Double]
    let setRHS: [Double]
    // Variables: 0..<rows the shift slacks, rows..<rows+sets the set slacks, then the columns.
    var varStart: [Int] = [0]
    var varRows: [Int32] = []
    var varSet: [Int32] = []
    var varCost: [Double] = []
    /// Each set's key variable and its value.
    var key: [Int]
    var keyValue: [Double]
    /// The non-key basic variables: one per slot of the working basis, and each variable's slot.
    var slotVar: [Int]
    var slotOf: [Int32]
    var slotValue: [Double]
    /// The working basis inverse (rows × rows, row-major).
    var inverse: [Double]
    /// Shift-row duals (π, ≤ 0 at an optimum); set duals are computed from the keys.
    var duals: [Double]
    /// Devex reference weights, and reduced costs (kept up to date pivot by pivot), per variable.
    var weights: [Double]
    var reduced: [Double]
    /// The variables of each set (its slack first).
    var setMembers: [[Int32]]
    var pivots = 0
    static let tolerance = 1e-9

    /// - Parameters: `rhs` per shift row (≥ 0) and the number of sets.
    init(rhs original: [Double], sets: Int) {
        // The master is highly degenerate (many rows at their bound at once); a small, fixed
        // perturbation keeps the pricing rule from stalling on it. Shift rows go up and set rows
        // down, so a roster (an integer point) stays feasible.
        var generator = SplitMix64(seed: 0x5EED)
        func epsilon() -> Double { 1e-6 * (1 + Double(generator.below(1000)) / 1000) }
        rhs = original.map { $0 + epsilon() }
        setRHS = (0..<sets).map { _ in 1 - epsilon() }
        rows = original.count
        self.sets = sets
        for k in 0..<(rows + sets) {
            varStart.append(0)
            varSet.append(k < rows ? -1 : Int32(k - rows))
            varCost.append(0)
        }
        key = (0..<sets).map { original.count + $0 }
        keyValue = setRHS
        slotVar = Array(0..<rows)
        slotOf = (0..<(rows + sets)).map { $0 < original.count ? Int32($0) : -1 }
        slotValue = rhs
        inverse = Array(repeating: 0, count: rows * rows)
        for r in 0..<rows { inverse[r * rows + r] = 1 }
        duals = Array(repeating: 0, count: rows)
        weights = Array(repeating: 1, count: rows + sets)
        reduced = Array(repeating: 0, count: rows + sets)
        setMembers = (0..<sets).map { [Int32(original.count + $0)] }
    }

    var columnCount: Int { varCost.count - rows - sets }

    /// Adds a column of `set` with 1s in the given shift rows (non-basic, at zero).
    /// - Returns: its index.
    @discardableResult
    mutating func addColumn(rows entries: [Int32], set: Int, cost: Double) -> Int {
        varRows.append(contentsOf: entries)
        varStart.append(varRows.count)
        varSet.append(Int32(set))
        varCost.append(cost)
        slotOf.append(-1)
        weights.append(1)
        setMembers[set].append(Int32(varCost.count - 1))
        reduced.append(cost - dot(duals, varCost.count - 1) - setDual(set))
        return columnCount - 1
    }

    /// Makes each of `columns` the key of its set in place of the set's slack: a warm start from
    /// a known integer point (before any pivot; the columns' sets differ and together they fit
    /// the shift rows).
    mutating func force(_ columns: [Int]) {
        for j in columns {
            let v = rows + sets + j
            let k = Int(varSet[v])
            if key[k] == rows + k { key[k] = v }
        }
        refresh()
    }

    /// The objective value of the current basis.
    var objective: Double {
        var total = 0.0
        for k in 0..<sets { total += varCost[key[k]] * keyValue[k] }
        for r in 0..<rows { total += varCost[slotVar[r]] * slotValue[r] }
        return total
    }

    /// The value of every column in the current basis.
    var solution: [Double] {
        var x = Array(repeating: 0.0, count: columnCount)
        let first = rows + sets
        for k in 0..<sets where key[k] >= first { x[key[k] - first] = keyValue[k] }
        for r in 0..<rows where slotVar[r] >= first { x[slotVar[r] - first] = slotValue[r] }
        return x
    }

    /// The dual of set `k`'s row (≤ 0 at an optimum): what its key's cost leaves after the shift duals.
    func setDual(_ k: Int) -> Double { varCost[key[k]] - dot(duals, key[k]) }

    /// How a call to ``solve(deadline:)`` ended.
    enum Status {
        case optimal, deadline
        /// Pivots kept being refused as numerically unsafe: the basis is left as it is.
        case stalled
    }

    /// Pivots until no variable prices out or `deadline` passes.
    mutating func solve(deadline: ContinuousClock.Instant) -> Status {
        var stalled = 0
        var fresh = false
        var idle = 0  // iterations in a row without a pivot (a numerically refused one)
        while true {
            if pivots & 31 == 0, ContinuousClock.now >= deadline { return .deadline }
            if idle > 100 { return .stalled }
            // Devex; after a run of degenerate pivots, Bland's rule (first improving), which cannot cycle.
            guard let entering = entering(bland: stalled > 50) else {
                // Optimal by the updated reduced costs: confirmed on freshly computed ones.
                if fresh { return .optimal }
                refresh()
                fresh = true
                continue
            }
            let before = pivots
            let degenerate = step(entering, reduced[entering])
            stalled = degenerate ? stalled + 1 : 0
            idle = pivots == before ? idle + 1 : 0
            fresh = false
            if pivots % 100 == 0 { refresh() }
        }
    }
}

extension MasterLP {
    /// Σ over the variable's shift rows of `vector`.
    func dot(_ vector: [Double], _ v: Int) -> Double {
        var total = 0.0
        for i in varStart[v]..<varStart[v + 1] { total += vector[Int(varRows[i])] }
        return total
    }

    func isBasic(_ v: Int) -> Bool {
        slotOf[v] >= 0 || (v >= rows && key[Int(varSet[v])] == v)
    }

    /// A non-basic variable with negative reduced cost: the largest d² / w, or with `bland` the first.
    func entering(bland: Bool) -> Int? {
        var best = 0.0, choice: Int?
        reduced.withUnsafeBufferPointer { d in
            weights.withUnsafeBufferPointer { w in
                for v in 0..<d.count where d[v] < -1e-7 && !isBasic(v) {
                    if bland { choice = v; return }
                    let score = d[v] * d[v] / w[v]
                    if score > best { (best, choice) = (score, v) }
                }
            }
        }
        return choice
    }

    /// Every variable's reduced cost from the duals (basic ones: zero).
    mutating func recomputeReduced() {
        let setDuals = (0..<sets).map(setDual)
        for v in 0..<varCost.count {
            if isBasic(v) { reduced[v] = 0 } else if v < rows { reduced[v] = -duals[v] } else {
                reduced[v] = varCost[v] - dot(duals, v) - setDuals[Int(varSet[v])]
            }
        }
    }

    /// W⁻¹ â for variable `v`: its column less its set's key's column (a shift slack: e_i).
    func image(of v: Int) -> [Double] {
        var out = Array(repeating: 0.0, count: rows)
        func add(_ c: Int, _ sign: Double) { for r in 0..<rows { out[r] += sign * inverse[r * rows + c] } }
        if v < rows { add(v, 1); return out }
        for i in varStart[v]..<varStart[v + 1] { add(Int(varRows[i]), 1) }
        do {
            let k = key[Int(varSet[v])]
            for i in varStart[k]..<varStart[k + 1] { add(Int(varRows[i]), -1) }
        }
        return out
    }
}
