/// A roster problem in the `roster-problem/1` format (see `shared/spec/roster-problem.md`).
///
/// Decode it with ``Problem/decode(_:)``, which also validates it: a problem that
/// breaks the format's rules is rejected with a ``ProblemError`` naming the JSON path.
public struct Problem: Codable, Sendable, Equatable {
    /// The format tag; always `roster-problem/1`.
    public var format: String
    public var horizon: Interval
    /// Minutes a volunteer needs between shifts in different communities.
    public var travelMinutes: Int
    public var weights: Weights
    public var volunteers: [Volunteer]
    public var shifts: [Shift]
    /// Pairs that must be in the roster.
    public var pinned: [Pair]
    /// The roster currently published; pairs not kept cost `weights.change`.
    public var previous: [Pair]

    public static let formatTag = "roster-problem/1"

    public init(
        horizon: Interval, travelMinutes: Int, weights: Weights, volunteers: [Volunteer],
        shifts: [Shift], pinned: [Pair] = [], previous: [Pair] = []
    ) {
        self.format = Self.formatTag
        self.horizon = horizon
        self.travelMinutes = travelMinutes
        self.weights = weights
        self.volunteers = volunteers
        self.shifts = shifts
        self.pinned = pinned
        self.previous = previous
    }

    enum CodingKeys: String, CodingKey {
        case format, horizon, weights, volunteers, shifts, pinned, previous
        case travelMinutes = "travel_minutes"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        horizon = try c.decode(Interval.self, forKey: .horizon)
        travelMinutes = try c.decode(Int.self, forKey: .travelMinutes)
        weights = try c.decode(Weights.self, forKey: .weights)
        volunteers = try c.decode([Volunteer].self, forKey: .volunteers)
        shifts = try c.decode([Shift].self, forKey: .shifts)
        pinned = try c.decodeIfPresent([Pair].self, forKey: .pinned) ?? []
        previous = try c.decodeIfPresent([Pair].self, forKey: .previous) ?? []
    }
}

/// The score weights; every weight is a non-negative integer.
public struct Weights: Codable, Sendable, Equatable {
    public var unfilled: Int
    public var away: Int
    public var fairness: Int
    public var change: Int

    public init(unfilled: Int = 1000, away: Int = 5, fairness: Int = 1, change: Int = 50) {
        self.unfilled = unfilled
        self.away = away
        self.fairness = fairness
        self.change = change
    }
}

/// A half-open time interval `[start, end)` given as RFC 3339 timestamps.
public struct Interval: Codable, Sendable, Equatable {
    public var start: Timestamp
    public var end: Timestamp

    public init(start: Timestamp, end: Timestamp) {
        self.start = start
        self.end = end
    }
}

/// A volunteer who can be rostered.
public struct Volunteer: Codable, Sendable, Equatable {
    public var id: String
    /// The partner unit; `nil` for residents who volunteer on their own.
    public var unit: String?
    public var community: String
    public var skills: [String]
    public var available: [Interval]
    public var maxMinutes: Int

    public init(
        id: String, unit: String? = nil, community: String, skills: [String],
        available: [Interval], maxMinutes: Int
    ) {
        self.id = id
        self.unit = unit
        self.community = community
        self.skills = skills
        self.available = available
        self.maxMinutes = maxMinutes
    }

    enum CodingKeys: String, CodingKey {
        case id, unit, community, skills, available
        case maxMinutes = "max_minutes"
    }
}

/// A shift: `required` volunteers with one skill for one time interval.
public struct Shift: Codable, Sendable, Equatable {
    public var id: String
    public var event: String
    public var community: String
    public var start: Timestamp
    public var end: Timestamp
    public var skill: String
    public var required: Int
    /// Weight of an unfilled position (default 1).
    public var priority: Int
    /// Units allowed to staff it; empty means any unit.
    public var units: [String]

    public init(
        id: String, event: String, community: String, start: Timestamp, end: Timestamp,
        skill: String, required: Int, priority: Int = 1, units: [String] = []
    ) {
        self.id = id
        self.event = event
        self.community = community
        self.start = start
        self.end = end
        self.skill = skill
        self.required = required
        self.priority = priority
        self.units = units
    }

    enum CodingKeys: String, CodingKey {
        case id, event, community, start, end, skill, required, priority, units
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        event = try c.decode(String.self, forKey: .event)
        community = try c.decode(String.self, forKey: .community)
        start = try c.decode(Timestamp.self, forKey: .start)
        end = try c.decode(Timestamp.self, forKey: .end)
        skill = try c.decode(String.self, forKey: .skill)
        required = try c.decode(Int.self, forKey: .required)
        priority = try c.decodeIfPresent(Int.self, forKey: .priority) ?? 1
        units = try c.decodeIfPresent([String].self, forKey: .units) ?? []
    }
}

/// A (shift, volunteer) pair: an assignment, a pin or a previous assignment.
public struct Pair: Codable, Sendable, Hashable {
    public var shift: String
    public var volunteer: String

    public init(shift: String, volunteer: String) {
        self.shift = shift
        self.volunteer = volunteer
    }
}
