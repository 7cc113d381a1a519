extension EjectionChains {
    /// A volunteer on the chain other than the last, with what the chain changes for them.
    struct Member {
        var volunteer: Int32
        var removed: (Int32, Int32)  // -1: none
        var added: Int32  // -1: none
    }

    /// What the last volunteer of a chain ending at `node` saves by dropping out (fairness only).
    func dropCost(_ state: SearchState, _ node: Int) -> Int {
        -state.model.weights.fairness * (2 * state.byVolunteer[Int(nodeVolunteer[node])].count - 1)
    }

    /// The best way to end the chain in ``path`` (cost `base` so far, with one or two holes),
    /// if it beats `bestGain`. The last volunteer drops out, moves to an open position or fills
    /// a hole; every other hole is filled by whoever is cheapest, or left open.
    /// `drop` is what the last volunteer's dropping out costs; one who came back on the chain
    /// can do nothing else.
    mutating func bestEnd(_ state: SearchState, n: Int, base: Int, drop: Int, bestGain: Int) -> Chain? {
        let model = state.model
        let last = path[path.count - 1].label % n
        let (w, t) = (Int(nodeVolunteer[last]), Int(nodeShift[last]))
        let holes = holes(n)
        collectMembers(n)
        // Holes were priced at their estimate; the estimate comes off here, the actual filling goes on.
        let base = base - holeEstimate[Int(holes.0)] - (holes.1 >= 0 ? holeEstimate[Int(holes.1)] : 0)
        var best: (gain: Int, end: Int32, closures: (PairKey?, PairKey?))?
        func consider(_ endCost: Int, _ end: Int32) {
            let rest = end == holes.0 ? (holes.1, Int32(-1)) : end == holes.1 ? (holes.0, Int32(-1)) : holes
            for order in rest.1 >= 0 ? [rest, (rest.1, rest.0)] : [rest] {
                var total = base + endCost
                var first: PairKey?, second: PairKey?
                if order.0 >= 0, let taker = bestTaker(state, Int(order.0), last: Int32(w), excluding: -1) {
                    total += taker.cost
                    first = PairKey(volunteer: taker.volunteer, shift: order.0)
                }
                if order.1 >= 0, let taker = bestTaker(state, Int(order.1), last: Int32(w), excluding: first?.volunteer ?? -1) {
                    total += taker.cost
                    second = PairKey(volunteer: taker.volunteer, shift: order.1)
                }
                if total < (best?.gain ?? bestGain) { best = (total, end, (first, second)) }
            }
        }
        consider(drop, -1)
        if !traced.takerSeen {
            if openMove[last].shift >= 0 { consider(openMove[last].cost, openMove[last].shift) }
            for h in [holes.0, holes.1] where h >= 0 && !state.contains(w, Int(h)) && model.isEligible(w, Int(h)) {
                if state.fitsVolunteer(w, Int(h), ignoring: t) { consider(model.pairCost(w, Int(h)), h) }
            }
        }
        guard let best else { return nil }
        return chain(n: n, end: best.end, closures: [best.closures.0, best.closures.1].compactMap { $0 }, gain: best.gain)
    }

    /// The holes of the path (-1: none): the root's shift when the chain began by leaving it,
    /// and each blocker left.
    private func holes(_ n: Int) -> (Int32, Int32) {
        var holes = (Int32(-1), Int32(-1))
        func add(_ h: Int32) { if holes.0 < 0 { holes.0 = h } else { holes.1 = h } }
        if path[0].label >= n { add(nodeShift[path[0].label % n]) }
        for step in path.dropFirst() where arcBlocker[step.arc] >= 0 { add(arcBlocker[step.arc]) }
        return holes
    }

    /// Fills ``members``: the volunteers on the path other than the last (its taker and those who moved on).
    private mutating func collectMembers(_ n: Int) {
        members.removeAll(keepingCapacity: true)
        let root = path[0].label
        if root < n, let taker = takers[Int(nodeShift[root])].first {
            members.append(Member(volunteer: taker.volunteer, removed: (-1, -1), added: nodeShift[root]))
        }
        for (from, to) in zip(path, path.dropFirst()) {
            let i = from.label % n
            members.append(Member(volunteer: nodeVolunteer[i], removed: (nodeShift[i], arcBlocker[to.arc]), added: nodeShift[to.label % n]))
        }
    }

    /// The cheapest improving way to fill hole `h`: someone off the chain who fits as things
    /// are, or a member of the chain who still fits after the chain's changes to them.
    private func bestTaker(_ state: SearchState, _ h: Int, last: Int32, excluding: Int32) -> (cost: Int, volunteer: Int32)? {
        var best: (cost: Int, volunteer: Int32)?
        for taker in takers[h] where taker.volunteer != excluding && taker.volunteer != last && !members.contains(where: { $0.volunteer == taker.volunteer }) {
            best = taker
            break
        }
        // A volunteer on the chain twice is not checked against both visits: they fill no hole.
        for m in members where m.volunteer != excluding && m.volunteer != last && members.count(where: { $0.volunteer == m.volunteer }) == 1 {
            guard let c = memberCost(state, m, h), c < (best?.cost ?? 0) else { continue }
            best = (c, m.volunteer)
        }
        guard let best, best.cost < 0 else { return nil }
        return best
    }

    /// What member `m` would add by also taking `h`, if it fits after the chain's changes to them.
    private func memberCost(_ state: SearchState, _ m: Member, _ h: Int) -> Int? {
        let model = state.model
        let v = Int(m.volunteer)
        let h32 = Int32(h)
        guard m.added != h32, m.removed.0 != h32, m.removed.1 != h32, !state.contains(v, h), model.isEligible(v, h) else { return nil }
        var load = state.load[v] + model.duration(h)
        var count = state.byVolunteer[v].count
        for a in state.byVolunteer[v] where a != m.removed.0 && a != m.removed.1 {
            guard model.compatible(Int(a), h) else { return nil }
        }
        for r in [m.removed.0, m.removed.1] where r >= 0 {
            load -= model.duration(Int(r))
            count -= 1
        }
        if m.added >= 0 {
            guard model.compatible(Int(m.added), h) else { return nil }
            load += model.duration(Int(m.added))
            count += 1
        }
        guard load <= model.vMaxMillis[v] else { return nil }
        return model.pairCost(v, h) + model.weights.fairness * (2 * count + 1)
    }

    /// The pairs to take off and put on for the chain in ``path``.
    func chain(n: Int, end: Int32, closures: [PairKey], gain: Int) -> Chain {
        var chain = Chain(gain: gain)
        let root = path[0].label
        if root < n, let taker = takers[Int(nodeShift[root])].first {
            chain.added.append(PairKey(volunteer: taker.volunteer, shift: nodeShift[root]))
        }
        for step in path {
            let i = step.label % n
            chain.removed.append(PairKey(volunteer: nodeVolunteer[i], shift: nodeShift[i]))
        }
        for (from, to) in zip(path, path.dropFirst()) {
            let v = nodeVolunteer[from.label % n]
            chain.added.append(PairKey(volunteer: v, shift: nodeShift[to.label % n]))
            if arcBlocker[to.arc] >= 0 { chain.removed.append(PairKey(volunteer: v, shift: arcBlocker[to.arc])) }
        }
        let last = nodeVolunteer[path[path.count - 1].label % n]
        if end >= 0 { chain.added.append(PairKey(volunteer: last, shift: end)) }
        chain.added += closures
        return chain
    }
}
