import Foundation
import HTTPTypes
import Hummingbird
import RosterSolver
import Testing

/// Hand edits of a roster (issue 15, "What organisers need next"): each operation, and the
/// solver's hard rules refusing what breaks them, with the reason in Chinese.
@Suite("Editing a roster by hand")
struct RosterEditTests {
    @Test func removeThenAssignAndAFullRoleIsRefused() async throws {
        try await withAPI { api in
            let f = try await EditFixture.make(api)
            let (role, spare) = (f.roles[0], try await f.spare(f.draft)[0])
            // Both positions are filled: a third person over-fills the role.
            expectBroken(try await f.edit(f.draft, "assign", role: role, volunteer: spare), "capacity", "只需要 2 人")
            let leaver = try await f.people(f.draft, on: role)[0]
            let removed = try await f.edit(f.draft, "remove", role: role, volunteer: leaver)
            #expect(removed.status == .ok, "\(removed.text)")
            #expect(!RosterTests.pairs(removed.json).contains("\(role)|\(leaver)"))
            let assigned = try await f.edit(f.draft, "assign", role: role, volunteer: spare)
            #expect(assigned.status == .ok, "\(assigned.text)")
            let mine = (assigned.json["assignments"] as? [[String: Any]] ?? []).first { $0["volunteer_id"] as? String == spare }
            #expect(mine?["role_id"] as? String == role)
            #expect((mine?["volunteer_name"] as? String)?.hasPrefix("志愿者") == true && mine?["event_title"] as? String == "看电影05", "\(assigned.text)")
            // The stored documents follow: lianjian check passes on them, unfilled is zero again.
            #expect((assigned.json["score"] as? [String: Any])?["unfilled"] as? Int == 0)
            let problem = try Problem.decode(Data(try await api.get("/v1/rosters/\(f.draft)/problem").text.utf8))
            let roster = try Roster.decode(Data(try await api.get("/v1/rosters/\(f.draft)/roster").text.utf8))
            let report = Checker(problem: problem).check(roster)
            #expect(report.isValid && roster.assignments.contains(Pair(shift: role, volunteer: spare)), "\(report.violations)")
            // Editing what is not so is refused plainly.
            let again = try await f.edit(f.draft, "remove", role: role, volunteer: leaver)
            #expect(again.status == .unprocessableContent && again.error["code"] as? String == "invalid", "\(again.text)")
            let op = try await f.edit(f.draft, "delete", role: role, volunteer: spare)
            #expect(op.status == .unprocessableContent && op.error["field"] as? String == "op")
        }
    }

    @Test func swapExchangesTwoPeoplesRoles() async throws {
        try await withAPI { api in
            let f = try await EditFixture.make(api)
            let (first, second) = (try await f.people(f.draft, on: f.roles[0]), try await f.people(f.draft, on: f.roles[1]))
            let a = try #require(first.first { !second.contains($0) })
            let b = try #require(second.first { !first.contains($0) })
            let r = try await f.edit(f.draft, "swap", role: f.roles[0], volunteer: a, with: ["role_id": f.roles[1], "volunteer_id": b])
            #expect(r.status == .ok, "\(r.text)")
            let pairs = RosterTests.pairs(r.json)
            #expect(pairs.contains("\(f.roles[1])|\(a)") && pairs.contains("\(f.roles[0])|\(b)"))
            #expect(!pairs.contains("\(f.roles[0])|\(a)") && !pairs.contains("\(f.roles[1])|\(b)") && pairs.count == 4)
            let same = try await f.edit(f.draft, "swap", role: f.roles[1], volunteer: a, with: ["role_id": f.roles[1], "volunteer_id": b])
            #expect(same.status == .unprocessableContent && same.error["field"] as? String == "with", "\(same.text)")
        }
    }

    @Test func replaceAndPinAndUnpin() async throws {
        try await withAPI { api in
            let f = try await EditFixture.make(api)
            let role = f.roles[1]
            let (out, spare) = (try await f.people(f.draft, on: role)[0], try await f.spare(f.draft)[0])
            let replaced = try await f.edit(f.draft, "replace", role: role, volunteer: out, with: ["volunteer_id": spare])
            #expect(replaced.status == .ok, "\(replaced.text)")
            let now = try await f.people(f.draft, on: role)
            #expect(now.contains(spare) && !now.contains(out))
            let pinned = try await f.edit(f.draft, "pin", role: role, volunteer: spare)
            #expect(pinned.status == .ok, "\(pinned.text)")
            let line = (pinned.json["assignments"] as? [[String: Any]] ?? []).first { $0["volunteer_id"] as? String == spare }
            #expect(line?["pinned"] as? Bool == true)
            let problem = try await api.get("/v1/rosters/\(f.draft)/problem").json
            #expect((problem["pinned"] as? [[String: String]] ?? []).contains(["shift": role, "volunteer": spare]))
            // A pinned pair stays put until it is unpinned.
            expectBroken(try await f.edit(f.draft, "remove", role: role, volunteer: spare), "pinned", "已固定")
            expectBroken(try await f.edit(f.draft, "replace", role: role, volunteer: spare, with: ["volunteer_id": out]), "pinned", "先取消固定")
            #expect(try await f.edit(f.draft, "unpin", role: role, volunteer: spare).status == .ok)
            #expect(try await f.edit(f.draft, "remove", role: role, volunteer: spare).status == .ok)
        }
    }

