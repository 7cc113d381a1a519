import Foundation

extension Date {
    /// RFC 3339 in UTC, e.g. `2026-12-05T00:00:00Z`: how every response and export writes an instant.
    public var rfc3339: String {
        formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
