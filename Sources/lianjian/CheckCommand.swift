import ArgumentParser
import Foundation
import RosterSolver

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a roster against its problem and recompute its score.",
        discussion: "Lists every violation with its ids; exits 1 on any violation or a wrong claim.")

    @Argument(help: "The problem (JSON, roster-problem/1).")
    var problem: String

    @Argument(help: "The roster (JSON, roster/1).")
    var roster: String

    func run() throws {
        let parsed = try ProblemFile.read(problem)
        let data = try ProblemFile.contents(roster)
        let decoded: Roster
        do { decoded = try Roster.decode(data) } catch { throw ProblemFile.failure(roster, error) }
        let report = Checker(problem: parsed).check(decoded)
        for violation in report.violations { print(violation) }
        print("score: \(report.score)")
        if !report.isValid {
            print("\(report.violations.count) violation(s)")
            throw ExitCode(1)
        }
        print("valid")
    }
}
