import Foundation

/// A resident's request to the community (民情速递站): what, where, and optionally who, which is
/// personal data seen only by the community's organisers.
public struct ResidentRequest: Sendable, Equatable {
    /// How a request came in: the building's public form (its poster's QR code), a paper card
    /// entered for the resident, or what an organiser heard at a meeting.
    public enum Channel: String, Codable, Sendable, CaseIterable { case form, card, meeting }

    /// The most a request's text may hold, in bytes of UTF-8 (10 kB).
    public static let maxTextBytes = 10_240

    /// What a resident, a courier or an organiser sends.
    public struct Draft: Codable, Sendable, Equatable {
        public var category: String
        public var text: String
        public var place: String?
        public var buildingID: UUID?
        public var residentName: String?
        public var residentPhone: String?

        public init(category: String, text: String, place: String? = nil, buildingID: UUID? = nil, residentName: String? = nil,
                    residentPhone: String? = nil) {
            self.category = category
            self.text = text
            self.place = place
            self.buildingID = buildingID
            self.residentName = residentName
            self.residentPhone = residentPhone
        }

        enum CodingKeys: String, CodingKey {
            case category, text, place
            case buildingID = "building_id", residentName = "resident_name", residentPhone = "resident_phone"
        }

        /// - Throws: ``DomainError`` naming the field.
        public func validate(categories: Set<String>) throws(DomainError) {
            if !categories.contains(category) { throw DomainError(field: "category", reason: "is not a category of requests") }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { throw DomainError(field: "text", reason: "must say what the request is about") }
            if text.utf8.count > ResidentRequest.maxTextBytes { throw DomainError(field: "text", reason: "must be at most 10 kB") }
            try Check.text(text, "text", max: 10_240, multiline: true)
            try Check.text(place ?? "", "place", max: 200, allowEmpty: true)
            try Check.text(residentName ?? "", "resident_name", max: 50, allowEmpty: true)
            if let phone = residentPhone, !phone.isEmpty { try Check.phone(phone, "resident_phone") }
        }
    }

    /// `MQ-` and eight characters without look-alikes: what a resident keeps to follow a request.
    public static func trackingNumber() -> String {
        var generator = SystemRandomNumberGenerator()
        return "MQ-" + String((0..<8).map { _ in CheckInCode.alphabet.randomElement(using: &generator)! })
    }

    /// Whether `text` can be a tracking number (upper-cased, spaces dropped), and which.
    public static func tracking(_ text: String) -> String? {
        let kept = text.uppercased().filter { $0 != " " }
        guard kept.count == 11, kept.hasPrefix("MQ-"), kept.dropFirst(3).allSatisfy(CheckInCode.alphabet.contains) else { return nil }
        return kept
    }
}
