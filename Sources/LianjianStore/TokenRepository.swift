import Foundation
import LianjianDomain
import PostgresNIO

/// API tokens: random secrets handed out once and stored only as SHA-256 hashes.
public struct TokenRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// A token as listed: never its secret.
    public struct Token: Sendable, Encodable, Equatable {
        public var id: UUID
        public var role: Principal.Role
        public var communityID: Community.ID?
        public var unitID: PartnerUnit.ID?
        public var volunteerID: Volunteer.ID?
        public var label: String
        public var expiresAt: Date
        public var revokedAt: Date?

        enum CodingKeys: String, CodingKey {
            case id, role, label
            case communityID = "community_id"
            case unitID = "unit_id"
            case volunteerID = "volunteer_id"
            case expiresAt = "expires_at"
            case revokedAt = "revoked_at"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeID(id, forKey: .id)
            try c.encode(role, forKey: .role)
            try c.encode(communityID, forKey: .communityID)
            try c.encode(unitID, forKey: .unitID)
            try c.encode(volunteerID, forKey: .volunteerID)
            try c.encode(label, forKey: .label)
            try c.encode(expiresAt.rfc3339, forKey: .expiresAt)
            try c.encode(revokedAt?.rfc3339, forKey: .revokedAt)
        }
    }

    /// `lj_` and 43 characters of base64url: 256 random bits.
    static func newSecret() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return "lj_" + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Issues a token; the secret is returned here and never again.
    public func create(_ scope: Principal, label: String, expiresAt: Date) async throws(StoreError) -> (Token, String) {
        let secret = Self.newSecret()
        let rows = try await db.withConnection { c in
            try await c.query("""
                INSERT INTO api_tokens (token_hash, role, community_id, unit_id, volunteer_id, label, expires_at)
                VALUES (sha256(convert_to(\(secret), 'UTF8')), \(scope.role.rawValue), \(scope.community?.uuid), \(scope.unit?.uuid),
                        \(scope.volunteer?.uuid), \(label), \(expiresAt))
                RETURNING \(unescaped: Self.columns)
                """, logger: db.logger).all(Row.self)
        }
        return (Self.make(rows[0]), secret)
    }

    /// The principal of a valid (known, unexpired, unrevoked) secret; `nil` otherwise.
    public func authenticate(_ secret: String) async throws(StoreError) -> Principal? {
        guard secret.hasPrefix("lj_"), secret.count < 100 else { return nil }
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.columns) FROM api_tokens
                WHERE token_hash = sha256(convert_to(\(secret), 'UTF8')) AND revoked_at IS NULL AND expires_at > now()
                """, logger: db.logger).all(Row.self)
        }
        return rows.first.map { r in
            let t = Self.make(r)
            return Principal(tokenID: t.id, role: t.role, community: t.communityID, unit: t.unitID, volunteer: t.volunteerID)
        }
    }

    /// The principal of the token with this id while it is valid (unexpired, unrevoked); `nil`
    /// otherwise. Signed download links name their token by id, so revoking it ends them.
    public func principal(tokenID id: UUID) async throws(StoreError) -> Principal? {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.columns) FROM api_tokens WHERE id = \(id) AND revoked_at IS NULL AND expires_at > now()
                """, logger: db.logger).all(Row.self)
        }
        return rows.first.map(Self.make).map { Principal(tokenID: $0.id, role: $0.role, community: $0.communityID, unit: $0.unitID, volunteer: $0.volunteerID) }
    }

    public func revoke(_ id: UUID) async throws(StoreError) -> Token {
        let rows = try await db.withConnection { c in
            try await c.query("""
                UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = \(id) RETURNING \(unescaped: Self.columns)
                """, logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("token") }
        return Self.make(row)
    }

    public func list() async throws(StoreError) -> [Token] {
        let rows = try await db.withConnection { c in
            try await c.query("SELECT \(unescaped: Self.columns) FROM api_tokens ORDER BY created_at, id", logger: db.logger).all(Row.self)
        }
        return rows.map(Self.make)
    }

    static let columns = "id, role, community_id, unit_id, volunteer_id, label, expires_at, revoked_at"
    typealias Row = (UUID, String, UUID?, UUID?, UUID?, String, Date, Date?)
    static func make(_ r: Row) -> Token {
        Token(id: r.0, role: Principal.Role(rawValue: r.1) ?? .volunteer, communityID: r.2.map { .init($0) }, unitID: r.3.map { .init($0) },
              volunteerID: r.4.map { .init($0) }, label: r.5, expiresAt: r.6, revokedAt: r.7)
    }
}
