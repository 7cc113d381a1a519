import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore
import TestSupport
import Testing

/// The staffing step: roles staffed by ratio follow their participants, a fixed role whose
/// requirement drifted from its count gets it back, and nothing else is counted as changed.
@Suite("Nightly job: staffing")
struct NightlyStaffingTests {
    @Test func ratioRolesFollowTheirParticipantsAndFixedOnesTheirCount() async throws {
        try await TestDatabase.with { db in
            let f = try await NightFixture.make(db)
            // Four residents signed up for the outing in five days, written as an import would,
            // without the API's recompute: one companion per three residents.
            try await db.execute("""
                INSERT INTO residents (community_id, name) SELECT id, '居民' || i FROM communities, generate_series(1, 4) i
                """)
            try await db.execute("""
                INSERT INTO event_participants (event_id, resident_id)
                SELECT r.event_id, p.id FROM event_roles r, residents p WHERE r.id = '\(f.roles[1].uuidString.lowercased())'
                """)
            try await db.execute("""
                UPDATE event_roles SET fixed_count = NULL, per_participants = 3, required = 0 WHERE id = '\(f.roles[1].uuidString.lowercased())'
                """)
            // And somebody set tomorrow's fixed role to five by hand.
            try await db.execute("UPDATE event_roles SET required = 5 WHERE id = '\(f.roles[0].uuidString.lowercased())'")

            let report = try await f.night()
            let staffing = try #require(report.steps.first { $0.name == "staffing" })
            #expect(staffing.counts["roles_restaffed"] == 2, "\(staffing.counts)")
            let required = try await db.strings("SELECT required::text FROM event_roles WHERE id = ANY(ARRAY['\(f.roles[0].uuidString.lowercased())', '\(f.roles[1].uuidString.lowercased())']::uuid[]) ORDER BY id = '\(f.roles[0].uuidString.lowercased())' DESC")
            #expect(required == ["2", "2"], "fixed back to its count; ceil(4 / 3) companions")

            let again = try await f.night()
            #expect(again.steps.first { $0.name == "staffing" }?.counts["roles_restaffed"] == 0)
        }
    }
}
