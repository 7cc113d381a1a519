import ArgumentParser
import Foundation
@testable import lianjian
import RosterInstances
import RosterSolver
import Testing

@Suite("Command line")
final class CLITests {
    /// This test's files, removed when it ends.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lianjian-cli-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func temp(_ name: String) -> String { directory.appendingPathComponent(name).path }

    @Test func helpListsEverySubcommand() {
        let help = Lianjian.helpMessage()
        for command in ["serve", "migrate", "solve", "check", "import", "demo"] {
            #expect(help.contains(command), "missing \(command)")
        }
        let solve = Lianjian.helpMessage(for: SolveCommand.self)
        #expect(solve.contains("--time-limit"))
        #expect(solve.contains("--seed"))
        #expect(solve.contains("-o, --output"))
    }

    @Test func solveThenCheckRoundTrip() throws {
        let problem = InstanceGenerator(family: .tight, size: .s, seed: 2).make()
        let problemPath = temp("problem.json"), rosterPath = temp("roster.json")
        try JSONEncoder().encode(problem).write(to: URL(fileURLWithPath: problemPath))
        let solve = try SolveCommand.parse([problemPath, "-o", rosterPath, "--time-limit", "20", "--seed", "3"])
        try solve.run()
        let check = try CheckCommand.parse([problemPath, rosterPath])
        try check.run()

        // A roster whose claimed score is wrong fails the check with exit code 1.
        var roster = try Roster.decode(try Data(contentsOf: URL(fileURLWithPath: rosterPath)))
        roster.score.total -= 1
        try roster.encoded().write(to: URL(fileURLWithPath: rosterPath))
        let failing = try CheckCommand.parse([problemPath, rosterPath])
        #expect(throws: ExitCode(1)) { try failing.run() }
    }

    @Test func malformedProblemExitsTwo() throws {
        let path = temp("bad.json")
        try Data("{\"format\": \"roster-problem/1\"}".utf8).write(to: URL(fileURLWithPath: path))
        let solve = try SolveCommand.parse([path])
        #expect(throws: ExitCode(2)) { try solve.run() }
    }

    @Test func timeLimitMustBePositive() {
        #expect(throws: (any Error).self) { try SolveCommand.parse(["p.json", "--time-limit", "0"]) }
    }
}
