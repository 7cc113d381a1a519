import Foundation
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import RosterSolver
import Testing

/// A district-wide read (the nightly job's: no community, so no one zone) expands each
/// volunteer's weekly hours in their own community's zone. It used the process's display zone,
/// so under UTC a Shanghai volunteer's "08:00–18:00" began at 16:00 local time, and the night
/// took every afternoon outing away from the people the API had just rostered on it.
@Suite("District-wide roster read")
struct DistrictReadZoneTests {
    @Test func aVolunteersWeekIsReadInTheirCommunitysZone() async throws {
        try await withAPI { api in
            _ = try await ConsoleFixture.make(api, names: ["王秀英", "李建国"])
            let zone = TimeZone(identifier: "Asia/Shanghai")!
            let today = LocalDate(Date(), in: zone)
            let reading = try await DisplayZone.$current.withValue(TimeZone(identifier: "UTC")!) {
                try await RosterRepository(api.database).read(community: nil, from: today, to: today.adding(days: 13), freezeUntil: Date(), partition: nil)
            }
            let shift = try #require(reading.problem.shifts.first)
            let free = reading.problem.volunteers.filter { v in
                v.available.contains { $0.start.epochMillis <= shift.start.epochMillis && $0.end.epochMillis >= shift.end.epochMillis }
            }
            #expect(free.count == 2, "the 13:30–17:00 outing is inside both volunteers' 08:00–18:00 in Shanghai: \(reading.problem.volunteers.map(\.available.first))")
        }
    }
}
