import ArgumentParser
import Foundation
@testable import lianjian
import RosterInstances
import RosterSolver
import Testing

@Suite("Command line")
struct CLITests {
    func temp(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

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
        var solve = try SolveCommand.parse([problemPath, "-o", rosterPath, "--time-limit", "20", "--seed", "3"])
        try solve.run()
        var check = try CheckCommand.parse([problemPath, rosterPath])
        try check.run()

        // A roster whose claimed score is wrong fails the check with exit code 1.
        var roster = try Roster.decode(try Data(contentsOf: URL(fileURLWithPath: rosterPath)))
        roster.score.total -= 1
        try roster.encoded().write(to: URL(fileURLWithPath: rosterPath))
        var failing = try CheckCommand.parse([problemPath, rosterPath])
        #expect(throws: ExitCode(1)) { try failing.run() }
    }

    @Test func malformedProblemExitsTwo() throws {
        let path = temp("bad.json")
        try Data("{\"format\": \"roster-problem/1\"}".utf8).write(to: URL(fileURLWithPath: path))
        var solve = try SolveCommand.parse([path])
        #expect(throws: ExitCode(2)) { try solve.run() }
    }

    @Test func timeLimitMustBePositive() {
        #expect(throws: (any Error).self) { try SolveCommand.parse(["p.json", "--time-limit", "0"]) }
    }
}
