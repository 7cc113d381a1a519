import Foundation

extension SharingWindow {
    /// What a client sends to open a sharing window on a facility.
    public struct Draft: Codable, Sendable, Equatable, Validatable {
        public var userClass: String
        public var unitID: PartnerUnit.ID?
        public var weekdays: [Int]
        public var start: LocalTime
        public var end: LocalTime
        public var guaranteedBays: Int?
        public var capBays: Int
        public var validFrom: LocalDate
        public var validUntil: LocalDate?
        public var label: String?

        public init(userClass: String, unitID: PartnerUnit.ID? = nil, weekdays: [Int], start: LocalTime, end: LocalTime,
                    guaranteedBays: Int? = nil, capBays: Int, validFrom: LocalDate, validUntil: LocalDate? = nil, label: String? = nil) {
            self.userClass = userClass
            self.unitID = unitID
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
            case weekdays, start, end, label
            case userClass = "user_class"
            case unitID = "unit_id"
            case guaranteedBays = "guaranteed_bays"
            case capBays = "cap_bays"
            case validFrom = "valid_from"
            case validUntil = "valid_until"
        }

        public func validate() throws(DomainError) {
            _ = try UserClass.make(userClass, unit: unitID)
            if weekdays.isEmpty { throw DomainError(field: "weekdays", reason: "must list at least one weekday (1 = Monday … 7 = Sunday)") }
            for (i, d) in weekdays.enumerated() { try Check.range(d, "weekdays[\(i)]", 1...7) }
            if Set(weekdays).count != weekdays.count { throw DomainError(field: "weekdays", reason: "must not repeat a weekday") }
            try Check.range(capBays, "cap_bays", 1...2000)
            try Check.range(guaranteedBays ?? 0, "guaranteed_bays", 0...capBays)
            if let validUntil, validUntil < validFrom { throw DomainError(field: "valid_until", reason: "must not be before valid_from") }
            try Check.text(label ?? "", "label", max: 100, allowEmpty: true)
        }

        /// The window this draft describes, once it has an id.
        public func window(id: SharingWindow.ID, facility: Facility.ID) -> SharingWindow {
            SharingWindow(
                id: id, facilityID: facility, userClass: UserClass(UserClass.Kind(rawValue: userClass) ?? .public, unit: unitID),
                weekdays: weekdays.sorted(), start: start, end: end, guaranteedBays: guaranteedBays ?? 0, capBays: capBays,
                validFrom: validFrom, validUntil: validUntil, label: label ?? "")
        }
    }
}

extension SharingWindow {
    /// Checks that `window` fits beside `others` on a facility of `bays` bays: its cap is at most
    /// the bays, and at no time while it is open do the classes' guarantees add up to more.
    ///
    /// The weekly pattern only changes where a window's validity starts or ends, so one week
    /// from each such date covers every case.
    public static func checkFits(_ window: SharingWindow, beside others: [SharingWindow], bays: Int) throws(DomainError) {
        if window.capBays > bays {
            throw DomainError(field: "cap_bays", reason: "is \(window.capBays) but the facility has \(bays) bays")
        }
        guard window.guaranteedBays > 0 else { return }
        let all = others + [window]
        let utc = TimeZone(identifier: "UTC")!
        var starts = Set([window.validFrom])
        for o in others {
            for d in [o.validFrom, o.validUntil?.adding(days: 1)].compactMap({ $0 }) where d > window.validFrom {
                if window.validUntil.map({ d <= $0 }) ?? true { starts.insert(d) }
            }
        }
        for first in starts.sorted() {
            let from = first.at(LocalTime(minutes: 0), in: utc)
            let to = first.adding(days: 7).at(LocalTime(minutes: 0), in: utc)
            for opening in window.openings(overlapping: from, to, in: utc) {
                let span = TimeSpan(max(opening.start, from), min(opening.end, to))
                let covering = all.map { w in (w, w.openings(overlapping: span.start, span.end, in: utc)) }.filter { !$0.1.isEmpty }
                var points = Set([span.start])
                for (_, spans) in covering { for s in spans { for t in [s.start, s.end] where span.contains(t) { points.insert(t) } } }
                for t in points.sorted() {
                    var byClass: [UserClass: (Int, SharingWindow)] = [:]
                    for (w, spans) in covering where spans.contains(where: { $0.contains(t) }) && w.guaranteedBays > (byClass[w.userClass]?.0 ?? 0) {
                        byClass[w.userClass] = (w.guaranteedBays, w)
                    }
                    let total = byClass.values.reduce(0) { $0 + $1.0 }
                    guard total > bays else { continue }
                    let other = byClass.values.map(\.1).first { $0.id != window.id && $0.userClass != window.userClass }
                    let at = "\(Self.weekdayNames[LocalDate(t, in: utc).isoWeekday - 1]) \(LocalTime(t, in: utc))"
                    if let other {
                        throw DomainError(field: "guaranteed_bays", reason: "guarantees would add up to \(total) bays on \(at) with window \(other.id) (\(other.userClass), \(other.describeTimes)); the facility has \(bays)")
                    }
                    throw DomainError(field: "guaranteed_bays", reason: "guarantees would add up to \(total) bays on \(at); the facility has \(bays)")
                }
            }
        }
    }

    static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// E.g. `weekdays 1,2,3,4,5 08:00–17:30`.
    public var describeTimes: String {
        "weekdays \(weekdays.map(String.init).joined(separator: ",")) \(start)–\(end)"
    }
}
