import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore
import RosterSolver
import TestSupport
import Testing

/// Nights with real work: the first plans and tells everybody rostered; a second with nothing
/// changed changes nothing and sends nothing; a decline between nights changes only that slot
/// and tells only the two people concerned; the freeze window pins what starts soon.
@Suite("Nightly job: changes and notifications")
struct NightlyChangesTests {
    @Test func aDeclineBetweenNightsChangesOnlyThatSlotAndTellsOnlyTheTwoPeopleConcerned() async throws {
        try await TestDatabase.with { db in
            let f = try await NightFixture.make(db)
            let first = try await f.night()
            #expect(first.outcome == .succeeded, "\(first.steps.map { "\($0.name) \($0.counts) \($0.notes)" })")
            let planned = try await f.published()
            #expect(planned.count == 6, "three outings of two")
            let told = try await f.deliver()
            #expect(Set(told.map(\.volunteerID.uuid)).count == Set(planned.map { $0.split(separator: "|")[1] }).count, "one message per person rostered")
            #expect(told.allSatisfy { m in m.items.contains { $0.kind == "added" } })
            #expect(told.filter { m in m.items.contains { $0.kind == "reminder" } }.count == 2, "tomorrow's two are reminded")

            // Nothing changed: no new version, no message.
            let versions = try await db.count("SELECT count(*) FROM roster_versions")
            let again = try await f.night()
            #expect(again.outcome == .nothingToDo, "\(again.steps)")
            #expect(try await db.count("SELECT count(*) FROM roster_versions") == versions)
            #expect(try await f.published() == planned)
            #expect(try await f.deliver().isEmpty)

            // One decline on the outing in five days.
            let pair = try #require(planned.sorted().first { $0.hasPrefix(f.roles[1].uuidString.lowercased()) })
            let decliner = try #require(UUID(uuidString: String(pair.split(separator: "|")[1])))
            try await AssignmentRepository(db).respond(.init(decliner), role: f.roles[1], confirmed: false, reason: "家里有事")
            let third = try await f.night()
            #expect(third.outcome == .succeeded)
            let replanned = try await f.published()
            #expect(planned.subtracting(replanned) == [pair], "only the declined pair left the roster")
            let added = replanned.subtracting(planned)
            #expect(added.count == 1 && added.first?.hasPrefix(f.roles[1].uuidString.lowercased()) == true, "and one person took that slot")
            let roster = try #require(third.steps.first { $0.name == "roster" })
            #expect(roster.counts["assignments_added"] == 1 && roster.counts["assignments_removed"] == 1 && roster.counts["assignments_moved"] == 0)

            let messages = try await f.deliver()
            #expect(messages.count == 2, "\(messages.map(\.items))")
            let byPerson = Dictionary(uniqueKeysWithValues: messages.map { ($0.volunteerID.uuid, $0.items.map(\.kind)) })
            #expect(byPerson[decliner] == ["removed"])
            let newcomer = try #require(added.first.flatMap { UUID(uuidString: String($0.split(separator: "|")[1])) })
            #expect(byPerson[newcomer] == ["added"])
        }
    }

    @Test func theFreezeWindowPinsWhatStartsSoonAndOnlyThat() async throws {
        try await TestDatabase.with { db in
            let f = try await NightFixture.make(db)
            _ = try await f.night()
            let published = try await f.published()
            let freeze = Date().addingTimeInterval(48 * 3600)
            let reading = try await DisplayZone.$current.withValue(NightFixture.zone) {
                try await RosterRepository(db).read(community: nil, from: f.today, to: f.today.adding(days: 13), freezeUntil: freeze)
            }
            let pinned = Set(reading.problem.pinned.map { "\($0.shift)|\($0.volunteer)" })
            let tomorrow = published.filter { $0.hasPrefix(f.roles[0].uuidString.lowercased()) }
            #expect(tomorrow.count == 2 && pinned == tomorrow, "tomorrow's outing is frozen; the later ones are not")
            let open = try await DisplayZone.$current.withValue(NightFixture.zone) {
                try await RosterRepository(db).read(community: nil, from: f.today, to: f.today.adding(days: 13))
            }
            #expect(open.problem.pinned.isEmpty, "without a freeze window nothing is pinned")
        }
    }

    @Test func aNewVolunteerDoesNotDisplaceAnyoneInsideTheFreeze() async throws {
        try await TestDatabase.with { db in
            let f = try await NightFixture.make(db)
            _ = try await f.night()
            let before = try await f.published()
            _ = try await f.deliver()
            // Tomorrow's outing now needs a third companion: the night adds one and moves nobody.
            try await db.execute("UPDATE event_roles SET fixed_count = 3, required = 3 WHERE id = '\(f.roles[0].uuidString.lowercased())'")
            let next = try await f.night()
            let after = try await f.published()
            #expect(before.isSubset(of: after), "\(next.steps)")
            #expect(after.subtracting(before).count == 1)
            let messages = try await f.deliver()
            #expect(messages.count == 1 && messages.first?.items.map(\.kind) == ["added", "reminder"], "the newcomer hears of it, with tomorrow's reminder")
        }
    }
}
