extension MasterLP {
    /// One simplex iteration with `q` entering at reduced cost `d`.
    /// - Returns: whether the step was degenerate (no progress).
    mutating func step(_ q: Int, _ d: Double) -> Bool {
        var alpha = image(of: q)
        let (theta, leaving) = ratioTest(q, alpha)
        switch leaving {
        case .slot(let r):
            move(q, alpha, theta)
            pivot(slot: r, entering: q, alpha: alpha, reducedCost: d, value: theta)
        case .key(let k):
            let members = (0..<rows).filter { slotVar[$0] >= rows && Int(varSet[slotVar[$0]]) == k }
            if members.isEmpty {
                // Only the entering variable's own set can lose its key this way: it becomes the key.
                move(q, alpha, theta)
                weights[key[k]] = max(1, weights[q])
                // The set's dual moves by d: every member's reduced cost by −d (the old key's to −d).
                for m in setMembers[k] { reduced[Int(m)] -= d }
                key[k] = q
                keyValue[k] = theta
                reduced[q] = 0
                pivots += 1
            } else {
                // Another member of the set becomes its key first (the same basis, written
                // differently); the old key then leaves its slot like any non-key variable.
                let r = members.max { abs(alpha[$0]) < abs(alpha[$1]) }!
                swapKey(k, slot: r)
                alpha = image(of: q)
                guard abs(alpha[r]) > Self.tolerance else { refresh(); return true }
                let theta = max(0, slotValue[r]) / alpha[r]
                move(q, alpha, theta)
                pivot(slot: r, entering: q, alpha: alpha, reducedCost: d, value: theta)
            }
        case nil:
            // Unbounded cannot happen (every column lies in a set); treat as done.
            return true
        }
        return theta <= Self.tolerance
    }

    enum Leaving { case slot(Int), key(Int) }

    /// The first basic variable to reach zero as `q` grows: a slot or a set's key.
    func ratioTest(_ q: Int, _ alpha: [Double]) -> (Double, Leaving?) {
        var best = Double.infinity, bestPivot = 0.0, leaving: Leaving?
        func consider(_ value: Double, _ rate: Double, _ candidate: Leaving) {
            let ratio = max(0, value) / rate
            if ratio < best - 1e-12 || (ratio <= best + 1e-12 && rate > bestPivot) {
                (best, bestPivot, leaving) = (ratio, rate, candidate)
            }
        }
        var rates = Array(repeating: 0.0, count: sets)
        var isTouched = Array(repeating: false, count: sets)
        var touched: [Int] = []
        func rise(_ k: Int, _ by: Double) {
            if !isTouched[k] { touched.append(k); isTouched[k] = true }
            rates[k] += by
        }
        for r in 0..<rows where alpha[r] != 0 {
            if alpha[r] > Self.tolerance { consider(slotValue[r], alpha[r], .slot(r)) }
            if slotVar[r] >= rows { rise(Int(varSet[slotVar[r]]), alpha[r]) }
        }
        if q >= rows { rise(Int(varSet[q]), -1) }
        // A key falls at the rate its set's slots rise (the set row stays tight).
        for k in touched where rates[k] < -Self.tolerance { consider(keyValue[k], -rates[k], .key(k)) }
        return (best, leaving)
    }

    /// Moves the basic values a step `theta` along `q`'s direction.
    mutating func move(_ q: Int, _ alpha: [Double], _ theta: Double) {
        guard theta > 0 else { return }
        // Each key moves by θ × (its set's slots' rise − 1 if it is the entering one's set).
        for r in 0..<rows where alpha[r] != 0 {
            slotValue[r] -= theta * alpha[r]
            if slotVar[r] >= rows { keyValue[Int(varSet[slotVar[r]])] += theta * alpha[r] }
        }
        if q >= rows { keyValue[Int(varSet[q])] -= theta }
    }

    /// Replaces the variable in slot `r` by `q` (value `value`): the inverse, duals and weights.
    mutating func pivot(slot r: Int, entering q: Int, alpha: [Double], reducedCost d: Double, value: Double) {
        let pivotElement = alpha[r]
        updatePricing(slot: r, entering: q, pivotElement: pivotElement, reducedCost: d)
        // The pivot row's non-zeros once; every other row then costs only as many operations.
        var nonZero: [Int] = []
        var entries: [Double] = []
        let n = rows
        inverse.withUnsafeMutableBufferPointer { inv in
            let base = r * n
            for c in 0..<n where inv[base + c] != 0 {
                inv[base + c] /= pivotElement
                nonZero.append(c)
                entries.append(inv[base + c])
            }
            let dense = nonZero.count * 3 > n
            for i in 0..<n where i != r && alpha[i] != 0 {
                let factor = alpha[i]
                let target = inv.baseAddress! + i &* n
                if dense {
                    Self.subtract(factor, times: UnsafePointer(inv.baseAddress! + base), from: target, count: n)
                } else {
                    for (e, c) in nonZero.enumerated() { target[c] -= factor * entries[e] }
                }
            }
        }
        for (e, c) in nonZero.enumerated() { duals[c] += d * entries[e] }
        let leaving = slotVar[r]
        slotOf[leaving] = -1
        slotVar[r] = q
        slotOf[q] = Int32(r)
        slotValue[r] = value
        pivots += 1
    }

