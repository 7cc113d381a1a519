import Foundation
import LianjianDomain
import RosterSolver

extension RosterRepository {
    /// One volunteer on one event role. Two assignments are the same pair whatever their labels.
    public struct Assignment: Sendable, Codable, Hashable {
        public var roleID: UUID
        public var volunteerID: UUID
        /// What people read beside the ids; filled in when a version is read, never stored.
        public var label: Label?

        public init(roleID: UUID, volunteerID: UUID, label: Label? = nil) {
            self.roleID = roleID
            self.volunteerID = volunteerID
            self.label = label
        }

        enum CodingKeys: String, CodingKey {
            case roleID = "role_id"
            case volunteerID = "volunteer_id"
            case volunteerName = "volunteer_name"
            case eventID = "event_id"
            case eventTitle = "event_title"
            case skill, start, end, response, pinned
        }

        public static func == (a: Assignment, b: Assignment) -> Bool { a.roleID == b.roleID && a.volunteerID == b.volunteerID }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(roleID)
            hasher.combine(volunteerID)
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            roleID = try c.decode(UUID.self, forKey: .roleID)
            volunteerID = try c.decode(UUID.self, forKey: .volunteerID)
            label = nil
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeID(roleID, forKey: .roleID)
            try c.encodeID(volunteerID, forKey: .volunteerID)
            guard let label else { return }
            try c.encode(label.volunteerName, forKey: .volunteerName)
            try c.encodeID(label.eventID, forKey: .eventID)
            try c.encode(label.eventTitle, forKey: .eventTitle)
            try c.encode(label.skill, forKey: .skill)
            try c.encode(label.start.rfc3339, forKey: .start)
            try c.encode(label.end.rfc3339, forKey: .end)
            try c.encode(label.response, forKey: .response)
            try c.encode(label.pinned, forKey: .pinned)
        }

        /// The pair as the solver's files spell it (lower-case ids).
        var pair: RosterSolver.Pair { .init(shift: roleID.lower, volunteer: volunteerID.lower) }

        init?(_ pair: RosterSolver.Pair) {
            guard let role = UUID(uuidString: pair.shift), let volunteer = UUID(uuidString: pair.volunteer) else { return nil }
            self.init(roleID: role, volunteerID: volunteer)
        }
    }

    /// The names and times of an assignment, its volunteer's answer, and whether it is pinned by hand.
    public struct Label: Sendable, Equatable {
        public var volunteerName: String
        public var eventID: UUID
        public var eventTitle: String
        public var skill: String
        /// The skill's name in Chinese, for pages (the API answers with the code).
        public var skillName: String
        public var start: Date
        public var end: Date
        public var response: String?
        public var pinned: Bool
    }

    /// What changed against the published roster: pairs added and removed, and volunteers
    /// moved from one role to another.
    public struct Diff: Sendable, Codable, Equatable {
        public var added: [Assignment]
        public var removed: [Assignment]
        public var moved: [Move]
        public struct Move: Sendable, Codable, Equatable {
            public var volunteerID: UUID
            public var fromRole: UUID
            public var toRole: UUID
            /// Filled in when a version is read, never stored.
            public var volunteerName: String?
            public var fromEventTitle: String?
            public var toEventTitle: String?

            init(volunteerID: UUID, fromRole: UUID, toRole: UUID) {
                self.volunteerID = volunteerID
                self.fromRole = fromRole
                self.toRole = toRole
            }

            enum CodingKeys: String, CodingKey {
                case volunteerID = "volunteer_id"
                case fromRole = "from_role"
                case toRole = "to_role"
                case volunteerName = "volunteer_name"
                case fromEventTitle = "from_event_title"
                case toEventTitle = "to_event_title"
            }

            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: CodingKeys.self)
                try c.encodeID(volunteerID, forKey: .volunteerID)
                try c.encodeID(fromRole, forKey: .fromRole)
                try c.encodeID(toRole, forKey: .toRole)
                try c.encodeIfPresent(volunteerName, forKey: .volunteerName)
                try c.encodeIfPresent(fromEventTitle, forKey: .fromEventTitle)
                try c.encodeIfPresent(toEventTitle, forKey: .toEventTitle)
            }
        }

        static func between(published: Set<Assignment>, new: Set<Assignment>) -> Diff {
            let added = new.subtracting(published).sorted { ($0.volunteerID.lower, $0.roleID.lower) < ($1.volunteerID.lower, $1.roleID.lower) }
            let removed = published.subtracting(new).sorted { ($0.volunteerID.lower, $0.roleID.lower) < ($1.volunteerID.lower, $1.roleID.lower) }
            var moved: [Move] = []
            for r in removed { if let a = added.first(where: { $0.volunteerID == r.volunteerID }) { moved.append(Move(volunteerID: r.volunteerID, fromRole: r.roleID, toRole: a.roleID)) } }
            return Diff(added: added, removed: removed, moved: moved)
        }
    }
}
