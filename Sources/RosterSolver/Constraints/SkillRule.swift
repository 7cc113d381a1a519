/// Rule 1: the shift's skill is one of the volunteer's skills.
public struct SkillRule: HardRule {
    public let name = "skill"
    public init() {}

    public func violations(in model: Model, _ roster: AssignmentSet) -> [Violation] {
        roster.orderedDistinct.filter { !model.hasSkill(Int($0.volunteer), Int($0.shift)) }.map { p in
            let skill = model.problem.shifts[Int(p.shift)].skill
            return model.violation(name, Int(p.volunteer), [Int(p.shift)], "lacks the skill \"\(skill)\"")
        }
    }
}
