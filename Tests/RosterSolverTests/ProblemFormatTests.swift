import Foundation
import RosterSolver
import Testing

@Suite("Problem format and validation")
struct ProblemFormatTests {
    static let valid = """
        {"format": "roster-problem/1",
         "horizon": {"start": "2026-12-01T00:00:00+08:00", "end": "2026-12-15T00:00:00+08:00"},
         "travel_minutes": 30, "weights": {"unfilled": 1000, "away": 5, "fairness": 1, "change": 50},
         "volunteers": [{"id": "v-0001", "unit": "u-tcm", "community": "c-longhai", "skills": ["doctor", "companion"],
                         "available": [{"start": "2026-12-05T08:00:00+08:00", "end": "2026-12-05T18:00:00+08:00"}],
                         "max_minutes": 480}],
         "shifts": [{"id": "s-0001", "event": "e-film", "community": "c-xiangyuan", "start": "2026-12-05T13:30:00+08:00",
                     "end": "2026-12-05T17:00:00+08:00", "skill": "companion", "required": 20}],
         "pinned": [{"shift": "s-0001", "volunteer": "v-0001"}]}
        """

    func reject(_ edit: (inout [String: Any]) -> Void) -> ProblemError? {
        var object = try! JSONSerialization.jsonObject(with: Data(Self.valid.utf8)) as! [String: Any]
        edit(&object)
        let data = try! JSONSerialization.data(withJSONObject: object)
        do {
            _ = try Problem.decode(data)
            return nil
        } catch { return error }
    }

    @Test func specExampleDecodesWithDefaults() throws {
        let p = try Problem.decode(Data(Self.valid.utf8))
        #expect(p.shifts[0].priority == 1)
        #expect(p.shifts[0].units.isEmpty)
        #expect(p.previous.isEmpty)
        #expect(p.shifts[0].start.epochMillis == 1_796_448_600_000)  // 2026-12-05T05:30:00Z
    }

    @Test func timestampsNeedAnOffset() {
        #expect(Timestamp("2026-12-05T08:00:00") == nil)
        #expect(Timestamp("2026-12-05T08:00:00Z")?.epochMillis == Timestamp("2026-12-05T16:00:00+08:00")?.epochMillis)
        #expect(Timestamp("2026-02-30T08:00:00Z") == nil)
        #expect(Timestamp("2026-12-05T08:00:00.5+08:00")!.epochMillis % 1000 == 500)
    }

    @Test func errorsNameThePath() {
        func shifts(_ o: inout [String: Any], _ f: (inout [String: Any]) -> Void) {
            var list = o["shifts"] as! [[String: Any]]
            f(&list[0])
            o["shifts"] = list
        }
        #expect(reject { $0["format"] = "roster-problem/2" }?.path == "$.format")
        #expect(reject { $0["volunteers"] = nil }?.path == "$.volunteers")
        #expect(reject { $0["travel_minutes"] = "30" }?.path == "$.travel_minutes")
        #expect(reject { $0["weights"] = ["unfilled": -1, "away": 5, "fairness": 1, "change": 50] }?.path == "$.weights.unfilled")
        #expect(reject { shifts(&$0) { $0["required"] = 0 } }?.path == "$.shifts[0].required")
        #expect(reject { shifts(&$0) { $0["end"] = "2026-12-05T13:30:00+08:00" } }?.path == "$.shifts[0].end")
        #expect(reject { shifts(&$0) { $0["start"] = "yesterday" } }?.path == "$.shifts[0].start")
        #expect(reject { shifts(&$0) { $0["priority"] = -1 } }?.path == "$.shifts[0].priority")
        #expect(reject { $0["pinned"] = [["shift": "s-9", "volunteer": "v-0001"]] }?.path == "$.pinned[0].shift")
        #expect(reject { $0["previous"] = [["shift": "s-0001", "volunteer": "v-9"]] }?.path == "$.previous[0].volunteer")
        #expect(reject { $0["shifts"] = ($0["shifts"] as! [Any]) + ($0["shifts"] as! [Any]) }?.path == "$.shifts[1].id")
    }

    @Test func notJSON() {
        #expect(throws: ProblemError(.malformed, path: "$", reason: "not valid JSON")) { try Problem.decode(Data("{".utf8)) }
    }

    @Test func rosterRoundTrips() throws {
        let r = Roster(assignments: [Pair(shift: "s", volunteer: "v")], unfilled: [.init(shift: "s", missing: 1)],
                       score: Score(unfilled: 1000, away: 0, fairness: 1, change: 0), lowerBound: 900, stats: ["solve_ms": 1])
        let text = String(decoding: r.encoded(), as: UTF8.self)
        #expect(text.contains("\"lower_bound\" : 900"))
        #expect(try Roster.decode(r.encoded()) == r)
    }
}
