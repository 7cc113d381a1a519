// Benchmarks of the database-backed parts, against the database the environment names (like
// `lianjian`); the scripts prepare a scratch database:
//   store-bench facilities   (scripts/bench-facilities)
//   store-bench rosters      (scripts/bench-rosters)
//   store-bench nightly      (scripts/bench-nightly)
//   store-bench seed-clusters (scripts/bench-workers: seeds only)
import Foundation
import LianjianSettings
import LianjianStore
import Logging

func millis(_ d: Duration) -> Double { Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
func percentile(_ xs: [Double], _ p: Double) -> Double { xs.sorted()[min(xs.count - 1, Int(Double(xs.count) * p))] }
func ms(_ x: Double) -> String { String(format: "%.1f ms", x) }

var logger = Logger(label: "store-bench")
logger.logLevel = .warning
let settings = try await AppSettings.load(configDirectory: "config", environment: ProcessInfo.processInfo.environment)
let database = Database(settings: settings.database, logger: logger)
let mode = CommandLine.arguments.dropFirst().first ?? ""
try await database.withRunning { db in
    switch mode {
    case "facilities": try await FacilityBench.run(db)
    case "rosters": try await RosterBench.run(db)
    case "nightly": try await NightlyBench.run(db, logger: logger)
    case "seed-clusters": try await ClusterSeed.run(db)
    default:
        FileHandle.standardError.write(Data("usage: store-bench facilities|rosters|nightly|seed-clusters\n".utf8))
        exit(2)
    }
}
