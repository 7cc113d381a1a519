import Foundation

/// A month's report of pledges against what was delivered: per joint project, per partner unit
/// and per category of project. Hours come from the service-hours ledger (the unit's people
/// only), events held are those of the project that took place, and positions are the roles'
/// places filled by the unit's people who came, against what each event needed.
public struct PledgeReport: Sendable, Encodable, Equatable {
    /// A pledge in force in the month, with its project.
    public struct Pledged: Sendable, Equatable {
        public var pledge: Pledge
        public var project: String
        public var category: String
        public var community: String
        public var unitID: UUID
        public var unit: String
        public var outlook: Outlook?
        public init(pledge: Pledge, project: String, category: String, community: String, unitID: UUID, unit: String, outlook: Outlook? = nil) {
            self.pledge = pledge
            self.project = project
            self.category = category
            self.community = community
            self.unitID = unitID
            self.unit = unit
            self.outlook = outlook
        }
    }

    /// One event of a pledged project: when, whether it was held, and each role's places.
    public struct Held: Sendable, Equatable {
        public struct Role: Sendable, Equatable {
            public var skill: String
            public var required: Int
            /// The unit's people who signed in to the role, and those marked as no-shows.
            public var came: Int
            public var noShows: Int
            public init(skill: String, required: Int, came: Int, noShows: Int) {
                self.skill = skill
                self.required = required
                self.came = came
                self.noShows = noShows
            }
        }
        public var projectID: UUID
        public var date: LocalDate
        public var held: Bool
        public var roles: [Role]
        public init(projectID: UUID, date: LocalDate, held: Bool, roles: [Role]) {
            self.projectID = projectID
            self.date = date
            self.held = held
            self.roles = roles
        }
    }

    /// What the nightly check found of the coming month.
    public struct Outlook: Sendable, Encodable, Equatable {
        public var month: String
        public var fulfillable: Bool
        public var reason: String
        public init(month: String, fulfillable: Bool, reason: String) {
            self.month = month
            self.fulfillable = fulfillable
            self.reason = reason
        }
    }

    public struct Line: Sendable, Encodable, Equatable {
        public var projectID: String
        public var project: String
        public var category: String
        public var community: String
        public var unitID: String
        public var unit: String
        public var pledgedMinutes: Int
        public var deliveredMinutes: Int
        public var period: String
        public var periodFrom: String
        public var periodTo: String
        public var eventsPledged: Int
        public var eventsHeld: Int
        public var positionsRequired: Int
        public var positionsFilled: Int
        public var attended: Int
        public var noShows: Int
        /// `hours`, `events`, `positions`: what fell short of the pledge.
        public var shortfalls: [String]
        public var outlook: Outlook?

        enum CodingKeys: String, CodingKey {
            case project, category, community, unit, period, attended, shortfalls, outlook
            case projectID = "project_id", unitID = "unit_id", pledgedMinutes = "pledged_minutes", deliveredMinutes = "delivered_minutes"
            case periodFrom = "period_from", periodTo = "period_to", eventsPledged = "events_pledged", eventsHeld = "events_held"
            case positionsRequired = "positions_required", positionsFilled = "positions_filled", noShows = "no_shows"
        }
    }

    /// Sums over lines: per unit, per category, and for the whole report.
    public struct Total: Sendable, Encodable, Equatable {
        public var key: String
        public var name: String
        public var pledgedMinutes = 0
        public var deliveredMinutes = 0
        public var eventsPledged = 0
        public var eventsHeld = 0
        public var positionsRequired = 0
        public var positionsFilled = 0
        public var attended = 0
        public var noShows = 0
        public var shortProjects = 0

        /// No-shows among the unit's people who were rostered and marked, or nil with none marked.
        public var noShowRate: Double? { attended + noShows == 0 ? nil : Double(noShows) / Double(attended + noShows) }

        mutating func add(_ l: Line) {
            pledgedMinutes += l.pledgedMinutes
            deliveredMinutes += l.deliveredMinutes
            eventsPledged += l.eventsPledged
            eventsHeld += l.eventsHeld
            positionsRequired += l.positionsRequired
            positionsFilled += l.positionsFilled
            attended += l.attended
            noShows += l.noShows
            shortProjects += l.shortfalls.isEmpty ? 0 : 1
        }

        enum CodingKeys: String, CodingKey {
            case key, name, attended
            case pledgedMinutes = "pledged_minutes", deliveredMinutes = "delivered_minutes", eventsPledged = "events_pledged"
            case eventsHeld = "events_held", positionsRequired = "positions_required", positionsFilled = "positions_filled"
            case noShows = "no_shows", noShowRate = "no_show_rate", shortProjects = "short_projects"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(key, forKey: .key)
            try c.encode(name, forKey: .name)
            for (k, v) in [(CodingKeys.pledgedMinutes, pledgedMinutes), (.deliveredMinutes, deliveredMinutes), (.eventsPledged, eventsPledged),
                           (.eventsHeld, eventsHeld), (.positionsRequired, positionsRequired), (.positionsFilled, positionsFilled),
                           (.attended, attended), (.noShows, noShows), (.shortProjects, shortProjects)] {
                try c.encode(v, forKey: k)
            }
            try c.encode(noShowRate, forKey: .noShowRate)
        }
    }

    public var month: String
    /// `district`, `community` or `unit`, and the name of the one reported on.
    public var scope: String
    public var scopeName: String
    public var lines: [Line]
    public var units: [Total]
    public var categories: [Total]
    public var total: Total

    enum CodingKeys: String, CodingKey {
        case month, scope, units, categories, total
        case scopeName = "scope_name", lines = "projects"
    }
}
