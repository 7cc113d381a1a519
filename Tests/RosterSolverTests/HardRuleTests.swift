import RosterSolver
import Testing

@Suite("Hard rules, each alone")
struct HardRuleTests {
    @Test func skillMissing() {
        let p = problem([vol("v1", skills: ["driver"])], [shift("s1", 9, 10)])
        let found = violations(p, [("s1", "v1")], rule: "skill")
        #expect(found == [Violation(rule: "skill", volunteer: "v1", shifts: ["s1"], message: "lacks the skill \"companion\"")])
        #expect(violations(problem([vol("v1")], [shift("s1", 9, 10)]), [("s1", "v1")], rule: "skill").isEmpty)
    }

    @Test func availabilityMustFitOneInterval() {
        var v = vol("v1")
        v.available = [Interval(start: at(8), end: at(13)), Interval(start: at(13), end: at(18))]
        let p = problem([v], [shift("s1", 12, 14), shift("s2", 13, 18)])
        #expect(violations(p, [("s1", "v1")], rule: "availability").map(\.shifts) == [["s1"]])
        #expect(violations(p, [("s2", "v1")], rule: "availability").isEmpty)
    }

    @Test func overlapSameCommunityMayTouch() {
        let p = problem([vol("v1")], [shift("a", 9, 10), shift("b", 10, 11), shift("c", 10, 12, startMinute: 30)])
        #expect(violations(p, [("a", "v1"), ("b", "v1")], rule: "overlap").isEmpty)
        #expect(violations(p, [("b", "v1"), ("c", "v1")], rule: "overlap").count == 1)
    }

    @Test func overlapSameStartAlwaysConflicts() {
        let p = problem([vol("v1", skills: ["companion", "driver"])], [shift("a", 9, 10), shift("b", 9, 11, skill: "driver")])
        #expect(violations(p, [("a", "v1"), ("b", "v1")], rule: "overlap").count == 1)
    }

    @Test func travelBetweenCommunities() {
        let p = problem(
            [vol("v1")],
            [shift("a", 9, 10), shift("b", 10, 11, startMinute: 30, endMinute: 30, community: "c-2"),
             shift("c", 10, 11, startMinute: 29, community: "c-2")])
        #expect(violations(p, [("a", "v1"), ("b", "v1")], rule: "overlap").isEmpty, "a gap of exactly travel is allowed")
        #expect(violations(p, [("a", "v1"), ("c", "v1")], rule: "overlap").map(\.shifts) == [["a", "c"]])
    }

    @Test func loadIsComparedExactly() {
        let p = problem([vol("v1", max: 120)], [shift("a", 9, 10), shift("b", 11, 12), shift("c", 13, 13, endMinute: 1)])
        #expect(violations(p, [("a", "v1"), ("b", "v1")], rule: "load").isEmpty)
        #expect(violations(p, [("a", "v1"), ("b", "v1"), ("c", "v1")], rule: "load").count == 1)
    }

    @Test func capacityAndDuplicates() {
        let p = problem([vol("v1"), vol("v2")], [shift("s1", 9, 10)])
        #expect(violations(p, [("s1", "v1"), ("s1", "v2")], rule: "capacity").map(\.message) == ["2 volunteers, but required is 1"])
        #expect(violations(p, [("s1", "v1"), ("s1", "v1")], rule: "capacity").map(\.message) == ["assigned more than once"])
    }

    @Test func unitsRestrictAndNoUnitCannotServe() {
        let p = problem([vol("v1", unit: "u-a"), vol("v2", unit: "u-b"), vol("v3", unit: nil)], [shift("s1", 9, 10, required: 3, units: ["u-a"]), shift("s2", 11, 12)])
        #expect(violations(p, [("s1", "v1"), ("s1", "v2"), ("s1", "v3")], rule: "units").map(\.volunteer) == ["v2", "v3"])
        #expect(violations(p, [("s2", "v3")], rule: "units").isEmpty, "an empty units list means no restriction")
    }

    @Test func pinnedMustBeKept() {
        let p = problem([vol("v1")], [shift("s1", 9, 10)], pinned: [Pair(shift: "s1", volunteer: "v1")])
        #expect(violations(p, [], rule: "pinned").count == 1)
        #expect(violations(p, [("s1", "v1")], rule: "pinned").isEmpty)
    }

    @Test func falseClaimsAreCaught() {
        let p = problem([vol("v1")], [shift("s1", 9, 10, required: 2)])
        var r = roster(p, [("s1", "v1")])
        #expect(Checker(problem: p).check(r).isValid)
        r.score.total += 1
        r.unfilled = []
        r.lowerBound = 10_000
        let messages = Checker(problem: p).check(r).violations.map(\.message)
        #expect(messages.contains("score.total is \(r.score.total), recomputed \(r.score.total - 1)"))
        #expect(messages.contains("unfilled says 0 missing, recomputed 1"))
        #expect(messages.contains { $0.hasPrefix("lower_bound 10000") })
    }
}
