import Foundation
import LianjianDomain
import LianjianStore
import Logging
import RosterSolver

/// The steps of one night, each idempotent: run again, a step finds its work done and changes
/// nothing.
struct NightSteps: Sendable {
    static let order = ["events", "staffing", "roster", "layout", "reminders"]

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
        case "layout": try await layout()
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

    /// The horizon's roster re-planned and, when it changes anything, published.
    func roster() async throws -> NightlyRepository.Step {
        let rosters = RosterRepository(database)
        let freeze = now.addingTimeInterval(Double(options.freezeHours) * 3600)
        var reading = try await rosters.read(community: nil, from: from, to: to, freezeUntil: freeze)
        var notes: [String] = []
        guard !reading.problem.shifts.isEmpty else { return .init(name: "roster", ms: 0, counts: ["shifts": 0]) }
        let ask = JobRepository.GenerateRoster(communityID: nil, from: from, to: to, timeLimitSeconds: options.timeLimitSeconds)
        let clock = ContinuousClock(), started = clock.now
        let solved: Roster
        do {
            solved = try await RosterGeneration.solve(reading.problem, ask, progress: nil)
        } catch {
            // Frozen work that can no longer be kept (someone's hours changed): plan without the
            // freeze rather than leave the night undone, and say so.
            notes.append("frozen assignments could not all be kept (\(error.message)); planned without the freeze window")
            reading = try await rosters.read(community: nil, from: from, to: to)
            solved = try await RosterGeneration.solve(reading.problem, ask, progress: nil)
        }
        let solveMs = RosterGeneration.ms(started, clock.now)
        let published = Set(reading.published)
        let planned = Set(solved.assignments)
        var counts = ["shifts": reading.problem.shifts.count, "assignments_added": 0, "assignments_removed": 0, "assignments_moved": 0]
        if published != planned {
            let id = try await rosters.storeDraft(reading, roster: solved, solveMs: solveMs)
            let version = try await rosters.publish(id)
            counts["assignments_added"] = max(0, version.diff.added.count - version.diff.moved.count)
            counts["assignments_removed"] = max(0, version.diff.removed.count - version.diff.moved.count)
            counts["assignments_moved"] = version.diff.moved.count
        }
        let unfilled = try await NightlyRepository(database).unfilled(from: max(start, now), to: end)
        counts["unfilled_positions"] = unfilled.reduce(0) { $0 + $1.missing }
        notes += unfilled.map { "\($0.title) \($0.start.rfc3339): \($0.missing) missing" }
        return .init(name: "roster", ms: 0, counts: counts, notes: notes, score: solved.score.total, bound: solved.lowerBound)
    }

    /// Every facility with bookings in the horizon laid out again (bays kept where possible).
    func layout() async throws -> NightlyRepository.Step {
        var bookings = 0, moved = 0, unplaced = 0
        for facility in try await NightlyRepository(database).facilitiesWithBookings(from: start, to: end) {
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
}
