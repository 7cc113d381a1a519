import Foundation

/// The identity document a volunteer-service certificate names (民政部《志愿服务记录与证明出具
/// 办法（试行）》asks for the type and number). The number is personal data: it is checked, its
/// last four characters are kept, and it is never stored or shown whole.
public struct IdentityDocument: Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case residentID = "resident_id", passport, hkMacauPermit = "hk_macau_permit", taiwanPermit = "taiwan_permit"
        case foreignPermanent = "foreign_permanent"

        /// How a certificate names it.
        public var chinese: String {
            switch self {
            case .residentID: "居民身份证"
            case .passport: "护照"
            case .hkMacauPermit: "港澳居民来往内地通行证"
            case .taiwanPermit: "台湾居民来往大陆通行证"
            case .foreignPermanent: "外国人永久居留身份证"
            }
        }
    }

    public var kind: Kind
    /// The whole number, upper-cased; only in memory, on its way to ``last4``.
    public var number: String

    /// Checks `number` for `kind`: a resident ID card has 18 characters whose last is the
    /// check character of GB 11643-1999; other documents 5 to 20 letters and digits.
    /// - Throws: ``DomainError`` on `id_number`.
    public init(kind: Kind, number typed: String) throws(DomainError) {
        let number = typed.uppercased().filter { !$0.isWhitespace }
        self.kind = kind
        self.number = number
        if kind == .residentID {
            guard number.count == 18, number.dropLast().allSatisfy(\.isASCIIDigit), let last = number.last,
                  last.isASCIIDigit || last == "X" else {
                throw DomainError(field: "id_number", reason: "must be an 18-character resident ID number")
            }
            guard Self.checkCharacter(String(number.prefix(17))) == last else {
                throw DomainError(field: "id_number", reason: "has a wrong check character: please check the number")
            }
        } else {
            guard (5...20).contains(number.count), number.allSatisfy({ $0.isASCIIDigit || ("A"..."Z").contains($0) }) else {
                throw DomainError(field: "id_number", reason: "must be 5 to 20 letters and digits")
            }
        }
    }

    /// The last four characters, the only part ever shown.
    public var last4: String { String(number.suffix(4)) }

    /// `**************123X`: as a certificate prints it.
    public static func masked(last4: String, kind: Kind) -> String {
        String(repeating: "*", count: kind == .residentID ? 14 : 4) + last4
    }

    /// GB 11643-1999's check character for the first 17 digits (ISO 7064 MOD 11-2).
    static func checkCharacter(_ digits: String) -> Character {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits.compactMap(\.wholeNumberValue), weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Array("10X98765432")[sum % 11]
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
