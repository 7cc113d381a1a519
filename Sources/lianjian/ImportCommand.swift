import ArgumentParser
import Foundation
import LianjianDomain
import LianjianStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import registry data from files.",
        subcommands: [ImportVolunteers.self])
}

struct ImportVolunteers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volunteers",
        abstract: "Import a partner unit's volunteers from a CSV file (Excel/WPS, UTF-8, Chinese or English headers).",
        discussion: """
            Columns: name/姓名, phone/手机, community/社区 (code or name), skills/技能 (separated by ; , or 、),
            max_minutes_per_week/每周最多分钟. All or nothing: when any row is bad, every bad row is listed and nothing is written.
            """)

    @OptionGroup var options: GlobalOptions

    @Argument(help: "The CSV file.")
    var file: String

    @Option(help: "The partner unit the volunteers belong to (id or code).")
    var unit: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        let rows: [VolunteerCSV.Row]
        do {
            rows = try VolunteerCSV.rows(CSVTable.parse(data))
        } catch {
            throw Failure("\(file): \(error.field) \(error.reason)")
        }
        let unit = unit
        let report = try await options.withDatabase { db in
            let unit = try await UnitRepository(db).find(unit)
            return try await VolunteerImport(db).run(unit: unit.id, rows: rows)
        }
        for e in report.errors { print("row \(e.row), \(e.column): \(e.reason)") }
        if !report.errors.isEmpty {
            print("\(report.errors.count) problem(s); nothing was imported")
            throw ExitCode(1)
        }
        print("imported \(report.imported) volunteer(s)")
        for w in report.warnings { print("row \(w.row), \(w.column): \(w.reason)") }
    }
}
