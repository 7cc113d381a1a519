import RosterSolver
import Testing

@Suite("Score terms, exact")
struct ScoreTermTests {
    let weights = Weights(unfilled: 1000, away: 5, fairness: 1, change: 50)

    @Test func unfilledWeighsPriority() {
        let p = problem([vol("v1")], [shift("s1", 9, 10, required: 3, priority: 2), shift("s2", 11, 12, priority: 0)], weights: weights)
        #expect(roster(p, [("s1", "v1")]).score.unfilled == 1000 * 2 * 2)
    }

    @Test func awayCountsOtherCommunities() {
        let p = problem([vol("v1", community: "c-1"), vol("v2", community: "c-2")], [shift("s1", 9, 10, required: 2)], weights: weights)
        #expect(roster(p, [("s1", "v1"), ("s1", "v2")]).score.away == 5)
    }

    @Test func fairnessIsSumOfSquares() {
        let p = problem([vol("v1"), vol("v2")], [shift("a", 9, 10), shift("b", 10, 11), shift("c", 11, 12)], weights: weights)
        #expect(roster(p, [("a", "v1"), ("b", "v1"), ("c", "v2")]).score.fairness == 4 + 1)
    }

    @Test func changeCountsDistinctPreviousPairsLost() {
        let previous = [Pair(shift: "a", volunteer: "v1"), Pair(shift: "a", volunteer: "v1"), Pair(shift: "b", volunteer: "v2")]
        let p = problem([vol("v1"), vol("v2")], [shift("a", 9, 10), shift("b", 10, 11)], weights: weights, previous: previous)
        #expect(roster(p, [("a", "v1")]).score.change == 50)
        #expect(roster(p, []).score.change == 100, "a pair listed twice counts once")
    }

    @Test func totalIsTheSum() {
        let p = problem([vol("v1", community: "c-2")], [shift("a", 9, 10, required: 2)], weights: weights, previous: [Pair(shift: "a", volunteer: "v9")].filter { _ in false })
        let s = roster(p, [("a", "v1")]).score
        #expect(s == Score(unfilled: 1000, away: 5, fairness: 1, change: 0))
        #expect(s.total == 1006)
    }
}
