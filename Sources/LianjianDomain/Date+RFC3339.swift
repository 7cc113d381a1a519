import Foundation

/// The time zone instants are written in where people read them: JSON, exports, messages.
///
/// The API sets it per request to `app.time_zone` (and an event is written in its own
/// community's zone); commands set it from the settings. Outside those, instants are UTC.
public enum DisplayZone {
    @TaskLocal public static var current: TimeZone = TimeZone(identifier: "UTC")!

    /// The zone a deployment uses when nothing names one (`app.time_zone`'s default).
    public static let standard = TimeZone(identifier: "Asia/Shanghai")!
}

extension Date {
    /// RFC 3339 with the offset of ``DisplayZone/current``, e.g. `2026-12-12T08:30:00+08:00`
    /// (`…Z` in UTC): how every response and export writes an instant.
    public var rfc3339: String { rfc3339(in: DisplayZone.current) }

    /// RFC 3339 with `zone`'s offset at this instant.
    public func rfc3339(in zone: TimeZone) -> String {
        formatted(Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: zone))
    }
}
