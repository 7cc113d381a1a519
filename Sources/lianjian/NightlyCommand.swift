import ArgumentParser
import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore

struct NightlyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nightly",
        abstract: "Bring the coming days up to date: events, staffing, the roster, facility layouts, notifications.",
        discussion: """
            Exit codes: 0 done (something changed), 5 nothing to do, 4 done but positions remain \
            unfilled (listed), 3 another run holds the night (it is named), 1 failed (the run record \
            says which step), 2 bad arguments. Safe to run again at any time, also after a crash.
            """)

    @OptionGroup var options: GlobalOptions

    @Option(help: "The first day of the horizon (default: today in app.time_zone).")
    var asOf: String?

    @Option(help: "Days to plan, from --as-of (1–62).")
    var horizonDays = 14

    @Option(help: "Hours ahead in which nobody already rostered is moved (0–720).")
    var freezeHours = 48

    @Option(help: "The solver's time limit for the horizon, in seconds.")
    var timeLimit = 10.0

    @Flag(help: "Do everything in a transaction that is rolled back, and print what would change.")
    var dryRun = false

    @Flag(help: "Share the re-plan and layout with other processes: each cluster of communities that share volunteers is a job any `nightly --workers` or `worker` may claim; a run that finds the night held joins it.")
    var workers = false

    @Option(help: .hidden)
    var crashAfter: String?

    func validate() throws {
        guard (1...62).contains(horizonDays) else { throw ValidationError("--horizon-days must be 1–62") }
        guard (0...720).contains(freezeHours) else { throw ValidationError("--freeze-hours must be 0–720") }
        guard timeLimit > 0, timeLimit <= 600 else { throw ValidationError("--time-limit must be more than 0 and at most 600") }
        if let asOf, LocalDate(asOf) == nil { throw ValidationError("--as-of must be a date, YYYY-MM-DD") }
    }

    func run() async throws {
        let settings = try await options.settings()
        let logger = options.logger(settings)
        try await options.requireMigrated(settings, logger)
        let day = asOf.flatMap(LocalDate.init) ?? LocalDate(Date(), in: settings.zone)
        let nightly = Nightly.Options(asOf: day, horizonDays: horizonDays, freezeHours: freezeHours, dryRun: dryRun,
                                      timeLimitSeconds: timeLimit, crashAfter: crashAfter, workers: workers)
        let report = try await options.withDatabase { db in try await Nightly(database: db, logger: logger).run(nightly) }
        print(Self.describe(report, dryRun: dryRun))
        if report.outcome != .succeeded { throw ExitCode(report.outcome.rawValue) }
    }

    static func describe(_ report: Nightly.Report, dryRun: Bool) -> String {
        if report.outcome == .locked { return "the night is held by \(report.holder ?? "another run"); nothing done" }
        if let joined = report.joined { return "joined \(report.holder ?? "the night's run"): did \(joined) of its partitions" }
        var lines = [dryRun ? "dry run (nothing was kept):" : "run \(report.run?.uuidString.lowercased() ?? "-"):"]
        lines += RunsCommand.stepLines(report.steps)
        lines.append("outcome: \(report.outcome.state) (exit \(report.outcome.rawValue))")
        return lines.joined(separator: "\n")
    }
}
