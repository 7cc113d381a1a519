import Foundation

/// How often a service plan recurs, expanded with Foundation's `Calendar.RecurrenceRule`:
/// weekly on some weekdays, every N weeks, monthly on the 2nd Saturday or on a day of the
/// month; until a date or for N times (or open-ended, expanded only as far as asked).
public struct Recurrence: Codable, Sendable, Equatable {
    public var frequency: String
    public var interval: Int?
    /// ISO weekdays (1 = Monday).
    public var weekdays: [Int]?
    /// With `monthly` and `weekdays`: which one in the month (1…5, or -1 for the last).
    public var weekOfMonth: Int?
    /// With `monthly`: days of the month (1…31, or -1 for the last).
    public var daysOfMonth: [Int]?
    public var until: LocalDate?
    public var count: Int?

    public init(frequency: String, interval: Int? = nil, weekdays: [Int]? = nil, weekOfMonth: Int? = nil,
                daysOfMonth: [Int]? = nil, until: LocalDate? = nil, count: Int? = nil) {
        self.frequency = frequency
        self.interval = interval
        self.weekdays = weekdays
        self.weekOfMonth = weekOfMonth
        self.daysOfMonth = daysOfMonth
        self.until = until
        self.count = count
    }

    enum CodingKeys: String, CodingKey {
        case frequency, interval, weekdays, until, count
        case weekOfMonth = "week_of_month"
        case daysOfMonth = "days_of_month"
    }

    /// Checks the rule on its own; `field` is its JSON path (e.g. `recurrence`).
    public func validate(_ field: String, startDate: LocalDate) throws(DomainError) {
        try Check.oneOf(frequency, "\(field).frequency", ["daily", "weekly", "monthly"])
        try Check.range(interval ?? 1, "\(field).interval", 1...52)
        for (i, d) in (weekdays ?? []).enumerated() { try Check.range(d, "\(field).weekdays[\(i)]", 1...7) }
        for (i, d) in (daysOfMonth ?? []).enumerated() where d != -1 { try Check.range(d, "\(field).days_of_month[\(i)]", 1...31) }
        if let weekOfMonth {
            guard frequency == "monthly", weekdays?.isEmpty == false else {
                throw DomainError(field: "\(field).week_of_month", reason: "needs frequency monthly and weekdays")
            }
            guard weekOfMonth == -1 || (1...5).contains(weekOfMonth) else {
                throw DomainError(field: "\(field).week_of_month", reason: "must be 1–5, or -1 for the last")
            }
        }
        if daysOfMonth != nil && frequency != "monthly" {
            throw DomainError(field: "\(field).days_of_month", reason: "needs frequency monthly")
        }
        if until != nil && count != nil { throw DomainError(field: "\(field).count", reason: "give until or count, not both") }
        if let count { try Check.range(count, "\(field).count", 1...1000) }
        if let until, until < startDate { throw DomainError(field: "\(field).until", reason: "is before the plan's start_date") }
    }

    /// The Foundation rule in `calendar` (whose time zone is the community's).
    public func rule(in calendar: Calendar) -> Calendar.RecurrenceRule {
        let frequency: Calendar.RecurrenceRule.Frequency = switch self.frequency {
        case "daily": .daily
        case "monthly": .monthly
        default: .weekly
        }
        let end: Calendar.RecurrenceRule.End = if let count { .afterOccurrences(count) }
            else if let until { .afterDate(until.adding(days: 1).at(LocalTime(minutes: 0), in: calendar.timeZone).addingTimeInterval(-1)) }
            else { .never }
        var rule = Calendar.RecurrenceRule(calendar: calendar, frequency: frequency, interval: interval ?? 1, end: end)
        let days = (weekdays ?? []).map(Self.weekday)
        rule.weekdays = weekOfMonth.map { n in days.map { .nth(n, $0) } } ?? days.map { .every($0) }
        if let daysOfMonth { rule.daysOfTheMonth = daysOfMonth }
        return rule
    }

    static func weekday(_ iso: Int) -> Locale.Weekday {
        [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday][(iso - 1) % 7]
    }

    /// The local dates the rule produces from `start` (its first possible date) that fall in
    /// `from…to` (inclusive), at most `limit`.
    public func dates(start: LocalDate, at time: LocalTime, from: LocalDate, to: LocalDate, zone: TimeZone, limit: Int = 2000) -> [LocalDate] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let first = start.at(time, in: zone)
        let lower = max(first, from.at(LocalTime(minutes: 0), in: zone))
        let upper = to.adding(days: 1).at(LocalTime(minutes: 0), in: zone)
        // A range wholly before the plan starts (or from after to) has nothing in it; build the
        // Range only once its bounds are known to be in order, or it traps.
        guard lower < upper else { return [] }
        let range = lower..<upper
        var result: [LocalDate] = []
        // Counting rules must be expanded from their start so `count` counts from the first one.
        let sequence = count == nil ? rule(in: calendar).recurrences(of: first, in: range) : rule(in: calendar).recurrences(of: first)
        for date in sequence {
            if date >= range.upperBound || result.count >= limit { break }
            if date >= range.lowerBound { result.append(LocalDate(date, in: zone)) }
        }
        return result
    }
}
