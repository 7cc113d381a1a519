import Foundation

/// The printable roster and sign-in sheet of one event: who staffs it, who accompanies whom,
/// and a line per resident to sign. Phone numbers are printed with only their last four digits.
public struct EventSheet: Sendable {
    public struct Staff: Sendable {
        /// The role's skill as people read it (`陪护`).
        public var skill: String
        public var name: String
        public var unit: String
        public var phone: String
        /// Whether this person comes from a draft roster, not the published one.
        public var draft: Bool
        public init(skill: String, name: String, unit: String, phone: String, draft: Bool = false) {
            self.skill = skill
            self.name = name
            self.unit = unit
            self.phone = phone
            self.draft = draft
        }
    }

    public struct Person: Sendable {
        public var id: String
        public var name: String
        public var building: String
        public var needs: [String]
        public var phone: String
        public init(id: String, name: String, building: String, needs: [String], phone: String) {
            self.id = id
            self.name = name
            self.building = building
            self.needs = needs
            self.phone = phone
        }
    }

    /// Where the people on the sheet come from.
    public enum Roster: Sendable, Equatable {
        /// Every role's people are the published roster's.
        case published
        /// Some role has no published roster yet: its people are the newest draft's, which may still change.
        case draft
        /// No roster, published or draft, covers the event yet.
        case none
    }

    public var title: String
    public var venue: String
    public var start: Date
    public var end: Date
    public var zone: TimeZone
    public var staff: [Staff]
    public var participants: [Person]
    /// Companion's volunteer name → residents' ids.
    public var groups: [(companion: String, residents: [String])]
    public var roster: Roster
    /// The organising community's name (`香园街社区`).
    public var community: String
    /// The joint project the event belongs to.
    public var project: String
    /// The partner unit running the project with the community, and its liaison (phone as the
    /// reader may see it). The community itself has no contact fields: the sheet leaves a line
    /// for the on-site contact to be written in.
    public var unit: PartnerUnit?
    /// Each role's skill (as `Staff.skill` names it) and how many people it needs.
    public var roles: [(skill: String, required: Int)]
    /// The volunteers' check-in code and its QR code picture (SVG), when the sheet carries them.
    public var checkIn: (code: String, qrSVG: String)?

    public init(title: String, venue: String, start: Date, end: Date, zone: TimeZone, staff: [Staff], participants: [Person],
                groups: [(companion: String, residents: [String])], roster: Roster = .published, community: String = "",
                project: String = "", unit: PartnerUnit? = nil, roles: [(skill: String, required: Int)] = []) {
        self.title = title
        self.venue = venue
        self.start = start
        self.end = end
        self.zone = zone
        self.staff = staff
        self.participants = participants
        self.groups = groups
        self.roster = roster
        self.community = community
        self.project = project
        self.unit = unit
        self.roles = roles
    }

    static let needNames = ["mobility_aid": "助行器", "wheelchair": "轮椅", "hearing": "听力", "vision": "视力",
                            "living_alone": "独居", "dementia": "认知障碍"]
}
