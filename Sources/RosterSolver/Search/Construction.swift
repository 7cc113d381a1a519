/// Builds the starting roster: pins, then the previous roster, then a greedy fill.
enum Construction {
    /// Adds every pinned pair, or throws naming the pins that break a hard rule.
    static func pin(_ state: inout SearchState) throws(ProblemError) {
        let model = state.model
        var done = Set<PairKey>()
        for (i, pair) in model.problem.pinned.enumerated() {
            guard let s = model.shiftIndex[pair.shift], let v = model.volunteerIndex[pair.volunteer],
                done.insert(PairKey(volunteer: Int32(v), shift: Int32(s))).inserted
            else { continue }
            let path = "$.pinned[\(i)]"
            let named = "pinned pair (\(pair.shift), \(pair.volunteer))"
            if !model.hasSkill(v, s) { throw ProblemError(.infeasiblePins, path: path, reason: "\(named) breaks skill") }
            if !model.isAvailable(v, s) { throw ProblemError(.infeasiblePins, path: path, reason: "\(named) breaks availability") }
            if !model.unitAllowed(v, s) { throw ProblemError(.infeasiblePins, path: path, reason: "\(named) breaks units") }
            if state.isFull(s) { throw ProblemError(.infeasiblePins, path: path, reason: "\(named) breaks capacity: more pins than required") }
            if state.load[v] + model.duration(s) > model.vMaxMillis[v] {
                throw ProblemError(.infeasiblePins, path: path, reason: "\(named) breaks load together with the volunteer's other pins")
            }
            if let other = state.byVolunteer[v].first(where: { !model.compatible(Int($0), s) }) {
                let otherID = model.problem.shifts[Int(other)].id
                throw ProblemError(.infeasiblePins, path: path, reason: "\(named) overlaps pinned pair (\(otherID), \(pair.volunteer))")
            }
            state.add(v, s)
        }
    }

    /// Keeps every previous pair that is still feasible and still worth having.
    static func warmStart(_ state: inout SearchState) {
        let model = state.model
        let previous = model.problem.previous.compactMap { p -> (Int, Int)? in
            guard let s = model.shiftIndex[p.shift], let v = model.volunteerIndex[p.volunteer] else { return nil }
            return (v, s)
        }
        for (v, s) in previous where model.isEligible(v, s) && state.canAdd(v, s) && state.addDelta(v, s) < 0 {
            state.add(v, s)
        }
    }

    /// Starts from the relaxation's optimum: each volunteer keeps the most valuable of their
    /// flow shifts that still fit together (the relaxation ignores overlap and load).
    static func flowStart(_ state: inout SearchState, _ pairs: [PairKey]) {
        let model = state.model
        var byVolunteer: [Int: [Int]] = [:]
        for p in pairs { byVolunteer[Int(p.volunteer), default: []].append(Int(p.shift)) }
        for v in byVolunteer.keys.sorted() {
            for s in byVolunteer[v]!.sorted(by: { (model.pairCost(v, $0), $0) < (model.pairCost(v, $1), $1) })
            where state.canAdd(v, s) && state.addDelta(v, s) < 0 {
                state.add(v, s)
            }
        }
    }

    /// Fills shifts most-constrained first: high priority, then few candidates per position, then early.
    static func greedy(_ state: inout SearchState) {
        let model = state.model
        // Priority-0 shifts come last: only a kept previous pair makes them worth filling.
        let order = (0..<model.shiftCount).sorted { a, b in
            let ka = (-model.sPriority[a], Double(state.candidates.volunteers[a].count) / Double(model.sRequired[a]), model.sStart[a], a)
            let kb = (-model.sPriority[b], Double(state.candidates.volunteers[b].count) / Double(model.sRequired[b]), model.sStart[b], b)
            return ka < kb
        }
        for s in order { fill(&state, shift: s) }
    }

    /// Adds the best feasible volunteers to `shift` while that lowers the score.
    static func fill(_ state: inout SearchState, shift s: Int) {
        while !state.isFull(s) {
            var best = -1
            var bestDelta = 0
            for u in state.candidates.volunteers[s] {
                let v = Int(u)
                guard state.canAdd(v, s) else { continue }
                let delta = state.addDelta(v, s)
                if delta < bestDelta { best = v; bestDelta = delta }
            }
            guard best >= 0 else { return }
            state.add(best, s)
        }
    }
}
