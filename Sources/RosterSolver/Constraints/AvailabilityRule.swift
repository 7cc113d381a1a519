/// Rule 2: the shift lies inside one of the volunteer's available intervals.
public struct AvailabilityRule: HardRule {
    public let name = "availability"
    public init() {}

    public func violations(in model: Model, _ roster: AssignmentSet) -> [Violation] {
        roster.orderedDistinct.filter { !model.isAvailable(Int($0.volunteer), Int($0.shift)) }.map { p in
            model.violation(name, Int(p.volunteer), [Int(p.shift)], "not available for the whole shift")
        }
    }
}
