/// Rule 5: a shift gets at most `required` volunteers, each at most once.
public struct CapacityRule: HardRule {
    public let name = "capacity"
    public init() {}

    public func violations(in model: Model, _ roster: AssignmentSet) -> [Violation] {
        var found: [Violation] = []
        var seen = Set<PairKey>()
        for p in roster.raw where !seen.insert(p).inserted {
            found.append(model.violation(name, Int(p.volunteer), [Int(p.shift)], "assigned more than once"))
        }
        var counts = Array(repeating: 0, count: model.shiftCount)
        for p in roster.distinct { counts[Int(p.shift)] += 1 }
        for (s, count) in counts.enumerated() where count > model.sRequired[s] {
            found.append(model.violation(name, nil, [s], "\(count) volunteers, but required is \(model.sRequired[s])"))
        }
        return found
    }
}
