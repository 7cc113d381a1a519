/// A time-shared facility of a community: a car park, a hall, a plaza, a meeting room,
/// made of bookable bays (numbered parking spaces; a room is one bay with a seat count).
public struct Facility: Codable, Sendable, Equatable {
    public typealias ID = Identifier<Facility>
    public var id: ID
    public var communityID: Community.ID
    public var estateID: Estate.ID?
    /// Short code unique in the community, e.g. `longhai-car-park`.
    public var code: String
    public var name: String
    public var kind: String
    public var bays: [Bay]

    public init(id: ID, communityID: Community.ID, estateID: Estate.ID?, code: String, name: String, kind: String, bays: [Bay]) {
        self.id = id
        self.communityID = communityID
        self.estateID = estateID
        self.code = code
        self.name = name
        self.kind = kind
        self.bays = bays
    }

    enum CodingKeys: String, CodingKey {
        case id, code, name, kind, bays
        case communityID = "community_id"
        case estateID = "estate_id"
    }

    public static let kinds = ["car_park", "hall", "plaza", "meeting_room", "sports_ground", "other"]

    /// What a client sends to create a facility: either a number of bays (labelled with
    /// `bay_prefix` and a number, e.g. `P01`…`P40`) or explicit labels.
    public struct Draft: Codable, Sendable, Equatable, Validatable {
        public var code: String
        public var name: String
        public var kind: String
        public var estateID: Estate.ID?
        public var bays: Int?
        public var bayPrefix: String?
        public var bayLabels: [String]?
        /// Seats of each bay (a room's capacity); 1 for parking spaces.
        public var seats: Int?

        public init(code: String, name: String, kind: String, estateID: Estate.ID? = nil, bays: Int? = nil,
                    bayPrefix: String? = nil, bayLabels: [String]? = nil, seats: Int? = nil) {
            self.code = code
            self.name = name
            self.kind = kind
            self.estateID = estateID
            self.bays = bays
            self.bayPrefix = bayPrefix
            self.bayLabels = bayLabels
            self.seats = seats
        }

        enum CodingKeys: String, CodingKey {
            case code, name, kind, bays, seats
            case estateID = "estate_id"
            case bayPrefix = "bay_prefix"
            case bayLabels = "bay_labels"
        }

        public func validate() throws(DomainError) {
            try Check.code(code, "code")
            try Check.text(name, "name", max: 100)
            try Check.oneOf(kind, "kind", Facility.kinds)
            switch (bays, bayLabels) {
            case (nil, nil): throw DomainError(field: "bays", reason: "give the number of bays or bay_labels")
            case (.some, .some): throw DomainError(field: "bay_labels", reason: "give either bays or bay_labels, not both")
            case (let n?, nil): try Check.range(n, "bays", 1...2000)
            case (nil, let labels?):
                try Check.range(labels.count, "bay_labels", 1...2000)
                for (i, label) in labels.enumerated() { try Check.text(label, "bay_labels[\(i)]", max: 20) }
                if Set(labels).count != labels.count { throw DomainError(field: "bay_labels", reason: "labels must be unique") }
            }
            try Check.text(bayPrefix ?? "", "bay_prefix", max: 10, allowEmpty: true)
            if let seats { try Check.range(seats, "seats", 1...100_000) }
        }

        /// The bay labels to create, in display order.
        public var labels: [String] {
            if let bayLabels { return bayLabels }
            let n = bays ?? 0
            let width = max(2, String(n).count)
            let prefix = bayPrefix ?? ""
            return (1...max(n, 1)).map { i in
                let digits = String(i)
                return prefix + String(repeating: "0", count: width - digits.count) + digits
            }
        }
    }
}

/// One bookable unit of a facility.
public struct Bay: Codable, Sendable, Equatable, Hashable {
    public typealias ID = Identifier<Bay>
    public var id: ID
    public var label: String
    public var seats: Int

    public init(id: ID, label: String, seats: Int) {
        self.id = id
        self.label = label
        self.seats = seats
    }
}
