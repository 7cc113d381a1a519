/// A problem compiled into dense integer indices, shared by the rules, the checker and the search.
///
/// Volunteers and shifts are numbered in file order; strings (communities, skills, units)
/// become small integers; times are milliseconds since the epoch.
public struct Model: Sendable {
    public let problem: Problem
    public var volunteerCount: Int { vCommunity.count }
    public var shiftCount: Int { sStart.count }

    let vCommunity: [Int32]
    let vUnit: [Int32]  // -1: no unit
    let vSkills: [[Int32]]
    let vAvailable: [[(start: Int64, end: Int64)]]  // sorted by start
    let vMaxMillis: [Int64]

    let sStart: [Int64]
    let sEnd: [Int64]
    let sCommunity: [Int32]
    let sSkill: [Int32]
    let sRequired: [Int]
    let sPriority: [Int]
    let sUnits: [[Int32]]  // empty: any unit
    let travelMillis: Int64
    let weights: Weights

    let shiftIndex: [String: Int]
    let volunteerIndex: [String: Int]
    /// Distinct previous pairs as (volunteer, shift).
    let previous: Set<PairKey>
    /// The same pairs per volunteer: the search asks for them millions of times, and a short
    /// array scan is cheaper than hashing.
    let previousShifts: [[Int32]]
    /// Distinct pinned pairs as (volunteer, shift), in file order.
    let pinned: [PairKey]

    /// Compiles a validated problem.
    public init(_ problem: Problem) {
        self.problem = problem
        var names = Interner()
        vCommunity = problem.volunteers.map { names.id("c:" + $0.community) }
        vUnit = problem.volunteers.map { $0.unit.map { names.id("u:" + $0) } ?? -1 }
        vSkills = problem.volunteers.map { Array(Set($0.skills.map { names.id("k:" + $0) })).sorted() }
        vAvailable = problem.volunteers.map { v in
            v.available.map { ($0.start.epochMillis, $0.end.epochMillis) }.sorted { $0.start < $1.start }
        }
        vMaxMillis = problem.volunteers.map { Int64($0.maxMinutes) * 60_000 }
        sStart = problem.shifts.map(\.start.epochMillis)
        sEnd = problem.shifts.map(\.end.epochMillis)
        sCommunity = problem.shifts.map { names.id("c:" + $0.community) }
        sSkill = problem.shifts.map { names.id("k:" + $0.skill) }
        sRequired = problem.shifts.map(\.required)
        sPriority = problem.shifts.map(\.priority)
        sUnits = problem.shifts.map { s in Array(Set(s.units.map { names.id("u:" + $0) })).sorted() }
        travelMillis = Int64(problem.travelMinutes) * 60_000
        weights = problem.weights
        shiftIndex = Dictionary(problem.shifts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        volunteerIndex = Dictionary(
            problem.volunteers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let index = (shiftIndex, volunteerIndex)
        func key(_ p: Pair) -> PairKey? {
            guard let s = index.0[p.shift], let v = index.1[p.volunteer] else { return nil }
            return PairKey(volunteer: Int32(v), shift: Int32(s))
        }
        previous = Set(problem.previous.compactMap(key))
        var previousShifts = Array(repeating: [Int32](), count: problem.volunteers.count)
        for p in previous { previousShifts[Int(p.volunteer)].append(p.shift) }
        self.previousShifts = previousShifts
        var seen = Set<PairKey>()
        pinned = problem.pinned.compactMap(key).filter { seen.insert($0).inserted }
    }

    // MARK: - Static rules (skill, availability, units)

    func hasSkill(_ v: Int, _ s: Int) -> Bool { vSkills[v].contains(sSkill[s]) }

    func isAvailable(_ v: Int, _ s: Int) -> Bool {
        let (start, end) = (sStart[s], sEnd[s])
        for a in vAvailable[v] {
            if a.start > start { return false }
            if a.end >= end { return true }
        }
        return false
    }

    func unitAllowed(_ v: Int, _ s: Int) -> Bool {
        sUnits[s].isEmpty || (vUnit[v] >= 0 && sUnits[s].contains(vUnit[v]))
    }

    /// Skill, availability and units: the rules that do not depend on other assignments.
    func isEligible(_ v: Int, _ s: Int) -> Bool { hasSkill(v, s) && unitAllowed(v, s) && isAvailable(v, s) }

    // MARK: - Pairwise and per-pair quantities

    /// Whether one volunteer can work both shifts (rule 3: no overlap, with travel).
    func compatible(_ a: Int, _ b: Int) -> Bool {
        if sStart[a] == sStart[b] { return false }
        let (first, second) = sStart[a] < sStart[b] ? (a, b) : (b, a)
        let gap = sCommunity[first] == sCommunity[second] ? 0 : travelMillis
        return sStart[second] >= sEnd[first] + gap
    }

    func duration(_ s: Int) -> Int64 { sEnd[s] - sStart[s] }

    func isAway(_ v: Int, _ s: Int) -> Bool { vCommunity[v] != sCommunity[s] }

    /// The cost of a pair apart from fairness: a filled position, an away assignment, a kept previous pair.
    func pairCost(_ v: Int, _ s: Int) -> Int {
        var cost = -weights.unfilled * sPriority[s]
        if isAway(v, s) { cost += weights.away }
        if previousShifts[v].contains(Int32(s)) { cost -= weights.change }
        return cost
    }

    /// The score of a roster with no assignments at all.
    var emptyScore: Int {
        weights.unfilled * zip(sRequired, sPriority).reduce(0) { $0 + $1.0 * $1.1 } + weights.change * previous.count
    }
}

/// A (volunteer, shift) pair by index.
struct PairKey: Hashable, Sendable {
    var volunteer: Int32
    var shift: Int32
}

/// Gives each distinct string a small integer.
private struct Interner {
    private var ids: [String: Int32] = [:]

    mutating func id(_ name: String) -> Int32 {
        if let id = ids[name] { return id }
        let id = Int32(ids.count)
        ids[name] = id
        return id
    }
}

// MARK: - Public queries for tools built on the solver (generators, baselines)

extension Model {
    /// Skill, availability and units hold for the pair.
    public func staticallyEligible(_ volunteer: Int, _ shift: Int) -> Bool { isEligible(volunteer, shift) }
    /// One volunteer can work both shifts (overlap with travel).
    public func shiftsCompatible(_ a: Int, _ b: Int) -> Bool { compatible(a, b) }
    /// The shift's length in milliseconds.
    public func shiftDuration(_ s: Int) -> Int64 { duration(s) }
}
