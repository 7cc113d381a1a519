/// Who a sharing window or a booking is for. A partner unit's visitors are a class of
/// their own per unit, so the hospital's patients and another unit's guests have separate pools.
public struct UserClass: Codable, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case residents, unit, events, `public`
    }
    public var kind: Kind
    /// The partner unit, exactly when `kind == .unit`.
    public var unitID: PartnerUnit.ID?

    public init(_ kind: Kind, unit: PartnerUnit.ID? = nil) {
        self.kind = kind
        self.unitID = kind == .unit ? unit : nil
    }

    public static let residents = UserClass(.residents)
    public static let events = UserClass(.events)
    public static let `public` = UserClass(.public)

    public var description: String {
        switch kind {
        case .unit: "unit \(unitID.map { "\($0)" } ?? "?")"
        default: kind.rawValue
        }
    }

    /// Checks the pairing of `user_class` and `unit_id` in a request.
    static func make(_ kind: String, unit: PartnerUnit.ID?) throws(DomainError) -> UserClass {
        guard let k = Kind(rawValue: kind) else {
            throw DomainError(field: "user_class", reason: "must be one of residents, unit, events, public")
        }
        if k == .unit, unit == nil { throw DomainError(field: "unit_id", reason: "is required when user_class is unit") }
        if k != .unit, unit != nil { throw DomainError(field: "unit_id", reason: "is only allowed when user_class is unit") }
        return UserClass(k, unit: unit)
    }
}
