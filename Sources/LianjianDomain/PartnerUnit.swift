/// A partner unit (联建单位): a hospital, a justice bureau, a school…
public struct PartnerUnit: Codable, Sendable, Equatable {
    public typealias ID = Identifier<PartnerUnit>
    public var id: ID
    public var code: String
    public var name: String
    public var kind: String
    public var liaisonName: String
    public var liaisonPhone: String

    public static let kinds = [
        "hospital", "justice", "emergency", "urban_management", "school", "government", "enterprise",
        "social_organisation", "other",
    ]

    public init(id: ID, code: String, name: String, kind: String, liaisonName: String, liaisonPhone: String) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.liaisonName = liaisonName
        self.liaisonPhone = liaisonPhone
    }

    enum CodingKeys: String, CodingKey {
        case id, code, name, kind
        case liaisonName = "liaison_name"
        case liaisonPhone = "liaison_phone"
    }

    public struct Draft: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public var kind: String
        public var liaisonName: String
        public var liaisonPhone: String

        public init(code: String, name: String, kind: String, liaisonName: String, liaisonPhone: String) {
            self.code = code
            self.name = name
            self.kind = kind
            self.liaisonName = liaisonName
            self.liaisonPhone = liaisonPhone
        }

        enum CodingKeys: String, CodingKey {
            case code, name, kind
            case liaisonName = "liaison_name"
            case liaisonPhone = "liaison_phone"
        }

        public func validate() throws(DomainError) {
            try Check.code(code, "code")
            try Check.text(name, "name", max: 100)
            try Check.oneOf(kind, "kind", PartnerUnit.kinds)
            try Check.text(liaisonName, "liaison_name", max: 50)
            try Check.phone(liaisonPhone, "liaison_phone")
        }
    }
}
