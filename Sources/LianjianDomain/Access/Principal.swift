import Foundation

/// Who is calling: a token's role and the one community, unit or volunteer it is scoped to.
public struct Principal: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// District admin: everything.
        case admin
        /// Community organiser: their community's events, participants, rosters, facilities.
        case organiser
        /// Partner-unit liaison: their unit's projects, volunteers and bookings.
        case liaison
        /// A volunteer: their own profile, assignments and calendar.
        case volunteer
    }

    public var tokenID: UUID
    public var role: Role
    public var community: Community.ID?
    public var unit: PartnerUnit.ID?
    public var volunteer: Volunteer.ID?

    public init(tokenID: UUID, role: Role, community: Community.ID? = nil, unit: PartnerUnit.ID? = nil, volunteer: Volunteer.ID? = nil) {
        self.tokenID = tokenID
        self.role = role
        self.community = community
        self.unit = unit
        self.volunteer = volunteer
    }

    enum CodingKeys: String, CodingKey {
        case role, community = "community_id", unit = "unit_id", volunteer = "volunteer_id", tokenID = "token_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeID(tokenID, forKey: .tokenID)
        try c.encode(role, forKey: .role)
        try c.encode(community, forKey: .community)
        try c.encode(unit, forKey: .unit)
        try c.encode(volunteer, forKey: .volunteer)
    }

    /// What an object belongs to, for object-level checks.
    public struct Owner: Sendable, Equatable {
        public var community: Community.ID?
        public var unit: PartnerUnit.ID?
        public var volunteer: Volunteer.ID?
        /// For a volunteer: the communities whose published rosters they are on.
        public var served: [Community.ID]
        public init(community: Community.ID? = nil, unit: PartnerUnit.ID? = nil, volunteer: Volunteer.ID? = nil, served: [Community.ID] = []) {
            self.community = community
            self.unit = unit
            self.volunteer = volunteer
            self.served = served
        }
    }

    /// Whether this principal may read an object it does not own but serves: an organiser reads
    /// the volunteers rostered in their community (their phone masked, as they belong elsewhere).
    public func serves(_ owner: Owner) -> Bool {
        covers(owner) || (role == .organiser && community.map { owner.served.contains($0) } == true)
    }

    /// Whether this principal's scope covers an object owned by `owner`.
    public func covers(_ owner: Owner) -> Bool {
        switch role {
        case .admin: true
        case .organiser: community != nil && owner.community == community
        case .liaison: unit != nil && owner.unit == unit
        case .volunteer: volunteer != nil && owner.volunteer == volunteer
        }
    }

    /// Whether personal data (full phone numbers) of a person owned by `owner` may be shown:
    /// to admins and to the owning unit, community or person.
    public func mayReadPersonalData(of owner: Owner) -> Bool {
        switch role {
        case .admin: true
        case .organiser: community != nil && owner.community == community
        case .liaison: unit != nil && owner.unit == unit
        case .volunteer: volunteer != nil && owner.volunteer == volunteer
        }
    }

    /// How the audit log names this caller.
    public var auditName: String { "token \(tokenID.uuidString.lowercased()) (\(role.rawValue))" }
}

/// Hiding personal data from those outside its owner.
public enum Mask {
    /// `13937100005` → `*******0005`: only the last four digits stay.
    public static func phone(_ phone: String) -> String {
        let digits = phone.filter(\.isNumber)
        guard digits.count > 4 else { return String(repeating: "*", count: digits.count) }
        return String(repeating: "*", count: digits.count - 4) + digits.suffix(4)
    }

    /// Masks every phone number inside free text, however it is written (see ``PhoneText``).
    public static func phones(in text: String) -> String { PhoneText.masked(text) }
}
