import Foundation

/// An event's check-in code: six letters and digits a volunteer types (or scans as a QR code)
/// to sign themselves in. The alphabet leaves out look-alikes (0/O, 1/I/L), so a code read off a
/// printed sheet is typed right.
public enum CheckInCode {
    public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    public static let length = 6

    /// A new random code.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
    }

    /// What a volunteer typed, as a code: spaces and dashes dropped, letters upper-cased; nil when
    /// it cannot be a code at all.
    public static func normalised(_ typed: String) -> String? {
        let kept = typed.uppercased().filter { $0 != " " && $0 != "-" }
        guard kept.count == length, kept.allSatisfy(alphabet.contains) else { return nil }
        return kept
    }

    /// How long a code stays good: until `window` seconds after the event ends (as sign-ins do).
    public static func expiry(ofEventEnding end: Date, window: TimeInterval = ServiceTime.tolerance) -> Date { end.addingTimeInterval(window) }

    /// The path a QR code on the sheet opens: the console's check-in page for the event. The code
    /// is part of the path, so it survives the sign-in a phone may need first.
    public static func path(event: UUID, code: String) -> String { "/checkin/\(event.uuidString.lowercased())/\(code)" }
}
