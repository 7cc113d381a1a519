import LianjianDomain
import Testing

@Suite("Companion groups")
struct CompanionGroupsTests {
    let rule = CompanionGroups(ratio: 3, overrides: ["mobility_aid": 1])

    func people(_ spec: [(String, String, [String])]) -> [CompanionGroups.Participant] {
        spec.map { .init(id: $0.0, building: $0.1, needs: $0.2) }
    }

    @Test func aMobilityAidGetsACompanionOfTheirOwn() {
        let p = people([("r1", "1号楼", ["mobility_aid"]), ("r2", "1号楼", []), ("r3", "1号楼", []), ("r4", "1号楼", [])])
        let r = rule.assign(companions: ["a", "b"], participants: p)
        #expect(r.groups["a"] == ["r1"])
        #expect(r.groups["b"] == ["r2", "r3", "r4"])
        #expect(r.unassigned.isEmpty)
    }

    @Test func residentsOfOneBuildingStayTogether() {
        let p = people([("x1", "1号楼", []), ("y1", "2号楼", []), ("x2", "1号楼", []), ("y2", "2号楼", []), ("x3", "1号楼", []), ("y3", "2号楼", [])])
        let r = rule.assign(companions: ["a", "b"], participants: p)
        #expect(Set(r.groups.values.map { Set($0) }) == [["x1", "x2", "x3"], ["y1", "y2", "y3"]])
    }

    @Test func lastTimesPairingsAreKept() {
        let p = people([("x1", "1号楼", []), ("x2", "1号楼", []), ("m", "2号楼", ["mobility_aid"])])
        let r = rule.assign(companions: ["a", "b", "c"], participants: p, previous: ["x1": "c", "x2": "c", "m": "b"])
        #expect(r.groups["c"] == ["x1", "x2"] && r.groups["b"] == ["m"] && r.groups["a"] == [])
    }

    @Test func tooFewCompanionsLeavesResidentsListed() {
        let p = people((1...7).map { ("r\($0)", "1号楼", [String]()) })
        let r = rule.assign(companions: ["a", "b"], participants: p)
        #expect(r.groups.values.map(\.count).sorted() == [3, 3])
        #expect(r.unassigned == ["r7"])
    }
}
