/// Rule 7: every pinned pair is in the roster.
public struct PinnedRule: HardRule {
    public let name = "pinned"
    public init() {}

    public func violations(in model: Model, _ roster: AssignmentSet) -> [Violation] {
        model.pinned.filter { !roster.distinct.contains($0) }.map { p in
            model.violation(name, Int(p.volunteer), [Int(p.shift)], "pinned pair is missing")
        }
    }
}
