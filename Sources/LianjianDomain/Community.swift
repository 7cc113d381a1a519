/// A residential community (社区), e.g. 二十里铺社区, with its estates (小区).
public struct Community: Codable, Sendable, Equatable {
    public typealias ID = Identifier<Community>
    public var id: ID
    /// A short unique code, e.g. `ershilipu`.
    public var code: String
    public var name: String
    public var district: String
    /// IANA time zone of the community's local times.
    public var timeZone: String
    /// Who is in charge of its volunteer service (named on its certificates), and the office's phone.
    public var contactName: String
    public var contactPhone: String

    public init(id: ID, code: String, name: String, district: String, timeZone: String, contactName: String = "", contactPhone: String = "") {
        self.id = id
        self.code = code
        self.name = name
        self.district = district
        self.timeZone = timeZone
        self.contactName = contactName
        self.contactPhone = contactPhone
    }

    enum CodingKeys: String, CodingKey {
        case id, code, name, district
        case timeZone = "time_zone"
        case contactName = "contact_name"
        case contactPhone = "contact_phone"
    }

    /// What a client sends to create or replace a community.
    public struct Draft: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public var district: String?
        public var timeZone: String?
        public var contactName: String?
        public var contactPhone: String?

        public init(code: String, name: String, district: String? = nil, timeZone: String? = nil, contactName: String? = nil,
                    contactPhone: String? = nil) {
            self.code = code
            self.name = name
            self.district = district
            self.timeZone = timeZone
            self.contactName = contactName
            self.contactPhone = contactPhone
        }

        enum CodingKeys: String, CodingKey {
            case code, name, district
            case timeZone = "time_zone"
            case contactName = "contact_name"
            case contactPhone = "contact_phone"
        }

        public func validate() throws(DomainError) {
            try Check.code(code, "code")
            try Check.text(name, "name", max: 100)
            try Check.text(district ?? "", "district", max: 100, allowEmpty: true)
            if let timeZone, TimeZone(identifier: timeZone) == nil {
                throw DomainError(field: "time_zone", reason: "is not a known time zone")
            }
            try Check.text(contactName ?? "", "contact_name", max: 50, allowEmpty: true)
            if let contactPhone, !contactPhone.isEmpty { try Check.phone(contactPhone, "contact_phone") }
        }
    }
}

/// An estate (小区) of a community, with its buildings.
public struct Estate: Codable, Sendable, Equatable {
    public typealias ID = Identifier<Estate>
    public var id: ID
    public var communityID: Community.ID
    public var name: String
    public var address: String
    public var households: Int?
    public var buildings: [String]

    public init(id: ID, communityID: Community.ID, name: String, address: String, households: Int?, buildings: [String]) {
        self.id = id
        self.communityID = communityID
        self.name = name
        self.address = address
        self.households = households
        self.buildings = buildings
    }

    enum CodingKeys: String, CodingKey {
        case id, name, address, households, buildings
        case communityID = "community_id"
    }

    public struct Draft: Codable, Sendable, Equatable {
        public var name: String
        public var address: String?
        public var households: Int?
        public var buildings: [String]?

        public init(name: String, address: String? = nil, households: Int? = nil, buildings: [String]? = nil) {
            self.name = name
            self.address = address
            self.households = households
            self.buildings = buildings
        }

        public func validate() throws(DomainError) {
            try Check.text(name, "name", max: 100)
            try Check.text(address ?? "", "address", max: 200, allowEmpty: true)
            if let households { try Check.range(households, "households", 0...100_000) }
            for (i, b) in (buildings ?? []).enumerated() { try Check.text(b, "buildings[\(i)]", max: 50) }
        }
    }
}

import Foundation

extension Community {
    /// The community's time zone (the deployment's when the name is unknown).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? DisplayZone.current }
}
