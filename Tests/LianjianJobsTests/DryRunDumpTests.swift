import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore
import TestSupport
import Testing

/// `--dry-run` does the whole night in a transaction that is rolled back: a dump of the
/// database afterwards is byte-identical to one taken before.
@Suite("Nightly dry run")
struct DryRunDumpTests {
    // PostgreSQL never rolls a sequence back (by design), so the sequences' positions
    // (`setval` lines) are left out of the comparison, as is pg_dump's per-dump `\restrict` key.
    @Test func aDryRunLeavesTheDatabaseByteIdentical() async throws {
        guard let pgDump = ExternalTool.find("pg_dump") else {
            Issue.record("pg_dump is missing (it comes with PostgreSQL's client)"); return
        }
        try await TestDatabase.with { db in
            let f = try await NightFixture.make(db)
            let database = try #require(try await db.strings("SELECT current_database()").first)
            let before = try ExternalTool.run(pgDump, ["--data-only", "--no-owner", "--dbname", database])
            var dry = f.options()
            dry.dryRun = true
            let report = try await DisplayZone.$current.withValue(NightFixture.zone) {
                try await Nightly(database: db, logger: NightlyTests.logger).run(dry)
            }
            #expect(report.steps.first { $0.name == "roster" }?.counts["assignments_added"] == 6, "the dry run did plan the night")
            let after = try ExternalTool.run(pgDump, ["--data-only", "--no-owner", "--dbname", database])
            let strip = { (s: String) in s.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
                // pg_dump's own random `\restrict` key differs per dump.
                !line.contains("pg_catalog.setval") && !line.hasPrefix("\\restrict") && !line.hasPrefix("\\unrestrict")
            }.joined(separator: "\n") }
            let (b, a) = (strip(before).split(separator: "\n"), strip(after).split(separator: "\n"))
            #expect(strip(before) == strip(after), "changed: \(Set(a).symmetricDifference(b).sorted().prefix(10))")
            #expect(before.contains("志愿者0"), "the dump holds the data")
        }
    }
}

/// A program found on the PATH, run to its end.
enum ExternalTool {
    static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(_ path: String, _ arguments: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        return String(decoding: data, as: UTF8.self)
    }
}
