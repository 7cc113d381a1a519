import Foundation

/// The time a volunteer is credited with for one event, as the volunteer-service record rules
/// ask (民政部《志愿服务记录与证明出具办法（试行）》: the time actually served, not travel): from
/// sign-in to sign-out, clipped to the event, rounded to the nearest `step` minutes (half up).
public enum ServiceTime {
    /// How far before the start or after the end a sign-in or sign-out is still accepted, by
    /// default (`records.sign_in_window_minutes` sets it).
    public static let tolerance: TimeInterval = 2 * 3600

    /// The credited minutes; 0 when the attendance and the event do not overlap.
    public static func credit(signedIn: Date, signedOut: Date, start: Date, end: Date, step: Int = 30) -> Int {
        let from = max(signedIn, start), to = min(signedOut, end)
        guard to > from else { return 0 }
        let minutes = Int((to.timeIntervalSince(from) / 60).rounded(.down))
        guard step > 1 else { return minutes }
        return (minutes + step / 2) / step * step
    }

    /// Whether `instant` is close enough to the event (within `window` seconds) to sign in or out at.
    public static func near(_ instant: Date, start: Date, end: Date, window: TimeInterval = tolerance) -> Bool {
        instant >= start.addingTimeInterval(-window) && instant <= end.addingTimeInterval(window)
    }
}

/// What an organiser records for one person at an event.
public struct AttendanceEntry: Codable, Sendable, Equatable {
    public enum Action: String, Codable, Sendable, CaseIterable {
        case signIn = "sign_in", signOut = "sign_out", noShow = "no_show"
    }

    public var volunteerID: Volunteer.ID
    public var action: Action
    /// When it happened (RFC 3339 or the community's local `YYYY-MM-DDTHH:MM`); now by default.
    public var at: String?
    /// A walk-in (not rostered) signs in to this role of the event.
    public var roleID: UUID?

    public init(volunteerID: Volunteer.ID, action: Action, at: String? = nil, roleID: UUID? = nil) {
        self.volunteerID = volunteerID
        self.action = action
        self.at = at
        self.roleID = roleID
    }

    enum CodingKeys: String, CodingKey {
        case action, at
        case volunteerID = "volunteer_id"
        case roleID = "role_id"
    }

    /// The instant of `at` in `zone`, or `now`.
    /// - Throws: ``DomainError`` on `field` when `at` is not a time.
    public func instant(in zone: TimeZone, now: Date, field: String) throws(DomainError) -> Date {
        guard let at else { return now }
        guard let instant = Booking.Request.instant(at, in: zone) else {
            throw DomainError(field: field, reason: "must be a time like 2026-12-05T08:00 or 2026-12-05T08:00:00+08:00")
        }
        return instant
    }
}
