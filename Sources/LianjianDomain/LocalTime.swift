import Foundation

/// A wall-clock time `HH:MM` in a community's time zone.
public struct LocalTime: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Minutes after midnight, 0..<1440.
    public let minutes: Int

    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 2, parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m),
            parts.count == 2 || parts[2] == "00"
        else { return nil }
        minutes = h * 60 + m
    }

    public init(minutes: Int) { self.minutes = minutes }

    public var description: String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
    public static func < (a: Self, b: Self) -> Bool { a.minutes < b.minutes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        guard let value = LocalTime(try c.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "must be a time HH:MM")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A calendar date `YYYY-MM-DD`.
public struct LocalDate: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            // Year 0 does not exist for PostgreSQL.
            let y = Int(parts[0]), y >= 1, let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1,
            d <= Self.days(inMonth: m, year: y)
        else { return nil }
        (year, month, day) = (y, m, d)
    }

    /// A date already known to be valid.
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    static func days(inMonth m: Int, year y: Int) -> Int {
        switch m {
        case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
    public static func < (a: Self, b: Self) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        // What a client sends: years outside 1900–2200 are typing mistakes here. (Dates read back
        // from the database go through `init?(_:)`, which takes any year, so they never trap.)
        guard let value = LocalDate(try c.decode(String.self)), (1900...2200).contains(value.year) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "must be a date YYYY-MM-DD (years 1900–2200)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
