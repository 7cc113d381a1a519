import Foundation

/// Who may use how much of a facility when: on some weekdays, between two local times
/// (a range may cross midnight: residents 18:00–08:00), a pool of bays guaranteed to a
/// class and a cap on it, valid between two dates.
public struct SharingWindow: Encodable, Sendable, Equatable {
    public typealias ID = Identifier<SharingWindow>
    public var id: ID
    public var facilityID: Facility.ID
    public var userClass: UserClass
    /// ISO weekdays (1 = Monday) on which the window *starts*.
    public var weekdays: [Int]
    public var start: LocalTime
    /// Not after `start` means the next day; equal to `start` means 24 hours.
    public var end: LocalTime
    /// Bays no other class may take while this window is open.
    public var guaranteedBays: Int
    /// Most bays this class may hold at once while this window is open.
    public var capBays: Int
    public var validFrom: LocalDate
    public var validUntil: LocalDate?
    public var label: String

    public init(id: ID, facilityID: Facility.ID, userClass: UserClass, weekdays: [Int], start: LocalTime, end: LocalTime,
                guaranteedBays: Int, capBays: Int, validFrom: LocalDate, validUntil: LocalDate?, label: String = "") {
        self.id = id
        self.facilityID = facilityID
        self.userClass = userClass
        self.weekdays = weekdays
        self.start = start
        self.end = end
        self.guaranteedBays = guaranteedBays
        self.capBays = capBays
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.label = label
    }

    enum CodingKeys: String, CodingKey {
        case id, weekdays, start, end, label
        case facilityID = "facility_id"
        case userClass = "user_class"
        case unitID = "unit_id"
        case guaranteedBays = "guaranteed_bays"
        case capBays = "cap_bays"
        case validFrom = "valid_from"
        case validUntil = "valid_until"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(facilityID, forKey: .facilityID)
        try c.encode(userClass.kind, forKey: .userClass)
        try c.encode(userClass.unitID, forKey: .unitID)
        try c.encode(weekdays, forKey: .weekdays)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(guaranteedBays, forKey: .guaranteedBays)
        try c.encode(capBays, forKey: .capBays)
        try c.encode(validFrom, forKey: .validFrom)
        try c.encode(validUntil, forKey: .validUntil)
        try c.encode(label, forKey: .label)
    }

    /// Length of one opening in minutes (1…1440).
    public var minutes: Int {
        let d = (end.minutes - start.minutes + 1440) % 1440
        return d == 0 ? 1440 : d
    }

    /// Whether an opening starts on `date`.
    public func opens(on date: LocalDate) -> Bool {
        date >= validFrom && (validUntil.map { date <= $0 } ?? true) && weekdays.contains(date.isoWeekday)
    }

    /// The openings that overlap `[from, to)`, as absolute intervals in `zone`.
    public func openings(overlapping from: Date, _ to: Date, in zone: TimeZone) -> [TimeSpan] {
        var result: [TimeSpan] = []
        var date = LocalDate(from, in: zone).adding(days: -1)
        let last = LocalDate(to, in: zone)
        while date <= last {
            if opens(on: date) {
                let s = date.at(start, in: zone)
                let span = TimeSpan(s, s.addingTimeInterval(TimeInterval(minutes * 60)))
                if span.start < to && span.end > from { result.append(span) }
            }
            date = date.adding(days: 1)
        }
        return result
    }
}

/// A half-open interval of time `[start, end)`.
public struct TimeSpan: Sendable, Hashable, Codable {
    public var start: Date
    public var end: Date

    public init(_ start: Date, _ end: Date) {
        self.start = start
        self.end = end
    }

    public func overlaps(_ other: TimeSpan) -> Bool { start < other.end && other.start < end }
    public func contains(_ t: Date) -> Bool { start <= t && t < end }
}
