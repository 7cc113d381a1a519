import Foundation

/// A joint project's pledge, structured: volunteer hours a month, and/or events a month or a
/// quarter with the roles each needs, from a date to a date. What the reports hold the partner
/// unit to.
public struct Pledge: Codable, Sendable, Equatable {
    public typealias ID = Identifier<Pledge>

    public enum Period: String, Codable, Sendable, CaseIterable { case month, quarter }

    /// One role each pledged event needs: `{"skill": "doctor", "count": 2}`.
    public struct Role: Codable, Sendable, Equatable {
        public var skill: String
        public var count: Int
        public init(skill: String, count: Int) {
            self.skill = skill
            self.count = count
        }
    }

    public var id: ID
    public var projectID: JointProject.ID
    public var minutesPerMonth: Int
    public var events: Int
    public var period: Period
    public var roles: [Role]
    public var from: LocalDate
    public var to: LocalDate

    public init(id: ID, projectID: JointProject.ID, minutesPerMonth: Int, events: Int, period: Period, roles: [Role], from: LocalDate,
                to: LocalDate) {
        self.id = id
        self.projectID = projectID
        self.minutesPerMonth = minutesPerMonth
        self.events = events
        self.period = period
        self.roles = roles
        self.from = from
        self.to = to
    }

    enum CodingKeys: String, CodingKey {
        case id, events, period, roles, from, to
        case projectID = "project_id"
        case minutesPerMonth = "minutes_per_month"
    }

    /// What a client sends: `{"minutes_per_month": 480, "events": 1, "period": "month",
    /// "roles": [{"skill": "doctor", "count": 2}], "from": "2026-12-01", "to": "2027-11-30"}`.
    public struct Draft: Codable, Sendable, Equatable {
        public var minutesPerMonth: Int?
        public var events: Int?
        public var period: Period?
        public var roles: [Role]?
        public var from: LocalDate
        public var to: LocalDate

        public init(minutesPerMonth: Int? = nil, events: Int? = nil, period: Period? = nil, roles: [Role]? = nil, from: LocalDate, to: LocalDate) {
            self.minutesPerMonth = minutesPerMonth
            self.events = events
            self.period = period
            self.roles = roles
            self.from = from
            self.to = to
        }

        enum CodingKeys: String, CodingKey {
            case events, period, roles, from, to
            case minutesPerMonth = "minutes_per_month"
        }

        /// - Throws: ``DomainError`` naming the field.
        public func validate(skills: Set<String>) throws(DomainError) {
            try Check.range(minutesPerMonth ?? 0, "minutes_per_month", 0...1_000_000)
            try Check.range(events ?? 0, "events", 0...100)
            if (minutesPerMonth ?? 0) == 0, (events ?? 0) == 0 {
                throw DomainError(field: "minutes_per_month", reason: "or events must be pledged: a pledge promises hours, events or both")
            }
            if to < from { throw DomainError(field: "to", reason: "must not be before from") }
            let roles = roles ?? []
            if !roles.isEmpty, (events ?? 0) == 0 { throw DomainError(field: "roles", reason: "are the roles of pledged events: pledge events too") }
            if roles.count > 20 { throw DomainError(field: "roles", reason: "must be at most 20") }
            var seen = Set<String>()
            for (i, role) in roles.enumerated() {
                if !skills.contains(role.skill) { throw DomainError(field: "roles[\(i)].skill", reason: "is not a known skill") }
                if !seen.insert(role.skill).inserted { throw DomainError(field: "roles[\(i)].skill", reason: "is listed twice") }
                try Check.range(role.count, "roles[\(i)].count", 1...100)
            }
        }
    }
}

extension LocalDate {
    /// `2026-12` as the first day of that month; nil for anything else.
    public static func month(_ text: String) -> LocalDate? {
        guard text.count == 7, let first = LocalDate(text + "-01"), (1900...2200).contains(first.year) else { return nil }
        return first
    }

    /// The first day of this date's month.
    public var startOfMonth: LocalDate { LocalDate(unchecked: year, month, 1) }

    /// The last day of this date's month.
    public var endOfMonth: LocalDate { LocalDate(unchecked: year, month, Self.days(inMonth: month, year: year)) }

    /// The first day of the next month.
    public var nextMonth: LocalDate { month == 12 ? LocalDate(unchecked: year + 1, 1, 1) : LocalDate(unchecked: year, month + 1, 1) }

    /// The first day of this date's quarter.
    public var startOfQuarter: LocalDate { LocalDate(unchecked: year, (month - 1) / 3 * 3 + 1, 1) }
}
