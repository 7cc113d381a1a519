import ArgumentParser
import Foundation
import RosterSolver

struct SolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Solve a roster-problem/1 file and write a roster/1 file.",
        discussion: "Deterministic for a given problem, seed and time limit that it does not reach.")

    @Argument(help: "The problem (JSON, roster-problem/1).")
    var problem: String

    @Option(name: .shortAndLong, help: "Where to write the roster; - or nothing for standard output.")
    var output: String?

    @Option(help: "Stop searching after this many seconds.")
    var timeLimit: Double = 60

    @Option(help: "Seed of the search's random choices.")
    var seed: UInt64 = 0

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
    }

    func run() throws {
        let parsed = try ProblemFile.read(problem)
        let roster: Roster
        do {
            roster = try Solver.solve(parsed, options: SolverOptions(timeLimit: .milliseconds(Int(timeLimit * 1000)), seed: seed))
        } catch {
            throw ProblemFile.failure(problem, error)
        }
        try ProblemFile.write(roster.encoded(), to: output)
        FileHandle.standardError.write(Data("\(roster.score)\(roster.lowerBound.map { ", lower bound \($0)" } ?? "")\n".utf8))
    }
}

/// Reading and writing the solver's files, with errors that name the file and JSON path.
enum ProblemFile {
    static func read(_ path: String) throws -> Problem {
        let data = try contents(path)
        do { return try Problem.decode(data) } catch { throw failure(path, error) }
    }

    static func contents(_ path: String) throws -> Data {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else { throw ValidationError("cannot read \(path)") }
        return data
    }

    static func failure(_ path: String, _ error: ProblemError) -> ExitCode {
        FileHandle.standardError.write(Data("\(path): \(error.path): \(error.reason)\n".utf8))
        return ExitCode(2)
    }

    static func write(_ data: Data, to path: String?) throws {
        if let path, path != "-" {
            try data.write(to: URL(fileURLWithPath: path))
        } else {
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }
}
