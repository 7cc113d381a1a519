/// A joint project (联建项目) signed by a community and a partner unit.
public struct JointProject: Codable, Sendable, Equatable {
    public typealias ID = Identifier<JointProject>
    public var id: ID
    public var communityID: Community.ID
    public var unitID: PartnerUnit.ID
    public var title: String
    public var category: String
    public var signedOn: LocalDate
    public var status: String
    /// Volunteer time the unit pledged, in minutes per month.
    public var pledgeMinutesPerMonth: Int
    public var description: String

    public static let categories = [
        "elderly_companionship", "legal", "health", "parenting", "culture", "parking", "safety", "environment", "other",
    ]
    public static let statuses = ["active", "paused", "ended"]

    public init(
        id: ID, communityID: Community.ID, unitID: PartnerUnit.ID, title: String, category: String, signedOn: LocalDate,
        status: String, pledgeMinutesPerMonth: Int, description: String
    ) {
        self.id = id
        self.communityID = communityID
        self.unitID = unitID
        self.title = title
        self.category = category
        self.signedOn = signedOn
        self.status = status
        self.pledgeMinutesPerMonth = pledgeMinutesPerMonth
        self.description = description
    }

    enum CodingKeys: String, CodingKey {
        case id, title, category, status, description
        case communityID = "community_id"
        case unitID = "unit_id"
        case signedOn = "signed_on"
        case pledgeMinutesPerMonth = "pledge_minutes_per_month"
    }

    public struct Draft: Codable, Sendable, Equatable {
        public var communityID: Community.ID
        public var unitID: PartnerUnit.ID
        public var title: String
        public var category: String
        public var signedOn: LocalDate
        public var status: String?
        public var pledgeMinutesPerMonth: Int?
        public var description: String?

        public init(
            communityID: Community.ID, unitID: PartnerUnit.ID, title: String, category: String, signedOn: LocalDate,
            status: String? = nil, pledgeMinutesPerMonth: Int? = nil, description: String? = nil
        ) {
            self.communityID = communityID
            self.unitID = unitID
            self.title = title
            self.category = category
            self.signedOn = signedOn
            self.status = status
            self.pledgeMinutesPerMonth = pledgeMinutesPerMonth
            self.description = description
        }

        enum CodingKeys: String, CodingKey {
            case title, category, status, description
            case communityID = "community_id"
            case unitID = "unit_id"
            case signedOn = "signed_on"
            case pledgeMinutesPerMonth = "pledge_minutes_per_month"
        }

        public func validate() throws(DomainError) {
            try Check.text(title, "title", max: 200)
            try Check.oneOf(category, "category", JointProject.categories)
            if let status { try Check.oneOf(status, "status", JointProject.statuses) }
            if let pledgeMinutesPerMonth { try Check.range(pledgeMinutesPerMonth, "pledge_minutes_per_month", 0...1_000_000) }
            try Check.text(description ?? "", "description", max: 2000, allowEmpty: true, multiline: true)
        }
    }
}