    @Test func theHardRulesRefuseWithAReason() async throws {
        try await withAPI { api in
            // A third outing on 12-05 overlapping the first, and a lawyer's clinic (so a lawyer is in the pool).
            let f = try await EditFixture.make(api, extraEvents: [
                ["title": "下午茶", "start": "2026-12-05T14:00", "end": "2026-12-05T16:00", "roles": [["skill": "companion", "count": 1]]],
                ["title": "法律咨询", "start": "2026-12-05T09:00", "end": "2026-12-05T11:00", "roles": [["skill": "lawyer", "count": 1]]],
            ])
            let role = f.roles[0]
            let leaver = try await f.people(f.draft, on: role)[0]
            #expect(try await f.edit(f.draft, "remove", role: role, volunteer: leaver).status == .ok)
            let lawyer = try await f.volunteer("律师甲", phone: "13900000201", skills: ["lawyer"])
            expectBroken(try await f.edit(f.draft, "assign", role: role, volunteer: lawyer), "skill", "律师甲没有「陪护」技能")
            let sunday = try await f.volunteer("周日乙", phone: "13900000202", weekday: 7)
            expectBroken(try await f.edit(f.draft, "assign", role: role, volunteer: sunday), "availability", "周日乙在 12月5日 13:30–17:00")
            let brief = try await f.volunteer("短时丙", phone: "13900000203", cap: 60)
            expectBroken(try await f.edit(f.draft, "assign", role: role, volunteer: brief), "load", "超过可服务上限 180 分钟")
            let resting = try await f.volunteer("停用丁", phone: "13900000204")
            let put = try await api.put("/v1/volunteers/\(resting)", ["name": "停用丁", "phone": "13900000204", "community_id": f.community,
                                                                     "unit_id": f.unit, "active": false])
            #expect(put.status == .ok, "\(put.text)")
            expectBroken(try await f.edit(f.draft, "assign", role: role, volunteer: resting), "active", "停用丁已停用")
            // Someone on the tea at 14:00 cannot also be at the film.
            let tea = f.roles[2]
            let drinker = try #require(try await f.people(f.draft, on: tea).first)
            #expect(!(try await f.people(f.draft, on: role)).contains(drinker))
            expectBroken(try await f.edit(f.draft, "assign", role: role, volunteer: drinker), "overlap", "时间重叠")
            // Another community's volunteer, whose unit works nowhere here, is out of scope; so is an unknown id.
            let elsewhere = try await api.community("huicai", name: "汇才社区")
            let otherUnit = try await api.unit("emergency-bureau", name: "上街区应急管理局")
            let stranger = try await api.volunteer("外人", phone: "13900000205", community: elsewhere, unit: otherUnit).string("id")!
            expectBroken(try await f.edit(f.draft, "assign", role: role, volunteer: stranger), "scope", "不属于本社区")
            expectBroken(try await f.edit(f.draft, "assign", role: role, volunteer: UUID().uuidString.lowercased()), "scope", "不属于本社区")
            // None of the refusals changed the draft.
            #expect(try await f.people(f.draft, on: role).count == 1)
        }
    }

    @Test func onlyTheCommunitysOrganisersEditAndKeysAreHonoured() async throws {
        try await withAPI { api in
            let f = try await EditFixture.make(api)
            let role = f.roles[0]
            let leaver = try await f.people(f.draft, on: role)[0]
            let other = api.as(try await api.token(.organiser, community: try await api.community("huicai", name: "汇才社区")))
            #expect(try await f.edit(f.draft, "remove", role: role, volunteer: leaver, as: other).status == .notFound)
            let organiser = api.as(try await api.token(.organiser, community: f.community))
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "edit-1"]
            let first = try await f.edit(f.draft, "remove", role: role, volunteer: leaver, as: organiser, headers: key)
            let retry = try await f.edit(f.draft, "remove", role: role, volunteer: leaver, as: organiser, headers: key)
            #expect(first.status == .ok && retry.status == .ok && first.text == retry.text, "\(first.text) / \(retry.text)")
            // The edit is recorded, with who made it, and audited.
            let audit = try await api.get("/v1/audit?table=roster_edits")
            let entries = audit.items
            #expect(entries.count == 1, "\(audit.text)")
            #expect((entries.first?["actor"] as? String)?.contains("organiser") == true, "\(audit.text)")
            #expect((entries.first?["after"] as? [String: Any])?["op"] as? String == "remove" && audit.text.contains(leaver), "\(audit.text)")
        }
    }
}
