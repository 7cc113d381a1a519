import Foundation
import LianjianDomain
import PostgresNIO

/// The console's sessions: a random secret in the cookie, only its SHA-256 hash stored, so
/// several server processes share them and a copy of the database signs nobody in.
public struct SessionRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// A signed-in session: who it is, scoped like a token, and its form token.
    public struct Session: Sendable, Equatable {
        public var id: UUID
        public var principal: Principal
        /// The account's display name, or the volunteer's name.
        public var name: String
        public var accountID: UUID?
        public var csrfToken: String
        public var expiresAt: Date
    }

    /// How long a session lasts.
    public static let lifetime: Duration = .seconds(12 * 3600)

    /// Opens a session for an account or a volunteer; the secret is returned here only.
    public func open(account: UUID? = nil, volunteer: Volunteer.ID? = nil) async throws(StoreError) -> (Session, secret: String) {
        let secret = Self.randomText(bytes: 32), csrf = Self.randomText(bytes: 32)
        let seconds = Double(Self.lifetime.components.seconds)
        let rows = try await db.withConnection { c in
            try await c.query("""
                WITH s AS (
                    INSERT INTO console_sessions (secret_hash, account_id, volunteer_id, csrf_token, expires_at)
                    VALUES (sha256(convert_to(\(secret), 'UTF8')), \(account), \(volunteer?.uuid), \(csrf), now() + make_interval(secs => \(seconds)))
                    RETURNING *)
                \(unescaped: Self.select("s"))
                """, logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("account") }
        return (Self.make(row), secret)
    }

    /// The session of a cookie's secret while it is valid: unexpired, its account enabled, its
    /// volunteer active; `nil` otherwise.
    public func find(secret: String) async throws(StoreError) -> Session? {
        guard (20...100).contains(secret.count) else { return nil }
        let rows = try await db.withConnection { c in
            try await c.query("""
                WITH s AS (SELECT * FROM console_sessions WHERE secret_hash = sha256(convert_to(\(secret), 'UTF8')) AND expires_at > now())
                \(unescaped: Self.select("s"))
                """, logger: db.logger).all(Row.self)
        }
        return rows.first.map(Self.make)
    }

    /// Ends the session of a secret (signing out); expired sessions are swept at the same time.
    public func close(secret: String) async throws(StoreError) {
        _ = try await db.withConnection { c in
            try await c.query("""
                DELETE FROM console_sessions WHERE secret_hash = sha256(convert_to(\(secret), 'UTF8')) OR expires_at < now() - interval '1 day'
                """, logger: db.logger).collectCount()
        }
    }

    /// Ends every session of an account (a password change, a disabled account).
    public func closeAll(account: UUID) async throws(StoreError) {
        _ = try await db.withConnection { c in
            try await c.query("DELETE FROM console_sessions WHERE account_id = \(account)", logger: db.logger).collectCount()
        }
    }

    /// Who a session is: the account's role and scope, or the volunteer; only enabled accounts
    /// and active volunteers count.
    static func select(_ source: String) -> String {
        """
        SELECT s.id, s.account_id, s.volunteer_id, s.csrf_token, s.expires_at, a.role, a.community_id, a.unit_id,
               coalesce(a.display_name, v.name)
        FROM \(source) s LEFT JOIN accounts a ON a.id = s.account_id LEFT JOIN volunteers v ON v.id = s.volunteer_id
        WHERE (a.id IS NOT NULL AND a.disabled_at IS NULL) OR (v.id IS NOT NULL AND v.active)
        """
    }

    typealias Row = (UUID, UUID?, UUID?, String, Date, String?, UUID?, UUID?, String)
    static func make(_ r: Row) -> Session {
        let role = r.5.flatMap(Principal.Role.init(rawValue:)) ?? .volunteer
        let principal = Principal(tokenID: r.0, role: role, community: r.6.map { .init($0) }, unit: r.7.map { .init($0) },
                                  volunteer: r.2.map { .init($0) }, via: .session)
        return Session(id: r.0, principal: principal, name: r.8, accountID: r.1, csrfToken: r.3, expiresAt: r.4)
    }

    /// Base64url text of `bytes` random bytes.
    public static func randomText(bytes: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        let raw = (0..<bytes).map { _ in UInt8.random(in: 0...255, using: &rng) }
        return Data(raw).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
