import Foundation

/// Decides whether a booking fits a facility's sharing rules: in every minute of its
/// interval, its class has an open window, stays within that window's cap, a bay is free,
/// and every other class's guarantee stays intact.
public struct PoolCheck: Sendable {
    /// Bays already held in a time interval by a class.
    public struct Usage: Sendable {
        public var userClass: UserClass
        public var span: TimeSpan
        public var count: Int
        public init(_ userClass: UserClass, _ span: TimeSpan, _ count: Int) {
            self.userClass = userClass
            self.span = span
            self.count = count
        }
    }

    /// Why a booking was refused, and the first time it does not fit.
    public struct Refusal: Error, Sendable, Equatable {
        public enum Reason: String, Sendable {
            /// No window of the class is open then.
            case outsideWindow = "outside_window"
            /// The class's cap is reached.
            case capReached = "cap_reached"
            /// Every bay is taken.
            case noBayFree = "no_bay_free"
            /// Taking a bay would eat into another class's guarantee.
            case guarantee
        }
        public var reason: Reason
        public var at: Date
        public var message: String

        public init(reason: Reason, at: Date, message: String) {
            self.reason = reason
            self.at = at
            self.message = message
        }
    }

    public let bays: Int
    public let windows: [SharingWindow]
    public let zone: TimeZone
    /// Partner units' names, so that messages say whose visitors a pool is for.
    public var unitNames: [PartnerUnit.ID: String]

    public init(bays: Int, windows: [SharingWindow], zone: TimeZone, unitNames: [PartnerUnit.ID: String] = [:]) {
        self.bays = bays
        self.windows = windows
        self.zone = zone
        self.unitNames = unitNames
    }

    /// `residents`, or `上街区中医院's visitors`.
    func name(_ c: UserClass) -> String {
        guard c.kind == .unit, let unit = c.unitID else { return c.kind.rawValue }
        return "\(unitNames[unit] ?? "partner unit \(unit)")'s visitors"
    }

    /// `nil` when `count` bays for `userClass` over `span` fit beside `usage`; else the refusal.
    public func refusal(_ userClass: UserClass, _ span: TimeSpan, count: Int, beside usage: [Usage]) -> Refusal? {
        let openings = windows.flatMap { w in w.openings(overlapping: span.start, span.end, in: zone).map { (w, $0) } }
        let held = usage.filter { $0.span.overlaps(span) }
        var points = Set([span.start])
        for (_, s) in openings { for t in [s.start, s.end] where span.contains(t) { points.insert(t) } }
        for u in held { for t in [u.span.start, u.span.end] where span.contains(t) { points.insert(t) } }
        for t in points.sorted() {
            if let r = refusal(at: t, userClass, count, openings, held) { return r }
        }
        return nil
    }

    private func refusal(at t: Date, _ userClass: UserClass, _ count: Int,
                         _ openings: [(SharingWindow, TimeSpan)], _ held: [Usage]) -> Refusal? {
        var cap: [UserClass: Int] = [:]
        var guaranteed: [UserClass: Int] = [:]
        for (w, s) in openings where s.contains(t) {
            cap[w.userClass] = max(cap[w.userClass] ?? 0, w.capBays)
            guaranteed[w.userClass] = max(guaranteed[w.userClass] ?? 0, w.guaranteedBays)
        }
        var used: [UserClass: Int] = [:]
        for u in held where u.span.contains(t) { used[u.userClass, default: 0] += u.count }
        let total = used.values.reduce(0, +)
        let when = Self.describe(t, in: zone)
        guard let myCap = cap[userClass] else {
            return Refusal(reason: .outsideWindow, at: t, message: "no sharing window for \(name(userClass)) is open at \(when)")
        }
        if total + count > bays {
            return Refusal(reason: .noBayFree, at: t, message: "no bay is free at \(when): \(total) of \(bays) are taken")
        }
        if used[userClass, default: 0] + count > myCap {
            return Refusal(reason: .capReached, at: t, message: "\(name(userClass)) may hold at most \(myCap) bays at \(when); \(used[userClass, default: 0]) are taken")
        }
        let reserved = guaranteed.filter { $0.key != userClass }.map { (k, g) in (k, max(0, g - used[k, default: 0])) }
        let owed = reserved.reduce(0) { $0 + $1.1 }
        let worst = reserved.filter { $0.1 > 0 }.max { $0.1 < $1.1 }
        if total + count + owed > bays, let worst {
            return Refusal(reason: .guarantee, at: t, message: "the bays left at \(when) are guaranteed to \(name(worst.0)) (\(worst.1) still owed)")
        }
        return nil
    }

    /// `2026-12-05 09:00` in `zone`, with `(UTC+08:00)` when the reader's zone differs.
    public static func describe(_ t: Date, in zone: TimeZone) -> String {
        let local = "\(LocalDate(t, in: zone)) \(LocalTime(t, in: zone))"
        // The zone is named only when it is not the one the reader's other times are in.
        guard zone.secondsFromGMT(for: t) != DisplayZone.current.secondsFromGMT(for: t) else { return local }
        let offset = zone.secondsFromGMT(for: t) / 60
        let sign = offset < 0 ? "-" : "+"
        return local + " (UTC\(sign)\(String(format: "%02d:%02d", abs(offset) / 60, abs(offset) % 60)))"
    }
}
