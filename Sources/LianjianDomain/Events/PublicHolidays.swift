/// China's public holidays and the weekend days made working days in exchange (调休上班),
/// as the State Council's yearly notice gives them.
public struct PublicHolidays: Sendable, Equatable {
    /// One day of the table.
    public struct Day: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable { case holiday, workday }
        public var date: LocalDate
        public var kind: Kind
        /// The festival, e.g. 春节; for a workday, the festival it makes up for.
        public var name: String

        public init(date: LocalDate, kind: Kind, name: String) {
            self.date = date
            self.kind = kind
            self.name = name
        }
    }

    public var holidays: [LocalDate: String]
    public var workdays: [LocalDate: String]

    public init(_ days: [Day]) {
        holidays = Dictionary(days.filter { $0.kind == .holiday }.map { ($0.date, $0.name) }) { a, _ in a }
        workdays = Dictionary(days.filter { $0.kind == .workday }.map { ($0.date, $0.name) }) { a, _ in a }
    }

    /// What a plan does about the table.
    public struct Policy: Codable, Sendable, Equatable {
        /// Occurrences on a public holiday are not generated.
        public var skipHolidays: Bool
        /// A plan that runs on working days (weekly or daily, on some of Monday–Friday) also runs
        /// on the weekend days made working days.
        public var runOnWorkdays: Bool

        public init(skipHolidays: Bool = false, runOnWorkdays: Bool = false) {
            self.skipHolidays = skipHolidays
            self.runOnWorkdays = runOnWorkdays
        }

        enum CodingKeys: String, CodingKey {
            case skipHolidays = "skip_holidays"
            case runOnWorkdays = "run_on_workdays"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            skipHolidays = try c.decodeIfPresent(Bool.self, forKey: .skipHolidays) ?? false
            runOnWorkdays = try c.decodeIfPresent(Bool.self, forKey: .runOnWorkdays) ?? false
        }
    }

    /// `dates` (a plan's occurrences in `from…to`) adjusted by `policy`: holidays dropped, made
    /// working days added where the rule runs on working days; with the dates it skipped.
    public func apply(_ dates: [LocalDate], policy: Policy, recurrence: Recurrence, start: LocalDate,
                      from: LocalDate, to: LocalDate) -> (dates: [LocalDate], skipped: [LocalDate]) {
        var kept = dates
        var skipped: [LocalDate] = []
        if policy.skipHolidays {
            skipped = kept.filter { holidays[$0] != nil }
            kept.removeAll { holidays[$0] != nil }
        }
        if policy.runOnWorkdays, recurrence.runsOnWorkingDays {
            let lower = Swift.max(from, start)
            let upper = recurrence.until.map { Swift.min($0, to) } ?? to
            let extra = workdays.keys.filter { $0 >= lower && $0 <= upper && !kept.contains($0) }
            kept = (kept + extra).sorted()
        }
        return (kept, skipped)
    }
}

extension Recurrence {
    /// True for a weekly or daily rule on some of Monday–Friday (every day when none is named).
    var runsOnWorkingDays: Bool {
        guard frequency == "weekly" || frequency == "daily", count == nil else { return false }
        let days = weekdays ?? []
        return frequency == "daily" ? days.isEmpty || days.contains { $0 <= 5 } : days.contains { $0 <= 5 }
    }
}
