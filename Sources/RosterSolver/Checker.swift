/// Validates a roster against its problem, as `lianjian check` does.
public struct Checker: Sendable {
    public let model: Model

    public init(problem: Problem) { self.model = Model(problem) }
    public init(model: Model) { self.model = model }

    /// The outcome of checking a roster.
    public struct Report: Sendable {
        /// Broken hard rules and false claims (unknown ids, wrong score, wrong unfilled list).
        public var violations: [Violation]
        /// The score recomputed from the assignments.
        public var score: Score
        public var isValid: Bool { violations.isEmpty }
    }

    /// Checks hard rules and recomputes every claim the roster makes.
    public func check(_ roster: Roster) -> Report {
        var violations: [Violation] = []
        if roster.format != Roster.formatTag {
            violations.append(Violation(rule: "format", volunteer: nil, shifts: [], message: "format must be \"\(Roster.formatTag)\""))
        }
        var pairs: [PairKey] = []
        for p in roster.assignments {
            guard let s = model.shiftIndex[p.shift], let v = model.volunteerIndex[p.volunteer] else {
                violations.append(Violation(
                    rule: "reference", volunteer: p.volunteer, shifts: [p.shift], message: "unknown shift or volunteer"))
                continue
            }
            pairs.append(PairKey(volunteer: Int32(v), shift: Int32(s)))
        }
        let set = AssignmentSet(pairs, model: model)
        for rule in allHardRules { violations += rule.violations(in: model, set) }
        let score = model.score(set)
        violations += claimViolations(roster, set: set, score: score)
        return Report(violations: violations, score: score)
    }

    private func claimViolations(_ roster: Roster, set: AssignmentSet, score: Score) -> [Violation] {
        var found: [Violation] = []
        func claim(_ message: String, shifts: [String] = []) {
            found.append(Violation(rule: "claim", volunteer: nil, shifts: shifts, message: message))
        }
        let claimed = roster.score
        for (name, got, want) in [("unfilled", claimed.unfilled, score.unfilled), ("away", claimed.away, score.away),
                                  ("fairness", claimed.fairness, score.fairness), ("change", claimed.change, score.change),
                                  ("total", claimed.total, score.total)] where got != want {
            claim("score.\(name) is \(got), recomputed \(want)")
        }
        let missing = model.missing(set)
        var listed: [String: Int] = [:]
        for u in roster.unfilled {
            if listed.updateValue(u.missing, forKey: u.shift) != nil { claim("unfilled lists the shift twice", shifts: [u.shift]) }
        }
        for (s, count) in missing.enumerated() {
            let id = model.problem.shifts[s].id
            if listed[id] != (count > 0 ? count : nil) {
                claim("unfilled says \(listed[id] ?? 0) missing, recomputed \(count)", shifts: [id])
            }
        }
        for id in listed.keys where model.shiftIndex[id] == nil { claim("unfilled names an unknown shift", shifts: [id]) }
        if let bound = roster.lowerBound, bound > score.total {
            claim("lower_bound \(bound) is above the roster's total \(score.total)")
        }
        return found
    }
}
