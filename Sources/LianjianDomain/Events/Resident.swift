/// A resident an event serves (an elderly person going to the film, someone at the clinic),
/// with what matters for staffing. Name, phone and needs are personal data.
public struct Resident: Codable, Sendable, Equatable {
    public typealias ID = Identifier<Resident>
    public var id: ID
    public var communityID: Community.ID
    public var name: String
    public var building: String
    public var phone: String
    public var needs: [String]

    public init(id: ID, communityID: Community.ID, name: String, building: String, phone: String, needs: [String]) {
        self.id = id
        self.communityID = communityID
        self.name = name
        self.building = building
        self.phone = phone
        self.needs = needs
    }

    enum CodingKeys: String, CodingKey {
        case id, name, building, phone, needs
        case communityID = "community_id"
    }

    public struct Draft: Codable, Sendable, Equatable, Validatable {
        public var name: String
        public var building: String?
        public var phone: String?
        public var needs: [String]?

        public init(name: String, building: String? = nil, phone: String? = nil, needs: [String]? = nil) {
            self.name = name
            self.building = building
            self.phone = phone
            self.needs = needs
        }

        public func validate() throws(DomainError) {
            try Check.text(name, "name", max: 50)
            try Check.text(building ?? "", "building", max: 50, allowEmpty: true)
            if let phone, !phone.isEmpty { try Check.phone(phone, "phone") }
            for (i, n) in (needs ?? []).enumerated() { try Check.oneOf(n, "needs[\(i)]", StaffingRule.knownNeeds) }
        }
    }
}