    /// The pivot row (from the inverse before it is updated) for every non-basic variable: its
    /// reduced cost falls by d × its entry, and its Devex weight grows with the entry's square;
    /// the leaving variable's are set from the entering one's.
    mutating func updatePricing(slot r: Int, entering q: Int, pivotElement: Double, reducedCost d: Double) {
        let base = r * rows
        let wq = weights[q]
        // ρ · a_key per set, once.
        var keyDot = Array(repeating: 0.0, count: sets)
        for k in 0..<sets {
            let v = key[k]
            for i in varStart[v]..<varStart[v + 1] { keyDot[k] += inverse[base + Int(varRows[i])] }
        }
        for v in 0..<varCost.count where v != q && !isBasic(v) {
            var a = 0.0
            if v < rows { a = inverse[base + v] } else {
                for i in varStart[v]..<varStart[v + 1] { a += inverse[base + Int(varRows[i])] }
                a -= keyDot[Int(varSet[v])]
            }
            guard a != 0 else { continue }
            a /= pivotElement
            reduced[v] -= d * a
            weights[v] = max(weights[v], a * a * wq)
        }
        let leaving = slotVar[r]
        weights[leaving] = max(wq / (pivotElement * pivotElement), 1)
        reduced[leaving] = -d / pivotElement
        reduced[q] = 0
    }

    /// Makes the variable in slot `r` (a member of set `k`) the set's key, and the key a slot
    /// member: the same basis, so values and duals stand; the inverse changes by rank one
    /// (every slot of the set gains old key − new key in its column, the swapped slot twice).
    mutating func swapKey(_ k: Int, slot r: Int) {
        let old = key[k], member = slotVar[r]
        var delta = Array(repeating: 0.0, count: rows)
        for i in varStart[old]..<varStart[old + 1] { delta[Int(varRows[i])] += 1 }
        for i in varStart[member]..<varStart[member + 1] { delta[Int(varRows[i])] -= 1 }
        // Sherman–Morrison: (W + δ gᵀ)⁻¹ = W⁻¹ − (W⁻¹δ)(gᵀW⁻¹) / (1 + gᵀW⁻¹δ).
        var z = Array(repeating: 0.0, count: rows)
        for c in 0..<rows where delta[c] != 0 { for i in 0..<rows { z[i] += inverse[i * rows + c] * delta[c] } }
        var h = Array(repeating: 0.0, count: rows)
        var gz = 0.0
        for s in 0..<rows where slotVar[s] >= rows && Int(varSet[slotVar[s]]) == k {
            let g = s == r ? 2.0 : 1.0
            gz += g * z[s]
            for c in 0..<rows { h[c] += g * inverse[s * rows + c] }
        }
        let scale = 1 / (1 + gz)
        for i in 0..<rows where z[i] != 0 {
            let factor = z[i] * scale
            for c in 0..<rows where h[c] != 0 { inverse[i * rows + c] -= factor * h[c] }
        }
        (keyValue[k], slotValue[r]) = (slotValue[r], keyValue[k])
        key[k] = member
        slotVar[r] = old
        slotOf[old] = Int32(r)
        slotOf[member] = -1
    }

    /// Recomputes basic values and duals from the inverse: W x = b − Σ_k r_k a_key(k), and each
    /// key takes what its set row leaves; π W = ĉ (slot cost less its set's key's cost).
    mutating func refresh() {
        var reduced = rhs
        for k in 0..<sets {
            let v = key[k]
            for i in varStart[v]..<varStart[v + 1] { reduced[Int(varRows[i])] -= setRHS[k] }
        }
        for r in 0..<rows {
            var x = 0.0
            for c in 0..<rows { x += inverse[r * rows + c] * reduced[c] }
            slotValue[r] = x
        }
        keyValue = setRHS
        var y = Array(repeating: 0.0, count: rows)
        for r in 0..<rows {
            let v = slotVar[r]
            if v >= rows { keyValue[Int(varSet[v])] -= slotValue[r] }
            let c = v >= rows ? varCost[v] - varCost[key[Int(varSet[v])]] : 0
            guard c != 0 else { continue }
            for i in 0..<rows { y[i] += c * inverse[r * rows + i] }
        }
        duals = y
        recomputeReduced()
    }

    /// target[0..<count] -= factor × source[0..<count], eight at a time (the two never overlap).
    static func subtract(_ factor: Double, times source: UnsafePointer<Double>, from target: UnsafeMutablePointer<Double>, count: Int) {
        let f = SIMD8<Double>(repeating: factor)
        let s = UnsafeRawPointer(source), t = UnsafeMutableRawPointer(target)
        var c = 0
        while c + 8 <= count {
            let a = t.loadUnaligned(fromByteOffset: c * 8, as: SIMD8<Double>.self)
            let b = s.loadUnaligned(fromByteOffset: c * 8, as: SIMD8<Double>.self)
            t.storeBytes(of: a - f * b, toByteOffset: c * 8, as: SIMD8<Double>.self)
            c += 8
        }
        while c < count {
            target[c] -= factor * source[c]
            c += 1
        }
    }
}
