import Foundation
import LianjianDomain
import PostgresNIO

/// The outbox (`notifications`): one message per volunteer per night listing the changes to
/// their work, written in the transaction of the change; claimed for delivery with a lease.
public struct NotificationRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// One change a message tells of.
    public struct Item: Sendable, Codable, Equatable {
        /// `added`, `removed`, `moved` (from `from_title` to this role) or `reminder` (tomorrow).
        public var kind: String
        public var roleID: UUID
        public var title: String
        public var venue: String
        public var start: Date
        public var end: Date
        public var fromTitle: String?

        enum CodingKeys: String, CodingKey {
            case kind, title, venue, start, end
            case roleID = "role_id"
            case fromTitle = "from_title"
        }
    }

    /// A message as the deliverer and the API read it.
    public struct Message: Sendable, Encodable {
        public var id: UUID
        public var volunteerID: Volunteer.ID
        public var communityID: Community.ID?
        /// Personal data: masked by the API for readers outside the volunteer's scope.
        public var name: String
        public var phone: String
        public var night: LocalDate
        public var language: String
        public var items: [Item]
        public var state: String
        public var attempts: Int
        public var idempotencyKey: String
        public var zone: TimeZone
        public var lastError: String?
        public var createdAt: Date
        public var sentAt: Date?
        /// `changes` (roster changes and reminders, in ``items``) or `sign_in_code`.
        public var kind: String = "changes"
        /// A sign-in code's digits until it is sent: for the deliverer only, never listed.
        public var code: String?

        enum CodingKeys: String, CodingKey {
            case id, name, phone, night, language, items, state, attempts, kind
            case volunteerID = "volunteer_id"
            case communityID = "community_id"
            case idempotencyKey = "idempotency_key"
            case lastError = "last_error"
            case createdAt = "created_at"
            case sentAt = "sent_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id.uuidString.lowercased(), forKey: .id)
            try c.encode(volunteerID, forKey: .volunteerID)
            try c.encode(communityID, forKey: .communityID)
            try c.encode(name, forKey: .name)
            try c.encode(phone, forKey: .phone)
            try c.encode(night.description, forKey: .night)
            try c.encode(language, forKey: .language)
            try c.encode(kind, forKey: .kind)
            try c.encode(items.map(EncodedItem.init), forKey: .items)
            try c.encode(state, forKey: .state)
            try c.encode(attempts, forKey: .attempts)
            try c.encode(idempotencyKey, forKey: .idempotencyKey)
            try c.encode(lastError, forKey: .lastError)
            try c.encode(createdAt.rfc3339(in: zone), forKey: .createdAt)
            try c.encode(sentAt?.rfc3339(in: zone), forKey: .sentAt)
        }

        /// An item with its times in the offset of ``DisplayZone/current``.
        public struct EncodedItem: Encodable, Sendable {
            var item: Item
            public init(_ item: Item) { self.item = item }
            public func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: Item.CodingKeys.self)
                try c.encode(item.kind, forKey: .kind)
                try c.encode(item.roleID.uuidString.lowercased(), forKey: .roleID)
                try c.encode(item.title, forKey: .title)
                try c.encode(item.venue, forKey: .venue)
                try c.encode(item.start.rfc3339, forKey: .start)
                try c.encode(item.end.rfc3339, forKey: .end)
                try c.encodeIfPresent(item.fromTitle, forKey: .fromTitle)
            }
        }
    }

    static let select = """
        SELECT n.id, n.volunteer_id, v.community_id, v.name, v.phone, n.night::text, n.language, n.items::text, n.state, n.attempts,
               n.idempotency_key, c.time_zone, n.last_error, n.created_at, n.sent_at, n.kind, n.code
        FROM notifications n JOIN volunteers v ON v.id = n.volunteer_id JOIN communities c ON c.id = v.community_id
        """

    typealias Row = (UUID, UUID, UUID, String, String, String, String, String, String, Int32, String, String, String?, Date, Date?, String, String?)

    static func message(_ r: Row) -> Message {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { d in
            let text = try d.singleValueContainer().decode(String.self)
            guard let date = Date.parseStored(text) else { throw DecodingError.dataCorrupted(.init(codingPath: d.codingPath, debugDescription: text)) }
            return date
        }
        let items = (try? decoder.decode([Item].self, from: Data(r.7.utf8))) ?? []
        return Message(id: r.0, volunteerID: .init(r.1), communityID: .init(r.2), name: r.3, phone: r.4, night: LocalDate(r.5)!,
                       language: r.6, items: items, state: r.8, attempts: Int(r.9), idempotencyKey: r.10,
                       zone: TimeZone(identifier: r.11) ?? DisplayZone.standard, lastError: r.12, createdAt: r.13, sentAt: r.14,
                       kind: r.15, code: r.16)
    }

    /// The outbox, newest first: a community's (its volunteers'), or everybody's.
    public func list(community: Community.ID?, state: String?, limit: Int) async throws(StoreError) -> [Message] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                \(unescaped: Self.select)
                WHERE (\(community?.uuid)::uuid IS NULL OR v.community_id = \(community?.uuid)) AND (\(state)::text IS NULL OR n.state = \(state))
                ORDER BY n.created_at DESC, n.id DESC LIMIT \(limit)
                """, logger: db.logger).all(Row.self)
        }
        return rows.map(Self.message)
    }

    /// Counts by state, for metrics and the nightly's record.
    public func counts() async throws(StoreError) -> [String: Int] {
        let rows = try await db.withConnection { c in
            try await c.query("SELECT state, count(*) FROM notifications GROUP BY state", logger: db.logger).all((String, Int).self)
        }
        return Dictionary(uniqueKeysWithValues: rows)
    }
}

extension Date {
    /// A `timestamptz` as PostgreSQL writes it inside JSON (`2026-12-05T05:30:00+00:00`).
    static func parseStored(_ text: String) -> Date? {
        for style in [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()] {
            if let d = try? style.parse(text) { return d }
        }
        return nil
    }
}
