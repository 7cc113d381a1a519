extension EjectionChains {
    /// Builds the improvement graph of `state`: a node per unpinned assignment, an arc per way
    /// its volunteer can take a place on another shift, with or without leaving a blocker.
    /// - Returns: false when `deadline` passed first (large rosters take a while).
    mutating func build(_ state: SearchState, deadline: ContinuousClock.Instant) -> Bool {
        let model = state.model
        nodeVolunteer.removeAll(keepingCapacity: true)
        nodeShift.removeAll(keepingCapacity: true)
        var firstNode = [Int32](repeating: 0, count: model.shiftCount + 1)
        for s in 0..<model.shiftCount {
            firstNode[s] = Int32(nodeVolunteer.count)
            for v in state.byShift[s] where !state.isPinned(Int(v), s) {
                nodeVolunteer.append(v)
                nodeShift.append(Int32(s))
            }
        }
        firstNode[model.shiftCount] = Int32(nodeVolunteer.count)
        takers.removeAll(keepingCapacity: true)
        for s in 0..<model.shiftCount {
            if s & 255 == 0, ContinuousClock.now >= deadline { return false }
            takers.append(Self.cheapestTakers(state, s))
        }
        holeEstimate = takers.map { min(0, $0.first?.cost ?? 0) }
        arcStart.removeAll(keepingCapacity: true)
        arcTarget.removeAll(keepingCapacity: true)
        arcCost.removeAll(keepingCapacity: true)
        arcBlocker.removeAll(keepingCapacity: true)
        for n in nodeVolunteer.indices {
            if n & 1023 == 0, ContinuousClock.now >= deadline { return false }
            arcStart.append(Int32(arcTarget.count))
            let (w, t) = (Int(nodeVolunteer[n]), Int(nodeShift[n]))
            for t2 in state.candidates.shifts[w] where Int(t2) != t && !state.contains(w, Int(t2)) {
                guard firstNode[Int(t2)] < firstNode[Int(t2) + 1], let blocker = Self.blocker(state, w, leaving: t, taking: Int(t2)) else { continue }
                // Leaving a blocker costs its pair and one shift less for w (fairness).
                let leaving = blocker < 0 ? 0
                    : -model.pairCost(w, blocker) + holeEstimate[blocker] - model.weights.fairness * (2 * state.byVolunteer[w].count - 1)
                let taking = model.pairCost(w, Int(t2)) + leaving
                for m in firstNode[Int(t2)]..<firstNode[Int(t2) + 1] {
                    arcTarget.append(m)
                    arcCost.append(Int32(taking - model.pairCost(Int(nodeVolunteer[Int(m)]), Int(t2))))
                    arcBlocker.append(Int32(blocker))
                }
            }
        }
        arcStart.append(Int32(arcTarget.count))
        openMove = nodeVolunteer.indices.map { i in
            let (w, t) = (Int(nodeVolunteer[i]), Int(nodeShift[i]))
            var best = (cost: Int.max, shift: Int32(-1))
            for t2 in state.candidates.shifts[w] where state.open.contains(t2) && Int(t2) != t && !state.contains(w, Int(t2)) {
                let c = model.pairCost(w, Int(t2))
                if c < best.cost, state.fitsVolunteer(w, Int(t2), ignoring: t) { best = (c, t2) }
            }
            return best
        }
        return true
    }

    /// Whether `w`, leaving `t`, can take `t2`: -1 when it fits as it is, the one other shift
    /// to leave when that makes it fit (an unpinned clash), nil when neither.
    static func blocker(_ state: SearchState, _ w: Int, leaving t: Int, taking t2: Int) -> Int? {
        let model = state.model
        var clash = -1
        for a32 in state.byVolunteer[w] where Int(a32) != t && !model.compatible(Int(a32), t2) {
            if clash >= 0 { return nil }
            clash = Int(a32)
        }
        var load = state.load[w] - model.duration(t) + model.duration(t2)
        if clash >= 0 {
            guard !state.isPinned(w, clash) else { return nil }
            load -= model.duration(clash)
        }
        return load <= model.vMaxMillis[w] ? clash : nil
    }

    /// The three cheapest volunteers who could take `s` as things are, with their exact deltas.
    static func cheapestTakers(_ state: SearchState, _ s: Int) -> [(cost: Int, volunteer: Int32)] {
        var best: [(cost: Int, volunteer: Int32)] = []
        for u in state.candidates.volunteers[s] where !state.contains(Int(u), s) {
            let c = state.addDelta(Int(u), s)
            guard best.count < 3 || c < best[2].cost, state.fitsVolunteer(Int(u), s, ignoring: -1) else { continue }
            best.append((c, u))
            best.sort { $0.cost < $1.cost }
            if best.count > 3 { best.removeLast() }
        }
        return best
    }
}
