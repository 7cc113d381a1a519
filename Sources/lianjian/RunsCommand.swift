import ArgumentParser
import Foundation
import LianjianDomain
import LianjianStore

struct RunsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "Show the nightly job's runs, newest first, or one run in full.",
        discussion: "A run killed part way stays `running` until the next run marks it `interrupted`; its steps show how far it got.")

    @OptionGroup var options: GlobalOptions

    @Argument(help: "A run's id: show that run, step by step.")
    var id: String?

    @Option(help: "How many runs to list (1–500).")
    var limit = 10

    @Flag(help: "Print JSON, as GET /v1/runs answers.")
    var json = false

    func validate() throws {
        guard (1...500).contains(limit) else { throw ValidationError("--limit must be 1–500") }
        if let id, UUID(uuidString: id) == nil { throw ValidationError("the run id must be a UUID") }
    }

    func run() async throws {
        let settings = try await options.settings()
        let logger = options.logger(settings)
        try await options.requireMigrated(settings, logger)
        let runs = try await options.withDatabase { db in
            let repository = NightlyRepository(db)
            if let id = id.flatMap(UUID.init(uuidString:)) { return [try await repository.get(id)] }
            return try await repository.list(limit: limit)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            let data = id == nil ? try encoder.encode(["items": runs]) : try encoder.encode(runs[0])
            print(String(decoding: data, as: UTF8.self))
        } else if id != nil {
            print(Self.detail(runs[0]))
        } else if runs.isEmpty {
            print("no nightly runs yet")
        } else {
            runs.forEach { print(Self.line($0)) }
        }
    }

    /// `<id>  2026-12-03 +14d  succeeded (exit 0)  started … on host, 5 steps, 3120 ms`.
    static func line(_ run: NightlyRepository.Run) -> String {
        let exit = run.exitCode.map { " (exit \($0))" } ?? ""
        let ms = run.steps.reduce(0) { $0 + $1.ms }
        return "\(run.id.uuidString.lowercased())  \(run.asOf) +\(run.horizonDays)d  \(run.state)\(exit)  "
            + "started \(run.startedAt.rfc3339) on \(run.host), \(run.steps.count) steps, \(ms) ms"
    }

    static func detail(_ run: NightlyRepository.Run) -> String {
        var lines = [line(run), "  freeze \(run.freezeHours) h, finished \(run.finishedAt?.rfc3339 ?? "-")"] + stepLines(run.steps)
        if let error = run.error { lines.append("  error: \(error)") }
        return lines.joined(separator: "\n")
    }

    /// A step a line, its counts by name, then its notes indented.
    static func stepLines(_ steps: [NightlyRepository.Step]) -> [String] {
        steps.flatMap { step -> [String] in
            let counts = step.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let score = step.score.map { ", score \($0)" + (step.bound.map { " (bound \($0))" } ?? "") } ?? ""
            return ["  \(step.name): \(counts)\(score)  [\(step.ms) ms]"] + step.notes.map { "    \($0)" }
        }
    }
}
