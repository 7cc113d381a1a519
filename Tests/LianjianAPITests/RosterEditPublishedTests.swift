import Foundation
import Hummingbird
import Testing

/// Hand edits of the published roster, and what later generations keep of every edit.
@Suite("Editing the published roster; edits kept by the next generation")
struct RosterEditPublishedTests {
    static func problemPairs(_ api: APIClient, _ version: String, _ key: String) async throws -> [[String: String]] {
        try await api.get("/v1/rosters/\(version)/problem").json[key] as? [[String: String]] ?? []
    }

    @Test func editsSurviveTheNextGeneration() async throws {
        try await withAPI { api in
            let f = try await EditFixture.make(api)
            #expect(try await api.post("/v1/rosters/\(f.draft)/publish", [:]).status == .ok)
            let (film, later) = (f.roles[0], f.roles[1])
            let out = try await f.people(f.draft, on: film)[0]
            let spares = try await f.spare(f.draft)
            #expect(try await f.edit(f.draft, "replace", role: film, volunteer: out, with: ["volunteer_id": spares[0]]).status == .ok)
            let kept = try await f.people(f.draft, on: later)[0]
            #expect(try await f.edit(f.draft, "pin", role: later, volunteer: kept).status == .ok)
            // The next generation pins the pinned pair, keeps the hand-assigned one as previous,
            // and does not put back the person taken off.
            let next = try await PublishTests.generate(api, f.community, from: "2026-12-01", to: "2026-12-14")
            #expect(try await Self.problemPairs(api, next, "pinned").contains(["shift": later, "volunteer": kept]))
            #expect(try await Self.problemPairs(api, next, "previous").contains(["shift": film, "volunteer": spares[0]]))
            let pairs = try await f.pairs(next)
            #expect(pairs.contains("\(later)|\(kept)") && pairs.contains("\(film)|\(spares[0])") && !pairs.contains("\(film)|\(out)"), "\(pairs)")
            // An edit of a draft is kept too: the one after it starts from the draft's hand choice.
            let gone = try await f.people(next, on: later).first { $0 != kept }!
            let free = f.volunteers.first { !pairs.map { String($0.split(separator: "|")[1]) }.contains($0) && $0 != out }!
            #expect(try await f.edit(next, "replace", role: later, volunteer: gone, with: ["volunteer_id": free]).status == .ok)
            let third = try await PublishTests.generate(api, f.community, from: "2026-12-01", to: "2026-12-14")
            #expect(try await Self.problemPairs(api, third, "previous").contains(["shift": later, "volunteer": free]))
            #expect(!(try await Self.problemPairs(api, third, "previous")).contains(["shift": later, "volunteer": gone]))
            let thirdPairs = try await f.pairs(third)
            #expect(thirdPairs.contains("\(later)|\(free)") && !thirdPairs.contains("\(later)|\(gone)"), "\(thirdPairs)")
        }
    }

    @Test func aPublishedEditKeepsOneSetPerRoleAndResetsAnswers() async throws {
        try await withAPI { api in
            let f = try await EditFixture.make(api)
            #expect(try await api.post("/v1/rosters/\(f.draft)/publish", [:]).status == .ok)
            let older = try await PublishTests.generate(api, f.community, from: "2026-12-01", to: "2026-12-14")
            let (film, later) = (f.roles[0], f.roles[1])
            let out = try await f.people(f.draft, on: film)[0]
            let spare = try await f.spare(f.draft)[0]
            let r = try await f.edit(f.draft, "replace", role: film, volunteer: out, with: ["volunteer_id": spare])
            #expect(r.status == .ok && r.string("status") == "published", "\(r.text)")
            #expect(try await api.database.count("SELECT count(*) FROM published_assignments WHERE role_id = '\(film)'") == 2)
            #expect(try await api.database.count("SELECT count(*) FROM published_assignments WHERE role_id = '\(film)' AND version_id <> '\(f.draft)'") == 0)
            let theirs = try await PublishTests.assignments(api, spare)
            #expect(theirs.contains { $0["role_id"] as? String == film && $0["response"] is NSNull }, "\(theirs)")
            #expect(!(try await PublishTests.assignments(api, out)).contains { $0["role_id"] as? String == film })
            // A draft made before the edit would undo it: publishing it is refused as stale.
            let stale = try await api.post("/v1/rosters/\(older)/publish", [:])
            #expect(stale.status == .conflict && (stale.error["message"] as? String)?.contains("被手工修改") == true, "\(stale.text)")
            // Someone who confirmed stays until a decline is recorded for them.
            let (sure, unsure) = (try await f.people(f.draft, on: later)[0], try await f.people(f.draft, on: later)[1])
            #expect(try await api.post("/v1/volunteers/\(sure)/assignments/\(later)/confirm", [:]).status == .ok)
            expectBroken(try await f.edit(f.draft, "remove", role: later, volunteer: sure), "pinned", "已确认")
            // Someone who declined and then agreed on the phone is put back without an answer yet.
            #expect(try await api.post("/v1/volunteers/\(unsure)/assignments/\(later)/decline", [:]).status == .ok)
            #expect(try await f.edit(f.draft, "remove", role: later, volunteer: unsure).status == .ok)
            #expect(try await f.edit(f.draft, "assign", role: later, volunteer: unsure).status == .ok)
            let back = try await PublishTests.assignments(api, unsure).first { $0["role_id"] as? String == later }
            #expect(back?["response"] is NSNull, "\(String(describing: back))")
            // Once a newer version is current for the role, that version is the one to edit.
            let newer = try await PublishTests.generate(api, f.community, from: "2026-12-01", to: "2026-12-07")
            #expect(try await api.post("/v1/rosters/\(newer)/publish", [:]).status == .ok)
            let moved = try await f.edit(f.draft, "remove", role: film, volunteer: spare)
            #expect(moved.status == .unprocessableContent && moved.error["field"] as? String == "role_id"
                    && (moved.error["message"] as? String)?.contains(newer) == true, "\(moved.text)")
        }
    }
}
