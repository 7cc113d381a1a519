// The solver benchmark's worker. `scripts/bench-solver` drives it, one process per run,
// so peak memory is measured per instance.
//
//   roster-bench generate FAMILY SIZE SEED OUT.json
//   roster-bench run PROBLEM.json [TIME_LIMIT_SECONDS] [SEED] [ROSTER_OUT.json]  → one JSON line of results
//   roster-bench greedy PROBLEM.json                             → the first-fit yardstick's total
import Foundation
import RosterInstances
import RosterSolver

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
}

func load(_ path: String) -> Problem {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    do { return try Problem.decode(data) } catch { fail("\(path): \(error)") }
}

func printJSON(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

let args = CommandLine.arguments
switch args.dropFirst().first {
case "generate":
    guard args.count == 6, let family = InstanceGenerator.Family(rawValue: args[2]),
        let size = InstanceGenerator.Size(rawValue: args[3]), let seed = UInt64(args[4])
    else { fail("usage: roster-bench generate ample|tight|overlap|replan xs|s|m|l|xl SEED OUT.json") }
    let problem = InstanceGenerator(family: family, size: size, seed: seed).make()
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try! encoder.encode(problem).write(to: URL(fileURLWithPath: args[5]))
case "run":
    guard args.count >= 3 else { fail("usage: roster-bench run PROBLEM.json [TIME_LIMIT] [SEED]") }
    let problem = load(args[2])
    let limit = args.count > 3 ? Double(args[3]) ?? 60 : 60
    let seed = args.count > 4 ? UInt64(args[4]) ?? 0 : 0
    let clock = ContinuousClock()
    let started = clock.now
    let roster: Roster
    do {
        roster = try Solver.solve(problem, options: SolverOptions(timeLimit: .milliseconds(Int(limit * 1000)), seed: seed))
    } catch { fail("solve: \(error)") }
    let wall = clock.now - started
    let report = Checker(problem: problem).check(roster)
    if args.count > 5 { try! roster.encoded().write(to: URL(fileURLWithPath: args[5])) }
    printJSON([
        "total": roster.score.total, "lower_bound": roster.lowerBound ?? NSNull(), "valid": report.isValid,
        "violations": report.violations.count,
        "wall_ms": Double(wall.components.attoseconds) / 1e15 + Double(wall.components.seconds) * 1000,
        "peak_mb": peakMemoryMB(), "stats": roster.stats ?? [:],
    ])
case "greedy":
    guard args.count == 3 else { fail("usage: roster-bench greedy PROBLEM.json") }
    let problem = load(args[2])
    let pairs = SimpleRoster.greedy(problem)
    let checker = Checker(problem: problem)
    let score = checker.check(Roster(assignments: pairs, unfilled: [], score: Score(unfilled: 0, away: 0, fairness: 0, change: 0))).score
    printJSON(["total": score.total])
default:
    fail("usage: roster-bench generate|run|greedy …")
}
