extension EjectionChains {
    /// What a path has done so far, as far as extending it by one more arc needs to know.
    ///
    /// A volunteer may appear on a chain more than once: pushed out of one shift, taking
    /// another, pushed out of that or another later. Such a step is checked against the
    /// volunteer's schedule as the path has left it, not against the roster. Volunteers who
    /// leave a blocker change their number of shifts mid-chain, so they appear only once.
    struct Trace {
        /// The nodes on the path (each pair is pushed out at most once).
        var nodes: [Int32] = []
        /// The volunteers on the path: pushed out, or the root's taker.
        var volunteers: [Int32] = []
        /// Volunteers who left a blocker on the path.
        var blockerLeavers: [Int32] = []
        /// The volunteer of the path's last node, who takes the next shift.
        var taker: Int32 = -1
        /// Whether the taker was on the path before their last node (or is the root's taker).
        var takerSeen = false
        /// Whether the taker is the root's taker (who took a shift without being pushed out).
        var takerIsRoot = false
        /// Shifts the path gave the taker, and shifts it took from them (their last one included).
        var takerAdded: [Int32] = []
        var takerRemoved: [Int32] = []

        mutating func reset(taker: Int32) {
            nodes.removeAll(keepingCapacity: true)
            volunteers.removeAll(keepingCapacity: true)
            blockerLeavers.removeAll(keepingCapacity: true)
            takerAdded.removeAll(keepingCapacity: true)
            takerRemoved.removeAll(keepingCapacity: true)
            self.taker = taker
            takerSeen = false
            takerIsRoot = false
        }
    }

    /// Fills ``traced`` for the path ending at `label` of `layer`, walking it back to its root.
    mutating func trace(_ layer: Int, _ label: Int, _ n: Int) {
        traced.reset(taker: nodeVolunteer[label % n])
        var (l, x) = (layer, label)
        while true {
            let node = x % n
            traced.nodes.append(Int32(node))
            traced.volunteers.append(nodeVolunteer[node])
            if nodeVolunteer[node] == traced.taker {
                if !traced.takerRemoved.isEmpty { traced.takerSeen = true }
                traced.takerRemoved.append(nodeShift[node])
            }
            if l == 0 {
                guard x < n, let root = takers[Int(nodeShift[node])].first else { return }
                traced.volunteers.append(root.volunteer)
                if root.volunteer == traced.taker {
                    traced.takerSeen = true
                    traced.takerIsRoot = true
                    traced.takerAdded.append(nodeShift[node])
                }
                return
            }
            let a = Int(via[l][x])
            let previous = Int(predecessor[l][x])
            let mover = nodeVolunteer[previous % n]
            if arcBlocker[a] >= 0 { traced.blockerLeavers.append(mover) }
            if mover == traced.taker { traced.takerAdded.append(nodeShift[node]) }
            (l, x) = (l - 1, previous)
        }
    }

    /// Whether arc `a` may extend the traced path: its pair is not pushed out twice, nobody who
    /// left a blocker comes back, and a taker who comes back still fits the shift.
    func admits(_ state: SearchState, _ a: Int) -> Bool {
        let j = arcTarget[a]
        guard !traced.nodes.contains(j), !traced.blockerLeavers.contains(nodeVolunteer[Int(j)]) else { return false }
        guard allowsRevisits || !traced.volunteers.contains(nodeVolunteer[Int(j)]) else { return false }
        guard traced.takerSeen else { return true }
        return arcBlocker[a] < 0 && fitsTraced(state, Int(nodeShift[Int(j)]))
    }

    /// Whether the traced taker, with the path's changes to their schedule, can take `s`.
    private func fitsTraced(_ state: SearchState, _ s: Int) -> Bool {
        let model = state.model
        let w = Int(traced.taker)
        let s32 = Int32(s)
        guard !traced.takerAdded.contains(s32) else { return false }
        var load = state.load[w] + model.duration(s)
        for a in state.byVolunteer[w] {
            if traced.takerRemoved.contains(a) {
                load -= model.duration(Int(a))
            } else if a == s32 || !model.compatible(Int(a), s) {
                return false
            }
        }
        for a in traced.takerAdded {
            guard model.compatible(Int(a), s) else { return false }
            load += model.duration(Int(a))
        }
        return load <= model.vMaxMillis[w]
    }

    /// What the traced taker's fairness changes by when the chain ends with them dropping out:
    /// from the count the chain has charged so far to the count they end with.
    func tracedDropCost(_ state: SearchState) -> Int {
        let count = state.byVolunteer[Int(traced.taker)].count
        let charged = count + (traced.takerIsRoot ? 1 : 0)
        let final = count + traced.takerAdded.count - traced.takerRemoved.count
        return state.model.weights.fairness * (final * final - charged * charged)
    }
}
