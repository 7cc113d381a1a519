import Foundation
import LianjianDomain
import PostgresNIO

/// One-time codes for volunteers signing in with their phone number: the code goes out through
/// the notification outbox (at once, quiet hours or not), and only its hash is kept for checking.
public struct SignInCodeRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// How long a code is good for, how many tries it allows, and how soon another may be asked for.
    public static let lifetime: Duration = .seconds(600)
    public static let tries = 5
    public static let resendAfter: Duration = .seconds(60)

    public enum Issue: Sendable, Equatable {
        /// A code was written to the outbox for the volunteer of that phone.
        case sent
        /// A code was sent to that phone less than a minute ago.
        case tooSoon
        /// No active volunteer has that phone number.
        case unknown
    }

    /// Writes a new code for the active volunteer with this phone (in normal form) and queues
    /// its message; the code replaces any earlier one.
    public func issue(phone: String, code: String) async throws(StoreError) -> Issue {
        let lifetime = Double(Self.lifetime.components.seconds), resend = Double(Self.resendAfter.components.seconds)
        return try await db.transaction { c in
            let found = try await c.query("""
                SELECT v.id, (SELECT s.created_at > now() - make_interval(secs => \(resend)) FROM sign_in_codes s WHERE s.volunteer_id = v.id)
                FROM volunteers v WHERE v.phone = \(phone) AND v.active FOR UPDATE OF v
                """, logger: db.logger).all((UUID, Bool?).self)
            guard let (volunteer, recent) = found.first else { return Issue.unknown }
            if recent == true { return Issue.tooSoon }
            try await c.query("""
                INSERT INTO sign_in_codes (volunteer_id, code_hash, expires_at)
                VALUES (\(volunteer), sha256(convert_to(\(code) || \(volunteer)::text, 'UTF8')), now() + make_interval(secs => \(lifetime)))
                ON CONFLICT (volunteer_id) DO UPDATE SET code_hash = excluded.code_hash, tries = 0, expires_at = excluded.expires_at,
                    created_at = now()
                """, logger: db.logger)
            try await c.query("""
                INSERT INTO notifications (volunteer_id, community_id, night, language, kind, code)
                SELECT v.id, v.community_id, (now() AT TIME ZONE cm.time_zone)::date, v.language, 'sign_in_code', \(code)
                FROM volunteers v JOIN communities cm ON cm.id = v.community_id WHERE v.id = \(volunteer)
                """, logger: db.logger)
            return Issue.sent
        }
    }

    /// The volunteer whose phone and unexpired code these are, using the code up; a wrong
    /// code counts a try, and after ``tries`` the code is void. `nil` when they do not match.
    public func redeem(phone: String, code: String) async throws(StoreError) -> Volunteer.ID? {
        try await db.transaction { c in
            let rows = try await c.query("""
                SELECT s.volunteer_id, s.code_hash = sha256(convert_to(\(code) || s.volunteer_id::text, 'UTF8'))
                FROM sign_in_codes s JOIN volunteers v ON v.id = s.volunteer_id
                WHERE v.phone = \(phone) AND v.active AND s.expires_at > now() AND s.tries < \(Self.tries)
                FOR UPDATE OF s
                """, logger: db.logger).all((UUID, Bool).self)
            guard let (volunteer, matches) = rows.first else { return nil as Volunteer.ID? }
            if matches {
                try await c.query("DELETE FROM sign_in_codes WHERE volunteer_id = \(volunteer)", logger: db.logger)
                return Volunteer.ID(volunteer)
            }
            try await c.query("UPDATE sign_in_codes SET tries = tries + 1 WHERE volunteer_id = \(volunteer)", logger: db.logger)
            return nil
        }
    }

    /// Records a failed sign-in from an address, for the per-address limit.
    public func recordFailure(address: String) async throws(StoreError) {
        _ = try await db.withConnection { c in
            try await c.query("""
                INSERT INTO sign_in_failures (address) VALUES (left(\(address), 100))
                """, logger: db.logger).collectCount()
        }
    }

    /// Failed sign-ins from an address within the last `window`.
    public func failures(address: String, within window: Duration) async throws(StoreError) -> Int {
        let seconds = Double(window.components.seconds)
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT count(*) FROM sign_in_failures WHERE address = left(\(address), 100) AND at > now() - make_interval(secs => \(seconds))
                """, logger: db.logger).all(Int.self)
        }
        return rows.first ?? 0
    }
}
