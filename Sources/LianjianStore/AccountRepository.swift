import Foundation
import LianjianDomain
import PostgresNIO

/// The console's accounts: admins, organisers and liaisons who sign in with a password. The
/// store keeps the bcrypt hash it is given and counts failures; hashing and checking passwords
/// is the console's work.
public struct AccountRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// An account as listed: never its password hash.
    public struct Account: Sendable, Equatable {
        public var id: UUID
        public var login: String
        public var displayName: String
        public var role: Principal.Role
        public var communityID: Community.ID?
        public var unitID: PartnerUnit.ID?
        public var lockedUntil: Date?
        public var disabledAt: Date?
    }

    /// How many wrong passwords in a row lock an account, and for how long.
    public static let lockAfter = 5
    public static let lockFor: Duration = .seconds(15 * 60)

    /// Creates an account with an already-hashed password; a taken login is a conflict on `login`.
    public func create(login: String, displayName: String, passwordHash: String, scope: Principal) async throws(StoreError) -> Account {
        let rows = try await db.withConnection { c in
            try await c.query("""
                INSERT INTO accounts (login, display_name, password_hash, role, community_id, unit_id)
                VALUES (lower(\(login)), \(displayName), \(passwordHash), \(scope.role.rawValue), \(scope.community?.uuid), \(scope.unit?.uuid))
                RETURNING \(unescaped: Self.columns)
                """, logger: db.logger).all(Row.self)
        }
        return Self.make(rows[0])
    }

    /// The account of a login with its password hash, for checking a sign-in; `nil` when unknown.
    public func forSignIn(login: String) async throws(StoreError) -> (Account, hash: String)? {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT \(unescaped: Self.columns), password_hash FROM accounts WHERE login = lower(\(login))
                """, logger: db.logger).all((UUID, String, String, String, UUID?, UUID?, Date?, Date?, String).self)
        }
        return rows.first.map { r in (Self.make((r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7)), r.8) }
    }

    /// Records a wrong password: the account's count goes up, and at ``lockAfter`` it is locked
    /// for ``lockFor`` and the count starts again. Returns when it is locked until, if it is.
    public func recordFailure(_ id: UUID) async throws(StoreError) -> Date? {
        let seconds = Double(Self.lockFor.components.seconds)
        let rows = try await db.withConnection { c in
            try await c.query("""
                UPDATE accounts SET
                    failed_count = CASE WHEN failed_count + 1 >= \(Self.lockAfter) THEN 0 ELSE failed_count + 1 END,
                    locked_until = CASE WHEN failed_count + 1 >= \(Self.lockAfter) THEN now() + make_interval(secs => \(seconds)) ELSE locked_until END
                WHERE id = \(id) RETURNING locked_until
                """, logger: db.logger).all(Date?.self)
        }
        return rows.first.flatMap { $0 }.flatMap { $0 > Date() ? $0 : nil }
    }

    /// A good password: the count of failures starts again.
    public func recordSuccess(_ id: UUID) async throws(StoreError) {
        _ = try await db.withConnection { c in
            try await c.query("UPDATE accounts SET failed_count = 0 WHERE id = \(id) AND failed_count <> 0", logger: db.logger).collectCount()
        }
    }

    /// Sets a new password hash and unlocks the account.
    public func setPassword(login: String, passwordHash: String) async throws(StoreError) -> Account {
        let rows = try await db.withConnection { c in
            try await c.query("""
                UPDATE accounts SET password_hash = \(passwordHash), failed_count = 0, locked_until = NULL
                WHERE login = lower(\(login)) RETURNING \(unescaped: Self.columns)
                """, logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("account") }
        return Self.make(row)
    }

    public func list() async throws(StoreError) -> [Account] {
        let rows = try await db.withConnection { c in
            try await c.query("SELECT \(unescaped: Self.columns) FROM accounts ORDER BY role, login", logger: db.logger).all(Row.self)
        }
        return rows.map(Self.make)
    }

    public func get(_ id: UUID) async throws(StoreError) -> Account {
        let rows = try await db.withConnection { c in
            try await c.query("SELECT \(unescaped: Self.columns) FROM accounts WHERE id = \(id)", logger: db.logger).all(Row.self)
        }
        guard let row = rows.first else { throw .notFound("account") }
        return Self.make(row)
    }

    static let columns = "id, login, display_name, role, community_id, unit_id, locked_until, disabled_at"
    typealias Row = (UUID, String, String, String, UUID?, UUID?, Date?, Date?)
    static func make(_ r: Row) -> Account {
        Account(id: r.0, login: r.1, displayName: r.2, role: Principal.Role(rawValue: r.3) ?? .volunteer, communityID: r.4.map { .init($0) },
                unitID: r.5.map { .init($0) }, lockedUntil: r.6, disabledAt: r.7)
    }
}
