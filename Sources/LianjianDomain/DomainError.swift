/// Input that breaks a rule of the domain; names the field (JSON path without `$.`).
public struct DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}

/// Small checks shared by the entities' `validate()`.
enum Check {
    static func text(_ value: String, _ field: String, max: Int, allowEmpty: Bool = false, multiline: Bool = false) throws(DomainError) {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if !allowEmpty, trimmed.isEmpty { throw DomainError(field: field, reason: "must not be empty") }
        if value.count > max { throw DomainError(field: field, reason: "must be at most \(max) characters") }
        if let bad = value.unicodeScalars.first(where: { !TextRule.isPrintable($0, multiline: multiline) }) {
            let code = "U+" + String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4)
            throw DomainError(field: field, reason: "contains a character that cannot be printed (\(code))")
        }
    }

    static func code(_ value: String, _ field: String) throws(DomainError) {
        let ok = (2...63).contains(value.count) && value.unicodeScalars.enumerated().allSatisfy { i, c in
            ("a"..."z").contains(c) || ("0"..."9").contains(c) || (i > 0 && c == "-")
        }
        if !ok { throw DomainError(field: field, reason: "must be 2–63 lowercase letters, digits or dashes, e.g. tcm-hospital") }
    }

    static func phone(_ value: String, _ field: String) throws(DomainError) {
        guard PhoneNumber.normalised(value) != nil else {
            throw DomainError(field: field, reason: "must be a Chinese mobile number (13912345678) or a landline with its area code (0371-67891234)")
        }
    }

    static func range(_ value: Int, _ field: String, _ range: ClosedRange<Int>) throws(DomainError) {
        if !range.contains(value) {
            throw DomainError(field: field, reason: "must be between \(range.lowerBound) and \(range.upperBound)")
        }
    }

    static func oneOf(_ value: String, _ field: String, _ allowed: [String]) throws(DomainError) {
        if !allowed.contains(value) { throw DomainError(field: field, reason: "must be one of \(allowed.joined(separator: ", "))") }
    }
}

import Foundation

/// Which characters a name or text people read may contain.
public enum TextRule {
    /// False for control characters (tab and line breaks only in multi-line text), a byte-order
    /// mark, noncharacters and unassigned code points (U+FFFF…), private-use characters, and the
    /// bidirectional overrides that make text read differently from how it is stored.
    public static func isPrintable(_ c: Unicode.Scalar, multiline: Bool = false) -> Bool {
        if multiline, c == "\n" || c == "\r" || c == "\t" { return true }
        if c.value == 0xFEFF || (0x202A...0x202E).contains(c.value) || (0x2066...0x2069).contains(c.value) { return false }
        switch c.properties.generalCategory {
        case .control, .privateUse, .unassigned, .surrogate, .lineSeparator, .paragraphSeparator: return false
        default: return !c.properties.isNoncharacterCodePoint
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
