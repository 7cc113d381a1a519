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

    /// How the caller signed in: an API token, or a console session (whose id is `tokenID`).
    public enum Via: String, Sendable, Codable { case token, session }

    /// The token's id, or the console session's.
    public var tokenID: UUID
    public var role: Role
    public var community: Community.ID?
    public var unit: PartnerUnit.ID?
    public var volunteer: Volunteer.ID?
    public var via: Via = .token

    public init(tokenID: UUID, role: Role, community: Community.ID? = nil, unit: PartnerUnit.ID? = nil, volunteer: Volunteer.ID? = nil,
                via: Via = .token) {
        self.via = via
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
        /// For a volunteer: the communities whose published rosters they are on. For a partner
        /// unit: the communities it has joint projects in.
        public var served: [Community.ID]
        /// For a roster version: the partner units whose joint projects' events it staffs.
        public var servedUnits: [PartnerUnit.ID]
        public init(community: Community.ID? = nil, unit: PartnerUnit.ID? = nil, volunteer: Volunteer.ID? = nil, served: [Community.ID] = [],
                    servedUnits: [PartnerUnit.ID] = []) {
            self.community = community
            self.unit = unit
            self.volunteer = volunteer
            self.served = served
            self.servedUnits = servedUnits
        }
    }

    /// Whether this principal may read an object it does not own but serves: an organiser reads
    /// the volunteers rostered in their community (their phone masked, as they belong elsewhere);
    /// a liaison reads the rosters that staff their unit's events.
    public func serves(_ owner: Owner) -> Bool {
        if covers(owner) { return true }
        switch role {
        case .organiser: return community.map { owner.served.contains($0) } == true
        case .liaison: return unit.map { owner.servedUnits.contains($0) } == true
        case .admin, .volunteer: return false
        }
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

    /// Whether a partner unit's liaison contact (their phone) may be shown, the unit owned by
    /// `owner`: to whoever may read the unit's personal data, and to the organisers of the
    /// communities the unit has joint projects in, who must be able to call their counterpart.
    public func mayCallLiaison(of owner: Owner) -> Bool {
        mayReadPersonalData(of: owner) || (role == .organiser && owner.unit != nil && serves(owner))
    }

    /// How the audit log names this caller.
    public var auditName: String { "\(via == .token ? "token" : "session") \(tokenID.uuidString.lowercased()) (\(role.rawValue))" }
}

/// Hiding personal data from those outside its owner.
public enum Mask {
    /// `13937100005` → `*******0005`: only the last four digits stay.
    public static func phone(_ phone: String) -> String {
        let digits = phone.filter(\.isNumber)
        guard digits.count > 4 else { return String(repeating: "*", count: digits.count) }
        return String(repeating: "*", count: digits.count - 4) + digits.suffix(4)
    }

    /// `王秀英` → `王**`: only the first character stays, so a list can be counted but not read.
    public static func name(_ name: String) -> String {
        guard let first = name.first, name.count > 1 else { return name.isEmpty ? "" : "*" }
        return String(first) + String(repeating: "*", count: name.count - 1)
    }

    /// Masks every phone number inside free text, however it is written (see ``PhoneText``).
    public static func phones(in text: String) -> String { PhoneText.masked(text) }
}
