import Foundation
import Hummingbird
import Testing

/// Declines and confirmations phoned in to the community office (issue 15, item 3).
@Suite("Answers to assignments, by the volunteer or their organiser, with a reason")
struct AnswerTests {
    @Test func anOrganiserRecordsADeclineWithAReason() async throws {
        try await withAPI { api in
            let (community, _, _) = try await RosterTests.setUp(api)
            let id = try await PublishTests.generate(api, community, from: "2026-12-01", to: "2026-12-14")
            #expect(try await api.post("/v1/rosters/\(id)/publish", [:]).status == .ok)
            let pairs = try #require(try await api.get("/v1/rosters/\(id)").json["assignments"] as? [[String: Any]])
            let (volunteer, role) = (pairs[0]["volunteer_id"] as! String, pairs[0]["role_id"] as! String)
            let organiser = api.as(try await api.token(.organiser, community: community))
            let r = try await organiser.post("/v1/volunteers/\(volunteer)/assignments/\(role)/decline", ["reason": "电话请假：家中有事"])
            #expect(r.status == .ok, "\(r.text)")
            let mine = try await PublishTests.assignments(api, volunteer).first { $0["role_id"] as? String == role }
            #expect(mine?["response"] as? String == "declined" && mine?["reason"] as? String == "电话请假：家中有事")
            // Recorded as the organiser's doing.
            let audit = try await api.get("/v1/audit?table=assignment_responses")
            #expect(audit.text.contains("(organiser)"), "\(audit.text.prefix(400))")
            // Another community's organiser cannot answer for them, and a volunteer may give a reason too.
            let other = try await api.community("zhuzhai", name: "朱寨社区")
            let stranger = api.as(try await api.token(.organiser, community: other))
            #expect(try await stranger.post("/v1/volunteers/\(volunteer)/assignments/\(role)/confirm", [:]).status == .notFound)
            let me = api.as(try await api.token(.volunteer, volunteer: volunteer))
            let back = try await me.post("/v1/volunteers/\(volunteer)/assignments/\(role)/confirm", ["reason": "事情办完了，可以来"])
            #expect(back.status == .ok, "\(back.text)")
            let long = try await me.post("/v1/volunteers/\(volunteer)/assignments/\(role)/confirm", ["reason": String(repeating: "长", count: 501)])
            #expect(long.status == .unprocessableContent && long.error["field"] as? String == "reason")
        }
    }
}
