/// A roster under construction, with every score term maintained incrementally.
///
/// `add` and `remove` keep ``cost`` equal to the full score; `addDelta` and
/// `removeDelta` give the change without applying it. Feasibility is checked
/// against the dynamic hard rules (overlap with travel, load, capacity); the
/// static ones (skill, availability, units) hold because candidates come only
/// from ``Candidates``.
struct SearchState {
    let model: Model
    let candidates: Candidates
    private(set) var byVolunteer: [[Int32]]
    private(set) var byShift: [[Int32]]
    private(set) var load: [Int64]
    /// The full score of the current roster.
    private(set) var cost: Int
    let pinned: Set<PairKey>
    /// Shifts with open positions.
    private(set) var open: IndexSet32
    /// Counts changes; each volunteer and shift remembers the count at its last change, so a
    /// neighbourhood that nothing touched since it was last optimised can be skipped.
    private(set) var changes = 0
    private(set) var volunteerChanged: [Int]
    private(set) var shiftChanged: [Int]

    init(model: Model, candidates: Candidates) {
        self.model = model
        self.candidates = candidates
        byVolunteer = Array(repeating: [], count: model.volunteerCount)
        byShift = Array(repeating: [], count: model.shiftCount)
        load = Array(repeating: 0, count: model.volunteerCount)
        cost = model.emptyScore
        pinned = Set(model.pinned)
        open = IndexSet32(capacity: model.shiftCount)
        for s in 0..<model.shiftCount { open.insert(Int32(s)) }
        volunteerChanged = Array(repeating: 0, count: model.volunteerCount)
        shiftChanged = Array(repeating: 0, count: model.shiftCount)
    }

    // MARK: - Queries

    func contains(_ v: Int, _ s: Int) -> Bool { byShift[s].contains(Int32(v)) }
    func isFull(_ s: Int) -> Bool { byShift[s].count >= model.sRequired[s] }
    func isPinned(_ v: Int, _ s: Int) -> Bool { !pinned.isEmpty && pinned.contains(PairKey(volunteer: Int32(v), shift: Int32(s))) }

    /// Whether `v` can take `s` now: capacity, load and overlap (static rules are assumed).
    func canAdd(_ v: Int, _ s: Int) -> Bool {
        !isFull(s) && fitsVolunteer(v, s, ignoring: -1) && !contains(v, s)
    }

    /// Load and overlap for `v` taking `s`, as if shift `ignored` were not theirs.
    func fitsVolunteer(_ v: Int, _ s: Int, ignoring ignored: Int) -> Bool {
        var total = load[v] + model.duration(s)
        if ignored >= 0 { total -= model.duration(ignored) }
        guard total <= model.vMaxMillis[v] else { return false }
        for a in byVolunteer[v] where Int(a) != ignored && !model.compatible(Int(a), s) { return false }
        return true
    }

    /// The only shift of `v` that stops it taking `s`, if exactly one does and removing it is enough.
    func singleBlocker(_ v: Int, _ s: Int) -> Int? {
        var blocker = -1
        for a in byVolunteer[v] where !model.compatible(Int(a), s) {
            if blocker >= 0 { return nil }
            blocker = Int(a)
        }
        if blocker < 0 {
            // Blocked by load only: drop the longest non-pinned shift that makes room.
            let need = load[v] + model.duration(s) - model.vMaxMillis[v]
            guard need > 0 else { return nil }
            for a32 in byVolunteer[v] where model.duration(Int(a32)) >= need && !isPinned(v, Int(a32)) {
                let a = Int(a32)
                if blocker < 0 || model.duration(a) < model.duration(blocker) { blocker = a }
            }
            return blocker >= 0 ? blocker : nil
        }
        guard !isPinned(v, blocker), fitsVolunteer(v, s, ignoring: blocker) else { return nil }
        return blocker
    }

    // MARK: - Deltas

    func addDelta(_ v: Int, _ s: Int) -> Int {
        model.pairCost(v, s) + model.weights.fairness * (2 * byVolunteer[v].count + 1)
    }

    func removeDelta(_ v: Int, _ s: Int) -> Int {
        -model.pairCost(v, s) - model.weights.fairness * (2 * byVolunteer[v].count - 1)
    }

    // MARK: - Changes

    mutating func add(_ v: Int, _ s: Int) {
        cost += addDelta(v, s)
        byVolunteer[v].append(Int32(s))
        byShift[s].append(Int32(v))
        load[v] += model.duration(s)
        if isFull(s) { open.remove(Int32(s)) }
        stamp(v, s)
    }

    mutating func remove(_ v: Int, _ s: Int) {
        cost += removeDelta(v, s)
        if let i = byVolunteer[v].firstIndex(of: Int32(s)) { byVolunteer[v].swapAt(i, byVolunteer[v].count - 1); byVolunteer[v].removeLast() }
        if let i = byShift[s].firstIndex(of: Int32(v)) { byShift[s].swapAt(i, byShift[s].count - 1); byShift[s].removeLast() }
        load[v] -= model.duration(s)
        open.insert(Int32(s))
        stamp(v, s)
    }

    private mutating func stamp(_ v: Int, _ s: Int) {
        changes += 1
        volunteerChanged[v] = changes
        shiftChanged[s] = changes
    }

    /// Puts back change marks saved before a change that was undone.
    mutating func restoreMarks(volunteers: [(Int, Int)], shifts: [(Int, Int)]) {
        for (v, mark) in volunteers { volunteerChanged[v] = mark }
        for (s, mark) in shifts { shiftChanged[s] = mark }
    }

    /// The assignments, ordered by shift then volunteer index.
    var pairs: [PairKey] {
        byShift.enumerated().flatMap { s, vs in vs.sorted().map { PairKey(volunteer: $0, shift: Int32(s)) } }
    }
}

/// A set of small integers with O(1) insert, remove and random pick.
struct IndexSet32 {
    private(set) var items: [Int32] = []
    private var position: [Int32]

    init(capacity: Int) { position = Array(repeating: -1, count: capacity) }

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    func contains(_ x: Int32) -> Bool { position[Int(x)] >= 0 }

    mutating func insert(_ x: Int32) {
        guard position[Int(x)] < 0 else { return }
        position[Int(x)] = Int32(items.count)
        items.append(x)
    }

    mutating func remove(_ x: Int32) {
        let p = Int(position[Int(x)])
        guard p >= 0 else { return }
        let last = items.removeLast()
        if p < items.count {
            items[p] = last
            position[Int(last)] = Int32(p)
        }
        position[Int(x)] = -1
    }
}
