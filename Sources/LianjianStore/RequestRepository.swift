import Foundation
import LianjianDomain
import PostgresNIO

/// Residents' requests (民情速递站): from a building's public form, a paper card, or a meeting.
/// Who left one is personal data, read only through ``list(_:)`` (the community's organisers).
public struct RequestRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// A building as its poster and form name it.
    public struct Building: Sendable, Encodable, Equatable {
        public var id: UUID
        public var code: String
        public var name: String
        public var estateID: UUID
        public var estate: String
        public var communityID: UUID
        public var community: String

        enum CodingKeys: String, CodingKey {
            case id, code, name, estate, community
            case estateID = "estate_id", communityID = "community_id"
        }
    }

    static let buildingColumns = "b.id, b.code, b.name, e.id, e.name, c.id, c.name"
    typealias BuildingRow = (UUID, String, String, UUID, String, UUID, String)
    static func building(_ r: BuildingRow) -> Building {
        Building(id: r.0, code: r.1, name: r.2, estateID: r.3, estate: r.4, communityID: r.5, community: r.6)
    }

    /// The building whose poster carries `code`.
    public func building(code: String) async throws(StoreError) -> Building {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.buildingColumns) FROM buildings b JOIN estates e ON e.id = b.estate_id JOIN communities c ON c.id = e.community_id
                WHERE b.code = \(code)
                """, logger: db.logger).all(BuildingRow.self)
        }
        guard let row = rows.first else { throw StoreError(.notFound, field: "building_code", message: "building not found") }
        return Self.building(row)
    }

    public func building(id: UUID) async throws(StoreError) -> Building {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.buildingColumns) FROM buildings b JOIN estates e ON e.id = b.estate_id JOIN communities c ON c.id = e.community_id
                WHERE b.id = \(id)
                """, logger: db.logger).all(BuildingRow.self)
        }
        guard let row = rows.first else { throw StoreError.notFound("building") }
        return Self.building(row)
    }

    /// The community's buildings, by estate and name.
    public func buildings(of community: Community.ID) async throws(StoreError) -> [Building] {
        try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.buildingColumns) FROM buildings b JOIN estates e ON e.id = b.estate_id JOIN communities c ON c.id = e.community_id
                WHERE c.id = \(community.uuid) ORDER BY e.name, length(b.name), b.name
                """, logger: db.logger).all(BuildingRow.self).map(Self.building)
        }
    }

    /// Requests sent from `source` (a hashed address) and to `building` since `since`: what the
    /// public form's limits count.
    public func recent(source: String, building: UUID, since: Date) async throws(StoreError) -> (fromSource: Int, toBuilding: Int) {
        try await db.withConnection { c in
            let row = try await c.query("""
                SELECT (SELECT count(*) FROM resident_requests WHERE source = \(source) AND received_at >= \(since)),
                       (SELECT count(*) FROM resident_requests WHERE building_id = \(building) AND channel = 'form' AND received_at >= \(since))
                """, logger: db.logger).all((Int, Int).self)[0]
            return (row.0, row.1)
        }
    }

    /// A request stored, checked first: its category, its building (of `community`).
    /// - Returns: its id and tracking number.
    public func create(in community: Community.ID, _ d: ResidentRequest.Draft, channel: ResidentRequest.Channel, source: String = "",
                       actor: String) async throws(StoreError) -> (id: UUID, tracking: String) {
        try await db.transaction { c in
            let categories = Set(try await c.query("SELECT code FROM request_categories", logger: db.logger).all(String.self) as [String])
            do { try d.validate(categories: categories) } catch let error as DomainError {
                throw StoreError(.invalid, field: error.field, message: error.reason)
            }
            var estate: UUID?
            if let building = d.buildingID {
                guard let row = try await c.query("""
                    SELECT e.id FROM buildings b JOIN estates e ON e.id = b.estate_id WHERE b.id = \(building) AND e.community_id = \(community.uuid)
                    """, logger: db.logger).all(UUID.self).first else {
                    throw StoreError(.invalid, field: "building_id", message: "is not a building of this community")
                }
                estate = row
            }
            let tracking = ResidentRequest.trackingNumber()
            let id = try await c.query("""
                INSERT INTO resident_requests (community_id, estate_id, building_id, category, text, place, resident_name, resident_phone,
                                               channel, tracking, source, recorded_by)
                VALUES (\(community.uuid), \(estate), \(d.buildingID), \(d.category), \(d.text), \(d.place ?? ""), \(d.residentName ?? ""),
                        \(d.residentPhone.flatMap(PhoneNumber.normalised) ?? ""), \(channel.rawValue), \(tracking), \(source), \(actor))
                RETURNING id
                """, logger: db.logger).all(UUID.self)[0]
            return (id, tracking)
        }
    }

    /// A request as its community's organisers read it (with who left it).
    public struct Request: Sendable, Encodable, Equatable {
        public var id: UUID
        public var category: String
        public var text: String
        public var place: String
        public var building: String?
        public var estate: String?
        public var residentName: String
        public var residentPhone: String
        public var channel: String
        public var tracking: String
        public var issueID: UUID?
        public var receivedAt: Date

        enum CodingKeys: String, CodingKey {
            case id, category, text, place, building, estate, channel, tracking
            case residentName = "resident_name", residentPhone = "resident_phone", issueID = "issue_id", receivedAt = "received_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id.uuidString.lowercased(), forKey: .id)
            try c.encode(category, forKey: .category)
            try c.encode(text, forKey: .text)
            try c.encode(place, forKey: .place)
            try c.encode(building, forKey: .building)
            try c.encode(estate, forKey: .estate)
            try c.encode(residentName, forKey: .residentName)
            try c.encode(residentPhone, forKey: .residentPhone)
            try c.encode(channel, forKey: .channel)
            try c.encode(tracking, forKey: .tracking)
            try c.encode(issueID?.uuidString.lowercased(), forKey: .issueID)
            try c.encode(receivedAt.rfc3339, forKey: .receivedAt)
        }
    }

    /// The community's requests, newest first.
    public func list(_ community: Community.ID, limit: Int = 500) async throws(StoreError) -> [Request] {
        try await db.withConnection { c in
            try await c.query("""
                SELECT r.id, r.category, r.text, r.place, b.name, e.name, r.resident_name, r.resident_phone, r.channel, r.tracking, i.issue_id, r.received_at
                FROM resident_requests r LEFT JOIN buildings b ON b.id = r.building_id LEFT JOIN estates e ON e.id = r.estate_id
                LEFT JOIN issue_requests i ON i.request_id = r.id
                WHERE r.community_id = \(community.uuid) ORDER BY r.received_at DESC, r.id LIMIT \(limit)
                """, logger: db.logger).all((UUID, String, String, String, String?, String?, String, String, String, String, UUID?, Date).self).map {
                Request(id: $0.0, category: $0.1, text: $0.2, place: $0.3, building: $0.4, estate: $0.5, residentName: $0.6, residentPhone: $0.7,
                        channel: $0.8, tracking: $0.9, issueID: $0.10, receivedAt: $0.11)
            }
        }
    }

    /// What a tracking number shows, and only that: the request's category, when it came, and
    /// where its issue stands.
    public struct Tracking: Sendable, Encodable, Equatable {
        public var tracking: String
        public var category: String
        public var receivedOn: String
        public var state: String
        public var updatedOn: String

        enum CodingKeys: String, CodingKey {
            case tracking, category, state
            case receivedOn = "received_on", updatedOn = "updated_on"
        }
    }

    public func track(_ number: String) async throws(StoreError) -> Tracking {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT r.tracking, k.name_zh, (r.received_at AT TIME ZONE m.time_zone)::date::text, coalesce(i.state, 'collected'),
                       (coalesce(i.updated_at, r.received_at) AT TIME ZONE m.time_zone)::date::text
                FROM resident_requests r JOIN request_categories k ON k.code = r.category JOIN communities m ON m.id = r.community_id
                LEFT JOIN issue_requests x ON x.request_id = r.id LEFT JOIN issues i ON i.id = x.issue_id
                WHERE r.tracking = \(number)
                """, logger: db.logger).all((String, String, String, String, String).self)
        }
        guard let r = rows.first else { throw StoreError.notFound("request") }
        return Tracking(tracking: r.0, category: r.1, receivedOn: r.2, state: r.3, updatedOn: r.4)
    }

    /// The categories, as forms list them.
    public func categories() async throws(StoreError) -> [(code: String, chinese: String, english: String)] {
        try await db.withConnection { c in
            try await c.query("SELECT code, name_zh, name_en FROM request_categories ORDER BY code = 'other', code", logger: db.logger)
                .all((String, String, String).self).map { (code: $0.0, chinese: $0.1, english: $0.2) }
        }
    }
}
