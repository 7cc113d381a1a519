/// Rule 6: on a shift that lists `units`, every volunteer belongs to one of them.
public struct UnitsRule: HardRule {
    public let name = "units"
    public init() {}

    public func violations(in model: Model, _ roster: AssignmentSet) -> [Violation] {
        roster.orderedDistinct.filter { !model.unitAllowed(Int($0.volunteer), Int($0.shift)) }.map { p in
            let unit = model.problem.volunteers[Int(p.volunteer)].unit
            let reason = unit.map { "unit \"\($0)\" is not among the shift's units" } ?? "has no unit"
            return model.violation(name, Int(p.volunteer), [Int(p.shift)], reason)
        }
    }
}
