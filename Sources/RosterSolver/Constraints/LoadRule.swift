/// Rule 4: a volunteer's total shift duration is at most `max_minutes`.
public struct LoadRule: HardRule {
    public let name = "load"
    public init() {}

    public func violations(in model: Model, _ roster: AssignmentSet) -> [Violation] {
        roster.byVolunteer.enumerated().compactMap { v, shifts in
            let total = shifts.reduce(Int64(0)) { $0 + model.duration($1) }
            guard total > model.vMaxMillis[v] else { return nil }
            let minutes = Double(total) / 60_000
            return model.violation(
                name, v, shifts, "works \(minutes) minutes, more than max_minutes \(model.vMaxMillis[v] / 60_000)")
        }
    }
}
