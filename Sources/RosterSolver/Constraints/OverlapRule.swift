/// Rule 3: a volunteer's shifts do not overlap, with `travel_minutes` between communities.
public struct OverlapRule: HardRule {
    public let name = "overlap"
    public init() {}

    public func violations(in model: Model, _ roster: AssignmentSet) -> [Violation] {
        var found: [Violation] = []
        for (v, shifts) in roster.byVolunteer.enumerated() {
            for i in shifts.indices {
                for j in shifts.index(after: i)..<shifts.endIndex {
                    let (a, b) = (shifts[i], shifts[j])
                    // Sorted by start: nothing later can conflict with a once b starts after a's end plus travel.
                    if model.sStart[b] >= model.sEnd[a] + model.travelMillis, model.sStart[b] > model.sStart[a] { break }
                    if !model.compatible(a, b) {
                        let travel = model.sCommunity[a] != model.sCommunity[b]
                        found.append(model.violation(
                            name, v, [a, b], travel ? "shifts overlap once travel time is added" : "shifts overlap"))
                    }
                }
            }
        }
        return found
    }
}
