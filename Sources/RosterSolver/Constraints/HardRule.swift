/// A hard constraint of the roster format: a roster that breaks one is invalid.
///
/// Each rule is small and named after the spec's list, so `check` can say which rule
/// a roster broke and for whom.
public protocol HardRule: Sendable {
    /// The rule's name as `check` prints it, e.g. `skill`.
    var name: String { get }
    /// Every violation of this rule in the assignments.
    func violations(in model: Model, _ roster: AssignmentSet) -> [Violation]
}

/// One broken hard constraint, with the ids involved.
public struct Violation: Sendable, Equatable, Codable, CustomStringConvertible {
    public var rule: String
    public var volunteer: String?
    public var shifts: [String]
    public var message: String

    public init(rule: String, volunteer: String?, shifts: [String], message: String) {
        self.rule = rule
        self.volunteer = volunteer
        self.shifts = shifts
        self.message = message
    }

    public var description: String {
        let who = volunteer.map { "volunteer \($0)" } ?? ""
        let what = shifts.isEmpty ? "" : "shift \(shifts.joined(separator: ", "))"
        return "[\(rule)] " + [who, what].filter { !$0.isEmpty }.joined(separator: " on ") + ": \(message)"
    }
}

/// The seven hard rules of `roster-problem/1`, in the spec's order.
public let allHardRules: [any HardRule] = [
    SkillRule(), AvailabilityRule(), OverlapRule(), LoadRule(), CapacityRule(), UnitsRule(), PinnedRule(),
]

/// Assignments indexed for the rules: the raw list (duplicates kept) and per-volunteer/per-shift views.
public struct AssignmentSet: Sendable {
    /// Every pair as given, duplicates included.
    let raw: [PairKey]
    /// Distinct shifts of each volunteer, sorted by start.
    let byVolunteer: [[Int]]
    let distinct: Set<PairKey>

    init(_ pairs: [PairKey], model: Model) {
        raw = pairs
        distinct = Set(pairs)
        var byVolunteer = Array(repeating: [Int](), count: model.volunteerCount)
        for p in distinct { byVolunteer[Int(p.volunteer)].append(Int(p.shift)) }
        self.byVolunteer = byVolunteer.map { $0.sorted { (model.sStart[$0], $0) < (model.sStart[$1], $1) } }
    }

    /// Distinct pairs in a stable order (by volunteer, then shift start).
    var orderedDistinct: [PairKey] {
        byVolunteer.enumerated().flatMap { v, shifts in shifts.map { PairKey(volunteer: Int32(v), shift: Int32($0)) } }
    }
}

extension Model {
    func violation(_ rule: String, _ v: Int?, _ shifts: [Int], _ message: String) -> Violation {
        Violation(
            rule: rule, volunteer: v.map { problem.volunteers[$0].id },
            shifts: shifts.map { problem.shifts[$0].id }, message: message)
    }
}
