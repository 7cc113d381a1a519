import Foundation
import LianjianDomain
import LianjianStore
import Logging
import RosterSolver

/// The steps of one night, each idempotent: run again, a step finds its work done and changes
/// nothing.
struct NightSteps: Sendable {
    static let order = ["events", "staffing", "roster", "layout", "reminders", "pledges"]

    let database: Database
    let options: Nightly.Options
    let now: Date
    let logger: Logger

    var from: LocalDate { options.asOf }
    var to: LocalDate { options.asOf.adding(days: options.horizonDays - 1) }
    var zone: TimeZone { DisplayZone.current }
    var start: Date { from.at(.init(minutes: 0), in: zone) }
    var end: Date { to.adding(days: 1).at(.init(minutes: 0), in: zone) }

    func run(_ step: String) async throws -> NightlyRepository.Step {
        switch step {
        case "events": try await events()
        case "staffing": try await staffing()
        case "roster": try await roster()
        case "layout": try await layout(in: nil)
        case "pledges": try await pledges()
        default: try await reminders()
        }
    }

    /// Events from every active plan over the horizon (existing ones are kept as they are).
    func events() async throws -> NightlyRepository.Step {
        var created = 0, kept = 0
        for plan in try await NightlyRepository(database).activePlans() {
            let g = try await PlanRepository(database).generate(plan, from: from, to: to)
            created += g.created
            kept += g.kept
        }
        return .init(name: "events", ms: 0, counts: ["events_created": created, "events_kept": kept])
    }

    func staffing() async throws -> NightlyRepository.Step {
        let changed = try await NightlyRepository(database).restaff(from: max(start, now), to: end)
        return .init(name: "staffing", ms: 0, counts: ["roles_restaffed": changed])
    }

    /// Every facility (of these communities, or of all) with bookings in the horizon laid out
    /// again (bays kept where possible).
    func layout(in communities: [Community.ID]?) async throws -> NightlyRepository.Step {
        var bookings = 0, moved = 0, unplaced = 0
        let nights = NightlyRepository(database)
        let facilities = if let communities { try await nights.facilitiesWithBookings(from: start, to: end, in: communities) }
            else { try await nights.facilitiesWithBookings(from: start, to: end) }
        for facility in facilities {
            let summary = try await BookingRepository(database).layout(facility, from: from, to: to)
            bookings += summary.bookings
            moved += summary.moved
            unplaced += summary.unplaced.count
        }
        return .init(name: "layout", ms: 0, counts: ["bookings_laid_out": bookings, "bookings_moved": moved, "bookings_unplaced": unplaced])
    }

    /// Tomorrow's work, told once to each person rostered.
    func reminders() async throws -> NightlyRepository.Step {
        let tomorrow = LocalDate(now, in: zone).adding(days: 1)
        let written = try await NotificationRepository(database).remind(on: tomorrow)
        return .init(name: "reminders", ms: 0, counts: ["reminders": written])
    }

    /// The coming month's pledges checked against their units' available volunteers (issue 18):
    /// those that cannot be fulfilled are marked, for the pledge report and the liaison.
    func pledges() async throws -> NightlyRepository.Step {
        let month = from.startOfMonth.nextMonth
        let found = try await PledgeRepository(database).checkOutlook(month: month)
        return .init(name: "pledges", ms: 0, counts: ["pledges_checked": found.checked, "pledges_at_risk": found.atRisk])
    }
}
