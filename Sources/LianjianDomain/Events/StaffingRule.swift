/// How many volunteers of one skill an event needs: a fixed count (the legal clinic's notary),
/// or one per `perParticipants` residents (1 companion per 3), where a resident with a need in
/// `needs` gets that many companions of their own instead (a mobility aid: 1).
public struct StaffingRule: Codable, Sendable, Equatable {
    public var skill: String
    public var count: Int?
    public var perParticipants: Int?
    public var needs: [String: Int]?
    /// Only volunteers of the project's partner unit.
    public var unitsOnly: Bool?
    public var priority: Int?

    public init(skill: String, count: Int? = nil, perParticipants: Int? = nil, needs: [String: Int]? = nil,
                unitsOnly: Bool? = nil, priority: Int? = nil) {
        self.skill = skill
        self.count = count
        self.perParticipants = perParticipants
        self.needs = needs
        self.unitsOnly = unitsOnly
        self.priority = priority
    }

    enum CodingKeys: String, CodingKey {
        case skill, count, needs, priority
        case perParticipants = "per_participants"
        case unitsOnly = "units_only"
    }

    public static let knownNeeds = ["mobility_aid", "wheelchair", "hearing", "vision", "living_alone", "dementia"]

    public func validate(_ field: String) throws(DomainError) {
        try Check.text(skill, "\(field).skill", max: 40)
        switch (count, perParticipants) {
        case (nil, nil): throw DomainError(field: "\(field).count", reason: "give count or per_participants")
        case (.some, .some): throw DomainError(field: "\(field).per_participants", reason: "give count or per_participants, not both")
        case (let n?, nil): try Check.range(n, "\(field).count", 1...1000)
        case (nil, let n?): try Check.range(n, "\(field).per_participants", 1...1000)
        }
        if needs != nil && perParticipants == nil { throw DomainError(field: "\(field).needs", reason: "only applies with per_participants") }
        for (need, n) in (needs ?? [:]).sorted(by: { $0.key < $1.key }) {
            try Check.oneOf(need, "\(field).needs.\(need)", Self.knownNeeds)
            try Check.range(n, "\(field).needs.\(need)", 0...10)
        }
        try Check.range(priority ?? 1, "\(field).priority", 0...100)
    }

    /// Volunteers needed for participants with these needs (one list per participant).
    public func required(participants: [[String]]) -> Int {
        if let count { return count }
        guard let per = perParticipants else { return 0 }
        var ordinary = 0
        var own = 0
        for needs in participants {
            // A participant with an overriding need gets their own companions (the largest need wins).
            if let n = needs.compactMap({ self.needs?[$0] }).max(), n > 0 { own += n } else { ordinary += 1 }
        }
        return (ordinary + per - 1) / per + own
    }
}
