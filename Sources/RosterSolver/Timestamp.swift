/// An RFC 3339 timestamp with an explicit offset, kept with its original text.
///
/// Comparison and arithmetic use ``epochMillis``; the text is written back unchanged.
public struct Timestamp: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let epochMillis: Int64
    /// The text as it was written.
    public let text: String

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`; returns `nil` for anything else.
    public init?(_ text: String) {
        guard let millis = Self.parse(Array(text.utf8)) else { return nil }
        self.epochMillis = millis
        self.text = text
    }

    /// A timestamp at `epochSeconds` written with the given offset in minutes.
    public init(epochSeconds: Int64, offsetMinutes: Int = 480) {
        self.epochMillis = epochSeconds * 1000
        self.text = Self.format(epochSeconds: epochSeconds, offsetMinutes: offsetMinutes)
    }

    public var description: String { text }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.epochMillis < b.epochMillis }
    public static func == (a: Timestamp, b: Timestamp) -> Bool { a.epochMillis == b.epochMillis }
    public func hash(into hasher: inout Hasher) { hasher.combine(epochMillis) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let raw = try container.decode(String.self)
        guard let value = Timestamp(raw) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not an RFC 3339 timestamp with an offset: \(raw)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    // MARK: - Parsing

    private static func parse(_ b: [UInt8]) -> Int64? {
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                let d = Int(b[i]) - 48
                guard (0...9).contains(d) else { return nil }
                v = v * 10 + d
            }
            return v
        }
        guard b.count >= 20, b[4] == 45, b[7] == 45, b[10] == 84 || b[10] == 116,
            b[13] == 58, b[16] == 58,
            let y = digits(0, 4), let mo = digits(5, 2), let d = digits(8, 2),
            let h = digits(11, 2), let mi = digits(14, 2), let s = digits(17, 2),
            (1...12).contains(mo), (1...daysIn(month: mo, year: y)).contains(d),
            h < 24, mi < 60, s < 61
        else { return nil }
        var i = 19
        var millis = 0
        if b[i] == 46 {  // fractional seconds
            i += 1
            var scale = 100
            let begin = i
            while i < b.count, (48...57).contains(b[i]) {
                millis += (Int(b[i]) - 48) * scale
                scale /= 10
                i += 1
            }
            guard i > begin else { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        if b[i] == 90 || b[i] == 122 {
            i += 1
        } else if b[i] == 43 || b[i] == 45, let oh = digits(i + 1, 2), b.count > i + 3, b[i + 3] == 58,
            let om = digits(i + 4, 2), oh < 24, om < 60
        {
            offset = (oh * 60 + om) * (b[i] == 43 ? 1 : -1)
            i += 6
        } else {
            return nil
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(y, mo, d)
        let seconds = Int64(days) * 86_400 + Int64(h * 3600 + mi * 60 + s) - Int64(offset * 60)
        return seconds * 1000 + Int64(millis)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func format(epochSeconds: Int64, offsetMinutes: Int) -> String {
        let local = epochSeconds + Int64(offsetMinutes * 60)
        var days = Int(local / 86_400)
        var secs = Int(local % 86_400)
        if secs < 0 { secs += 86_400; days -= 1 }
        // civil_from_days
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let sign = offsetMinutes >= 0 ? "+" : "-"
        let off = abs(offsetMinutes)
        return "\(y)-\(two(m))-\(two(d))T\(two(secs / 3600)):\(two(secs / 60 % 60)):\(two(secs % 60))"
            + "\(sign)\(two(off / 60)):\(two(off % 60))"
    }
}
