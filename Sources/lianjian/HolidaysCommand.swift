import ArgumentParser
import Foundation
import LianjianDomain
import LianjianStore

/// `lianjian holidays import FILE` and `lianjian holidays list [YEAR]`.
struct HolidaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays", abstract: "China's public holidays and made working days (调休), which plans may skip or follow.",
        subcommands: [HolidaysImport.self, HolidaysList.self])

    /// The table shipped with Lianjian (2026 from the State Council's notice; 2027's statutory days).
    static func shipped(_ options: GlobalOptions) throws -> [PublicHolidays.Day] {
        let dir = try GlobalOptions.locate("config", override: options.configDirectory, marker: "default.json")
        let url = URL(fileURLWithPath: "\(dir)/holidays-cn.csv")
        guard let data = try? Data(contentsOf: url) else { return [] }
        do { return try PublicHolidays.Day.parse(data) } catch { throw Failure("\(url.path): \(error)") }
    }
}

struct HolidaysImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Replace the years a file covers with its days (CSV: date,kind,name; # comments).")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The CSV file, e.g. config/holidays-cn.csv.") var file: String

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure("cannot read \(file)") }
        let days: [PublicHolidays.Day]
        do { days = try PublicHolidays.Day.parse(data) } catch { throw Failure("\(file): \(error)") }
        let byYear = Dictionary(grouping: days, by: \.date.year)
        for (year, list) in byYear {
            do { try PublicHolidays.Day.validate(list, year: year) } catch { throw Failure("\(file): \(year): \(error)") }
        }
        try await options.withDatabase { db in
            for (year, list) in byYear.sorted(by: { $0.key < $1.key }) {
                try await HolidayRepository(db).replace(year: year, with: list)
                print("\(year): \(list.filter { $0.kind == .holiday }.count) holidays, \(list.filter { $0.kind == .workday }.count) working days")
            }
        }
    }
}

struct HolidaysList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Print a year's table.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "The year (default: this year).") var year: Int?

    func run() async throws {
        let year = year ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let days = try await options.withDatabase { db in try await HolidayRepository(db).list(year: year) }
        for d in days { print("\(d.date)  \(d.kind == .holiday ? "放假" : "上班")  \(d.name)") }
        if days.isEmpty { print("no days for \(year); load them with `lianjian holidays import FILE`") }
    }
}
