/// A volunteer: a partner unit's staff member or a resident who volunteers.
public struct Volunteer: Codable, Sendable, Equatable {
    public typealias ID = Identifier<Volunteer>
    public var id: ID
    public var name: String
    public var phone: String
    /// `nil` for residents volunteering on their own.
    public var unitID: PartnerUnit.ID?
    public var communityID: Community.ID
    public var maxMinutesPerWeek: Int
    public var active: Bool
    public var skills: [SkillGrant]
    public var availability: [WeeklySlot]
    public var exceptions: [AvailabilityException]

    public init(
        id: ID, name: String, phone: String, unitID: PartnerUnit.ID?, communityID: Community.ID, maxMinutesPerWeek: Int,
        active: Bool, skills: [SkillGrant], availability: [WeeklySlot], exceptions: [AvailabilityException]
    ) {
        self.id = id
        self.name = name
        self.phone = phone
        self.unitID = unitID
        self.communityID = communityID
        self.maxMinutesPerWeek = maxMinutesPerWeek
        self.active = active
        self.skills = skills
        self.availability = availability
        self.exceptions = exceptions
    }

    enum CodingKeys: String, CodingKey {
        case id, name, phone, active, skills, availability, exceptions
        case unitID = "unit_id"
        case communityID = "community_id"
        case maxMinutesPerWeek = "max_minutes_per_week"
    }

    /// What a client sends to register or replace a volunteer.
    public struct Draft: Codable, Sendable, Equatable {
        public var name: String
        public var phone: String
        public var unitID: PartnerUnit.ID?
        public var communityID: Community.ID
        public var maxMinutesPerWeek: Int?
        public var active: Bool?
        public var skills: [SkillGrant]?
        public var availability: [WeeklySlot]?
        public var exceptions: [AvailabilityException]?

        public init(
            name: String, phone: String, unitID: PartnerUnit.ID?, communityID: Community.ID, maxMinutesPerWeek: Int? = nil,
            active: Bool? = nil, skills: [SkillGrant]? = nil, availability: [WeeklySlot]? = nil,
            exceptions: [AvailabilityException]? = nil
        ) {
            self.name = name
            self.phone = phone
            self.unitID = unitID
            self.communityID = communityID
            self.maxMinutesPerWeek = maxMinutesPerWeek
            self.active = active
            self.skills = skills
            self.availability = availability
            self.exceptions = exceptions
        }

        enum CodingKeys: String, CodingKey {
            case name, phone, active, skills, availability, exceptions
            case unitID = "unit_id"
            case communityID = "community_id"
            case maxMinutesPerWeek = "max_minutes_per_week"
        }

        public func validate() throws(DomainError) {
            try Check.text(name, "name", max: 50)
            try Check.phone(phone, "phone")
            if let maxMinutesPerWeek { try Check.range(maxMinutesPerWeek, "max_minutes_per_week", 0...10_080) }
            var seen = Set<String>()
            for (i, grant) in (skills ?? []).enumerated() where !seen.insert(grant.skill).inserted {
                throw DomainError(field: "skills[\(i)].skill", reason: "is listed twice")
            }
            for (i, slot) in (availability ?? []).enumerated() {
                try Check.range(slot.weekday, "availability[\(i)].weekday", 1...7)
                if slot.end <= slot.start { throw DomainError(field: "availability[\(i)].end", reason: "must be after start") }
            }
            for (i, e) in (exceptions ?? []).enumerated() { try e.validate(at: "exceptions[\(i)]") }
        }
    }
}

/// A skill a volunteer holds, valid until `expiresOn` (inclusive) when set.
public struct SkillGrant: Codable, Sendable, Equatable {
    public var skill: String
    public var expiresOn: LocalDate?
    /// For a skill that needs a credential: who recorded (verified) it, and when (UTC,
    /// RFC 3339). Set by the database, never taken from a request.
    public var verifiedBy: String?
    public var verifiedAt: String?

    public init(skill: String, expiresOn: LocalDate? = nil, verifiedBy: String? = nil, verifiedAt: String? = nil) {
        self.skill = skill
        self.expiresOn = expiresOn
        self.verifiedBy = verifiedBy
        self.verifiedAt = verifiedAt
    }

    /// The same grant as a request would state it (what a volunteer may not change).
    public var asRequested: SkillGrant { SkillGrant(skill: skill, expiresOn: expiresOn) }

    enum CodingKeys: String, CodingKey {
        case skill
        case expiresOn = "expires_on"
        case verifiedBy = "verified_by"
        case verifiedAt = "verified_at"
    }
}

/// A weekly availability slot: ISO weekday (1 = Monday) and local times.
public struct WeeklySlot: Codable, Sendable, Equatable {
    public var weekday: Int
    public var start: LocalTime
    public var end: LocalTime

    public init(weekday: Int, start: LocalTime, end: LocalTime) {
        self.weekday = weekday
        self.start = start
        self.end = end
    }
}

/// A dated exception to the weekly pattern: a day off, or extra hours.
public struct AvailabilityException: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var available: Bool
    public var start: LocalTime?
    public var end: LocalTime?

    public init(date: LocalDate, available: Bool, start: LocalTime? = nil, end: LocalTime? = nil) {
        self.date = date
        self.available = available
        self.start = start
        self.end = end
    }

    func validate(at path: String) throws(DomainError) {
        if available {
            guard let start, let end else { throw DomainError(field: "\(path).start", reason: "extra hours need start and end") }
            if end <= start { throw DomainError(field: "\(path).end", reason: "must be after start") }
        } else if start != nil || end != nil {
            throw DomainError(field: "\(path).start", reason: "a day off has no times")
        }
    }
}

/// One page of a list, with the cursor of the next page when there is one.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var nextCursor: String?

    public init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }
}
