import Foundation

extension Booking {
    /// What a client sends to book bays. Times are RFC 3339 (`2026-12-05T08:00:00+08:00`) or
    /// local to the community (`2026-12-05T08:00`); `repeat` books the same times on more days.
    public struct Request: Codable, Sendable, Equatable, Validatable {
        public var userClass: String
        public var unitID: PartnerUnit.ID?
        public var holder: String
        public var bays: Int?
        public var start: String
        public var end: String
        public var `repeat`: Repeat?

        public struct Repeat: Codable, Sendable, Equatable {
            public var weekdays: [Int]
            public var until: LocalDate
            public init(weekdays: [Int], until: LocalDate) {
                self.weekdays = weekdays
                self.until = until
            }
        }

        public init(userClass: String, unitID: PartnerUnit.ID? = nil, holder: String, bays: Int? = nil,
                    start: String, end: String, repeat: Repeat? = nil) {
            self.userClass = userClass
            self.unitID = unitID
            self.holder = holder
            self.bays = bays
            self.start = start
            self.end = end
            self.repeat = `repeat`
        }

        enum CodingKeys: String, CodingKey {
            case holder, bays, start, end, `repeat`
            case userClass = "user_class"
            case unitID = "unit_id"
        }

        /// Longest single booking.
        public static let maxMinutes = 7 * 1440
        /// Most occurrences one request may create.
        public static let maxOccurrences = 400

        public func validate() throws(DomainError) {
            _ = try UserClass.make(userClass, unit: unitID)
            try Check.text(holder, "holder", max: 100)
            // The holder is printed on the timetable for every class and unit to see; a phone
            // number there would reach them all (issue 14).
            if PhoneText.contains(holder) {
                throw DomainError(field: "holder", reason: "must not contain a phone number; the timetable shows it to everyone")
            }
            try Check.range(bays ?? 1, "bays", 1...2000)
            _ = try occurrences(in: TimeZone(identifier: "UTC")!)
        }

        public var userClassValue: UserClass { UserClass(UserClass.Kind(rawValue: userClass) ?? .public, unit: unitID) }

        /// The intervals booked, first to last, with local times read in `zone`.
        public func occurrences(in zone: TimeZone) throws(DomainError) -> [TimeSpan] {
            guard let s = Self.instant(start, in: zone) else {
                throw DomainError(field: "start", reason: "must be a time like 2026-12-05T08:00 or 2026-12-05T08:00:00+08:00")
            }
            guard let e = Self.instant(end, in: zone) else {
                throw DomainError(field: "end", reason: "must be a time like 2026-12-05T12:00 or 2026-12-05T12:00:00+08:00")
            }
            guard e > s else { throw DomainError(field: "end", reason: "must be after start") }
            guard e.timeIntervalSince(s) <= TimeInterval(Self.maxMinutes * 60) else {
                throw DomainError(field: "end", reason: "a booking may last at most 7 days; use repeat for standing bookings")
            }
            guard let rule = `repeat` else { return [TimeSpan(s, e)] }
            for (i, d) in rule.weekdays.enumerated() { try Check.range(d, "repeat.weekdays[\(i)]", 1...7) }
            let first = LocalDate(s, in: zone)
            guard rule.until >= first else { throw DomainError(field: "repeat.until", reason: "must not be before the start date") }
            guard rule.until.dayNumber - first.dayNumber < Self.maxOccurrences else {
                throw DomainError(field: "repeat.until", reason: "a request may cover at most \(Self.maxOccurrences) days")
            }
            let (startTime, endTime) = (LocalTime(s, in: zone), LocalTime(e, in: zone))
            let endOffset = LocalDate(e, in: zone).dayNumber - first.dayNumber
            var result: [TimeSpan] = []
            var day = first
            while day <= rule.until {
                if rule.weekdays.contains(day.isoWeekday) {
                    result.append(TimeSpan(day.at(startTime, in: zone), day.adding(days: endOffset).at(endTime, in: zone)))
                }
                day = day.adding(days: 1)
            }
            if result.isEmpty { throw DomainError(field: "repeat.weekdays", reason: "no day up to repeat.until falls on these weekdays") }
            return result
        }

        /// Parses RFC 3339 with an offset, or a local `YYYY-MM-DDTHH:MM[:SS]` in `zone`.
        static func instant(_ text: String, in zone: TimeZone) -> Date? {
            if let d = try? Date(text, strategy: Date.ISO8601FormatStyle()) { return d }
            let parts = text.split(separator: "T", omittingEmptySubsequences: false)
            guard parts.count == 2, let date = LocalDate(String(parts[0])), let time = LocalTime(String(parts[1])) else { return nil }
            return date.at(time, in: zone)
        }
    }
}
