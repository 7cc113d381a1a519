import Foundation

extension Problem {
    /// Decodes and validates a problem from JSON.
    /// - Throws: ``ProblemError`` naming the JSON path and the reason.
    public static func decode(_ data: Data) throws(ProblemError) -> Problem {
        let problem: Problem
        do {
            problem = try JSONDecoder().decode(Problem.self, from: data)
        } catch let error as DecodingError {
            throw ProblemError.from(error)
        } catch {
            throw ProblemError(.malformed, path: "$", reason: "not valid JSON")
        }
        try problem.validate()
        return problem
    }

    /// Checks every rule of the format that decoding alone does not.
    /// - Throws: the first ``ProblemError`` found, in document order.
    public func validate() throws(ProblemError) {
        func fail(_ path: String, _ reason: String) -> ProblemError { ProblemError(.invalid, path: path, reason: reason) }
        guard format == Self.formatTag else { throw fail("$.format", "must be \"\(Self.formatTag)\"") }
        try Self.check(horizon, at: "$.horizon")
        guard travelMinutes >= 0 else { throw fail("$.travel_minutes", "must be a non-negative integer") }
        for (name, value) in [("unfilled", weights.unfilled), ("away", weights.away),
                              ("fairness", weights.fairness), ("change", weights.change)] where value < 0 {
            throw fail("$.weights.\(name)", "must be a non-negative integer")
        }
        var volunteerIDs = Set<String>()
        for (i, v) in volunteers.enumerated() {
            let path = "$.volunteers[\(i)]"
            guard !v.id.isEmpty else { throw fail("\(path).id", "must not be empty") }
            guard volunteerIDs.insert(v.id).inserted else { throw fail("\(path).id", "duplicate id \"\(v.id)\"") }
            guard v.maxMinutes >= 0 else { throw fail("\(path).max_minutes", "must be a non-negative integer") }
            for (j, a) in v.available.enumerated() { try Self.check(a, at: "\(path).available[\(j)]") }
        }
        var shiftIDs = Set<String>()
        for (i, s) in shifts.enumerated() {
            let path = "$.shifts[\(i)]"
            guard !s.id.isEmpty else { throw fail("\(path).id", "must not be empty") }
            guard shiftIDs.insert(s.id).inserted else { throw fail("\(path).id", "duplicate id \"\(s.id)\"") }
            guard s.end > s.start else { throw fail("\(path).end", "must be after start") }
            guard s.required > 0 else { throw fail("\(path).required", "must be a positive integer") }
            guard s.priority >= 0 else { throw fail("\(path).priority", "must be a non-negative integer") }
        }
        try Self.checkPairs(pinned, named: "pinned", shifts: shiftIDs, volunteers: volunteerIDs)
        try Self.checkPairs(previous, named: "previous", shifts: shiftIDs, volunteers: volunteerIDs)
    }

    private static func check(_ interval: Interval, at path: String) throws(ProblemError) {
        guard interval.end > interval.start else {
            throw ProblemError(.invalid, path: "\(path).end", reason: "must be after start")
        }
    }

    private static func checkPairs(
        _ pairs: [Pair], named name: String, shifts: Set<String>, volunteers: Set<String>
    ) throws(ProblemError) {
        for (i, p) in pairs.enumerated() {
            guard shifts.contains(p.shift) else {
                throw ProblemError(.invalid, path: "$.\(name)[\(i)].shift", reason: "unknown shift \"\(p.shift)\"")
            }
            guard volunteers.contains(p.volunteer) else {
                throw ProblemError(
                    .invalid, path: "$.\(name)[\(i)].volunteer", reason: "unknown volunteer \"\(p.volunteer)\"")
            }
        }
    }
}
