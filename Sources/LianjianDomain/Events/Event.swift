import Foundation

/// A dated event: one occurrence of a service plan, or a one-off (the film outing), with the
/// roles it needs and how many of each, following its participants.
public struct Event: Codable, Sendable, Equatable {
    public typealias ID = Identifier<Event>
    public var id: ID
    public var communityID: Community.ID
    public var projectID: JointProject.ID
    public var planID: ServicePlan.ID?
    public var title: String
    public var venue: String
    public var start: Date
    public var end: Date
    public var status: String
    public var edited: Bool
    public var participants: Int
    public var roles: [Role]
    /// The community's time zone, in which `start` and `end` are written (not encoded itself).
    public var zone: TimeZone?

    /// A role of the event with its current requirement.
    public struct Role: Codable, Sendable, Equatable {
        public var id: UUID
        public var rule: StaffingRule
        public var required: Int
        public init(id: UUID, rule: StaffingRule, required: Int) {
            self.id = id
            self.rule = rule
            self.required = required
        }
        public func encode(to encoder: any Encoder) throws {
            try rule.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encodeID(id, forKey: .id)
            try c.encode(required, forKey: .required)
        }
        enum Keys: String, CodingKey { case id, required }
    }

    public init(id: ID, communityID: Community.ID, projectID: JointProject.ID, planID: ServicePlan.ID?, title: String, venue: String,
                start: Date, end: Date, status: String, edited: Bool, participants: Int, roles: [Role], zone: TimeZone? = nil) {
        self.id = id
        self.communityID = communityID
        self.projectID = projectID
        self.planID = planID
        self.title = title
        self.venue = venue
        self.start = start
        self.end = end
        self.status = status
        self.edited = edited
        self.participants = participants
        self.roles = roles
        self.zone = zone
    }

    enum CodingKeys: String, CodingKey {
        case id, title, venue, start, end, status, edited, participants, roles
        case communityID = "community_id"
        case projectID = "project_id"
        case planID = "plan_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(communityID, forKey: .communityID)
        try c.encode(projectID, forKey: .projectID)
        try c.encode(planID, forKey: .planID)
        try c.encode(title, forKey: .title)
        try c.encode(venue, forKey: .venue)
        try c.encode(start.rfc3339(in: zone ?? DisplayZone.current), forKey: .start)
        try c.encode(end.rfc3339(in: zone ?? DisplayZone.current), forKey: .end)
        try c.encode(status, forKey: .status)
        try c.encode(edited, forKey: .edited)
        try c.encode(participants, forKey: .participants)
        try c.encode(roles, forKey: .roles)
    }

    /// A one-off event, or an edit of a generated one (times local to the community or RFC 3339).
    public struct Draft: Codable, Sendable, Equatable, Validatable {
        public var projectID: JointProject.ID
        public var title: String
        public var venue: String?
        public var start: String
        public var end: String
        public var roles: [StaffingRule]?

        public init(projectID: JointProject.ID, title: String, venue: String? = nil, start: String, end: String, roles: [StaffingRule]? = nil) {
            self.projectID = projectID
            self.title = title
            self.venue = venue
            self.start = start
            self.end = end
            self.roles = roles
        }

        enum CodingKeys: String, CodingKey {
            case title, venue, start, end, roles
            case projectID = "project_id"
        }

        public func validate() throws(DomainError) {
            try Check.text(title, "title", max: 200)
            try Check.text(venue ?? "", "venue", max: 200, allowEmpty: true)
            let roles = roles ?? []
            for (i, r) in roles.enumerated() { try r.validate("roles[\(i)]") }
            if Set(roles.map(\.skill)).count != roles.count { throw DomainError(field: "roles", reason: "list each skill once") }
            _ = try span(in: TimeZone(identifier: "UTC")!, now: nil)
        }

        /// The event's interval; an event may not start in the past (`now`) or last over a day.
        public func span(in zone: TimeZone, now: Date?) throws(DomainError) -> TimeSpan {
            let request = Booking.Request(userClass: "public", holder: "x", start: start, end: end)
            let spans = try request.occurrences(in: zone)
            let span = spans[0]
            if span.end.timeIntervalSince(span.start) > 86_400 { throw DomainError(field: "end", reason: "an event lasts at most a day") }
            if let now, span.start < now { throw DomainError(field: "start", reason: "is in the past") }
            return span
        }
    }
}
