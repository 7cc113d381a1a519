import Foundation

/// A joint project's recurring commitment: when (a recurrence, a start time and a duration in
/// the community's time zone), where, and the roles each occurrence needs.
public struct ServicePlan: Codable, Sendable, Equatable {
    public typealias ID = Identifier<ServicePlan>
    public var id: ID
    public var projectID: JointProject.ID
    public var title: String
    public var venue: String
    public var recurrence: Recurrence
    public var startDate: LocalDate
    public var startTime: LocalTime
    public var durationMinutes: Int
    public var roles: [StaffingRule]
    /// Skip public holidays; run on the weekend days made working days.
    public var skipHolidays: Bool
    public var runOnWorkdays: Bool

    /// The plan's holiday policy, as ``PublicHolidays/apply(_:policy:recurrence:start:from:to:)`` takes it.
    public var holidayPolicy: PublicHolidays.Policy { .init(skipHolidays: skipHolidays, runOnWorkdays: runOnWorkdays) }

    public init(id: ID, projectID: JointProject.ID, draft d: Draft) {
        self.id = id
        self.projectID = projectID
        title = d.title
        venue = d.venue ?? ""
        recurrence = d.recurrence
        startDate = d.startDate
        startTime = d.startTime
        durationMinutes = d.durationMinutes
        roles = d.roles ?? []
        skipHolidays = d.skipHolidays ?? false
        runOnWorkdays = d.runOnWorkdays ?? false
    }

    enum CodingKeys: String, CodingKey {
        case id, title, venue, recurrence, roles
        case projectID = "project_id"
        case startDate = "start_date"
        case startTime = "start_time"
        case durationMinutes = "duration_minutes"
        case skipHolidays = "skip_holidays"
        case runOnWorkdays = "run_on_workdays"
    }

    public struct Draft: Codable, Sendable, Equatable, Validatable {
        public var title: String
        public var venue: String?
        public var recurrence: Recurrence
        public var startDate: LocalDate
        public var startTime: LocalTime
        public var durationMinutes: Int
        public var roles: [StaffingRule]?
        /// Occurrences on China's public holidays are not generated (default false).
        public var skipHolidays: Bool?
        /// A weekly or daily plan on working days also runs on weekend days made working days (调休上班; default false).
        public var runOnWorkdays: Bool?

        public init(title: String, venue: String? = nil, recurrence: Recurrence, startDate: LocalDate, startTime: LocalTime,
                    durationMinutes: Int, roles: [StaffingRule]? = nil, skipHolidays: Bool? = nil, runOnWorkdays: Bool? = nil) {
            self.title = title
            self.venue = venue
            self.recurrence = recurrence
            self.startDate = startDate
            self.startTime = startTime
            self.durationMinutes = durationMinutes
            self.roles = roles
            self.skipHolidays = skipHolidays
            self.runOnWorkdays = runOnWorkdays
        }

        enum CodingKeys: String, CodingKey {
            case title, venue, recurrence, roles
            case startDate = "start_date"
            case startTime = "start_time"
            case durationMinutes = "duration_minutes"
            case skipHolidays = "skip_holidays"
            case runOnWorkdays = "run_on_workdays"
        }

        public func validate() throws(DomainError) {
            try Check.text(title, "title", max: 200)
            try Check.text(venue ?? "", "venue", max: 200, allowEmpty: true)
            try recurrence.validate("recurrence", startDate: startDate)
            try Check.range(durationMinutes, "duration_minutes", 5...1440)
            let roles = roles ?? []
            for (i, r) in roles.enumerated() { try r.validate("roles[\(i)]") }
            if Set(roles.map(\.skill)).count != roles.count { throw DomainError(field: "roles", reason: "list each skill once") }
            // An impossible rule (the 5th Saturday of February only, every year…) never occurs.
            let probe = recurrence.dates(start: startDate, at: startTime, from: startDate, to: startDate.adding(days: 3 * 366),
                                         zone: TimeZone(identifier: "UTC")!, limit: 1)
            if probe.isEmpty { throw DomainError(field: "recurrence", reason: "never occurs in the three years from start_date") }
        }
    }
}
