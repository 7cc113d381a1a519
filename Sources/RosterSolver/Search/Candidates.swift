/// Who may take which shift by the static rules (skill, availability, units).
struct Candidates: Sendable {
    /// Eligible volunteers of each shift, best pair cost first.
    let volunteers: [[Int32]]
    /// Eligible shifts of each volunteer.
    let shifts: [[Int32]]
    /// All shifts ordered by start time, for moves that work on a time window.
    let byStart: [Int32]

    init(model: Model) {
        var bySkill: [Int32: [Int32]] = [:]
        for v in 0..<model.volunteerCount {
            for k in model.vSkills[v] { bySkill[k, default: []].append(Int32(v)) }
        }
        var volunteers = Array(repeating: [Int32](), count: model.shiftCount)
        var shifts = Array(repeating: [Int32](), count: model.volunteerCount)
        for s in 0..<model.shiftCount {
            let pool = bySkill[model.sSkill[s]] ?? []
            // Each pair's cost is computed once, then sorted (cost, index) pairs: no lookups in the comparator.
            var keyed = pool.compactMap { v -> (Int, Int32)? in
                model.unitAllowed(Int(v), s) && model.isAvailable(Int(v), s) ? (model.pairCost(Int(v), s), v) : nil
            }
            keyed.sort { $0 < $1 }
            let list = keyed.map(\.1)
            for v in list { shifts[Int(v)].append(Int32(s)) }
            volunteers[s] = list
        }
        self.volunteers = volunteers
        self.shifts = shifts
        byStart = (0..<model.shiftCount).sorted { (model.sStart[$0], $0) < (model.sStart[$1], $1) }.map { Int32($0) }
    }

    /// Number of eligible pairs.
    var pairCount: Int { volunteers.reduce(0) { $0 + $1.count } }
}
