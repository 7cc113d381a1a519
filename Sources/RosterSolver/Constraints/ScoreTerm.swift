/// A soft term of the score; the roster's score is the sum of the four terms.
public protocol ScoreTerm: Sendable {
    var name: String { get }
    /// The term's weighted penalty for the distinct assignments.
    func penalty(in model: Model, _ roster: AssignmentSet) -> Int
}

extension Model {
    /// Recomputes every score term from scratch for a set of assignments.
    public func score(_ roster: AssignmentSet) -> Score {
        Score(
            unfilled: UnfilledTerm().penalty(in: self, roster),
            away: AwayTerm().penalty(in: self, roster),
            fairness: FairnessTerm().penalty(in: self, roster),
            change: ChangeTerm().penalty(in: self, roster))
    }
}

/// `weights.unfilled` × Σ over shifts of priority × (required − assigned).
public struct UnfilledTerm: ScoreTerm {
    public let name = "unfilled"
    public init() {}

    public func penalty(in model: Model, _ roster: AssignmentSet) -> Int {
        model.weights.unfilled * model.missing(roster).enumerated().reduce(0) { $0 + model.sPriority[$1.offset] * $1.element }
    }
}

/// `weights.away` × assignments outside the volunteer's own community.
public struct AwayTerm: ScoreTerm {
    public let name = "away"
    public init() {}

    public func penalty(in model: Model, _ roster: AssignmentSet) -> Int {
        model.weights.away * roster.distinct.filter { model.isAway(Int($0.volunteer), Int($0.shift)) }.count
    }
}

/// `weights.fairness` × Σ over volunteers of (shifts assigned)².
public struct FairnessTerm: ScoreTerm {
    public let name = "fairness"
    public init() {}

    public func penalty(in model: Model, _ roster: AssignmentSet) -> Int {
        model.weights.fairness * roster.byVolunteer.reduce(0) { $0 + $1.count * $1.count }
    }
}

/// `weights.change` × previous pairs not in the roster.
public struct ChangeTerm: ScoreTerm {
    public let name = "change"
    public init() {}

    public func penalty(in model: Model, _ roster: AssignmentSet) -> Int {
        model.weights.change * model.previous.subtracting(roster.distinct).count
    }
}

extension Model {
    /// Positions still open on each shift (never negative).
    func missing(_ roster: AssignmentSet) -> [Int] {
        var counts = Array(repeating: 0, count: shiftCount)
        for p in roster.distinct { counts[Int(p.shift)] += 1 }
        return zip(sRequired, counts).map { max(0, $0 - $1) }
    }
}
