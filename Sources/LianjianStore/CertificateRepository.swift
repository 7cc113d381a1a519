import Foundation
import LianjianDomain
import PostgresNIO

/// Volunteer-service certificates: a volunteer's record for a period with one recording
/// organisation (谁记录谁证明: a community's certificate counts the hours served in it, a unit's
/// the hours its people served), numbered sequentially per organisation and year, and checkable
/// by anyone with the number.
public struct CertificateRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The recording organisation that issues a certificate.
    public struct Issuer: Sendable, Equatable {
        public enum Kind: String, Sendable { case community, unit }
        public var kind: Kind
        public var id: UUID
        public init(_ kind: Kind, _ id: UUID) {
            self.kind = kind
            self.id = id
        }
    }

    /// The certificate of `volunteer`'s service from `from` to `to` recorded by `issuer`. Asking
    /// again for the same record gives the same certificate; a changed record a new number.
    /// Numbers are taken under the issuer's counter row lock, so they are sequential and unique
    /// however many are asked for at once.
    public func issue(_ volunteer: Volunteer.ID, by issuer: Issuer, from: LocalDate, to: LocalDate, now: Date = Date(),
                      actor: String) async throws(StoreError) -> ServiceCertificate {
        try await db.transaction { c in
            guard let name = try await c.query("SELECT name FROM volunteers WHERE id = \(volunteer.uuid)", logger: db.logger)
                .all(String.self).first else { throw StoreError.notFound("volunteer") }
            let (code, organisation, zone) = try await Self.organisation(issuer, c, db.logger)
            let services = try await Self.services(volunteer.uuid, issuer, from: from, to: to, c, db.logger)
            let minutes = services.reduce(0) { $0 + $1.minutes }
            let today = LocalDate(now, in: zone)
            // Nothing served, nothing certified: the record is shown without a number.
            let number = services.isEmpty ? ("", today) : try await Self.number(volunteer.uuid, issuer, code: code, year: today.year, from: from, to: to, minutes: minutes,
                                               services: services.count, today: today, actor: actor, c, db.logger)
            let identity = try await IdentityRepository.get(volunteer.uuid, c, db.logger)
            return ServiceCertificate(number: number.0, issuedOn: number.1, from: from, to: to, volunteerName: name, idType: identity?.kind,
                                      idNumber: identity?.masked ?? "未登记", volunteerNumber: identity?.volunteerNumber ?? "",
                                      services: services, organisation: organisation)
        }
    }

    static func organisation(_ issuer: Issuer, _ c: PostgresConnection,
                             _ logger: Logger) async throws -> (String, ServiceCertificate.Organisation, TimeZone) {
        switch issuer.kind {
        case .community:
            guard let r = try await c.query("""
                SELECT code, name, contact_name, contact_phone, time_zone FROM communities WHERE id = \(issuer.id)
                """, logger: logger).all((String, String, String, String, String).self).first else { throw StoreError.notFound("community") }
            return (r.0, .init(kind: "community", name: r.1, personInCharge: r.2, contact: r.3), TimeZone(identifier: r.4) ?? DisplayZone.standard)
        case .unit:
            guard let r = try await c.query("SELECT code, name, liaison_name, liaison_phone FROM partner_units WHERE id = \(issuer.id)",
                                            logger: logger).all((String, String, String, String).self).first else { throw StoreError.notFound("unit") }
            return (r.0, .init(kind: "unit", name: r.1, personInCharge: r.2, contact: r.3), DisplayZone.standard)
        }
    }

    /// One line per event with hours recorded by the issuer in the period (local dates), net of
    /// corrections; events whose hours were corrected to nothing are left out.
    static func services(_ volunteer: UUID, _ issuer: Issuer, from: LocalDate, to: LocalDate, _ c: PostgresConnection,
                         _ logger: Logger) async throws -> [ServiceCertificate.Service] {
        // The column is one of two constants, never input.
        let column = issuer.kind == .community ? "h.community_id" : "h.unit_id"
        let rows = try await c.query("""
            SELECT ((e.starts_at AT TIME ZONE m.time_zone)::date)::text, e.title, p.title, e.venue, sum(h.minutes)::int8
            FROM service_hours h JOIN events e ON e.id = h.event_id JOIN communities m ON m.id = e.community_id
            JOIN joint_projects p ON p.id = h.project_id
            WHERE h.volunteer_id = \(volunteer) AND \(unescaped: column) = \(issuer.id)
              AND (e.starts_at AT TIME ZONE m.time_zone)::date BETWEEN \(from.description)::date AND \(to.description)::date
            GROUP BY e.id, e.starts_at, m.time_zone, e.title, p.title, e.venue HAVING sum(h.minutes) > 0
            ORDER BY e.starts_at, e.id
            """, logger: logger).all((String, String, String, String, Int).self)
        return rows.compactMap { r in
            LocalDate(r.0).map { .init(date: $0, content: r.1, project: r.2, place: r.3, minutes: r.4) }
        }
    }

    /// The certificate's number and issue date: the existing one for the same record, or the
    /// issuer's next number this year.
    static func number(_ volunteer: UUID, _ issuer: Issuer, code: String, year: Int, from: LocalDate, to: LocalDate, minutes: Int,
                       services: Int, today: LocalDate, actor: String, _ c: PostgresConnection, _ logger: Logger) async throws -> (String, LocalDate) {
        // Taking the counter's row lock first makes concurrent issues for this issuer wait their turn.
        try await c.query("""
            INSERT INTO certificate_counters (issuer_kind, issuer_id, year) VALUES (\(issuer.kind.rawValue), \(issuer.id), \(year))
            ON CONFLICT (issuer_kind, issuer_id, year) DO UPDATE SET last = certificate_counters.last
            """, logger: logger).collectCount()
        if let existing = try await c.query("""
            SELECT number, issued_on::text FROM certificates
            WHERE issuer_kind = \(issuer.kind.rawValue) AND issuer_id = \(issuer.id) AND volunteer_id = \(volunteer)
              AND period_from = \(from.description)::date AND period_to = \(to.description)::date
              AND minutes = \(minutes) AND services = \(services)
            """, logger: logger).all((String, String).self).first, let issued = LocalDate(existing.1) {
            return (existing.0, issued)
        }
        let sequence = try await c.query("""
            UPDATE certificate_counters SET last = last + 1
            WHERE issuer_kind = \(issuer.kind.rawValue) AND issuer_id = \(issuer.id) AND year = \(year) RETURNING last
            """, logger: logger).all(Int.self)[0]
        let number = ServiceCertificate.number(issuerCode: code, year: year, sequence: sequence)
        try await c.query("""
            INSERT INTO certificates (number, issuer_kind, issuer_id, year, sequence, volunteer_id, period_from, period_to, services, minutes,
                                      issued_on, issued_by)
            VALUES (\(number), \(issuer.kind.rawValue), \(issuer.id), \(year), \(sequence), \(volunteer), \(from.description)::date,
                    \(to.description)::date, \(services), \(minutes), \(today.description)::date, \(actor))
            """, logger: logger).collectCount()
        return (number, today)
    }

    /// What anyone with a certificate's number may see: that it exists, who issued it when, the
    /// period and its totals. Nothing of the volunteer.
    public struct Verification: Sendable, Encodable, Equatable {
        public var number: String
        public var issuedOn: String
        public var issuer: String
        public var from: String
        public var to: String
        public var services: Int
        public var minutes: Int
        public var hours: Double

        enum CodingKeys: String, CodingKey {
            case number, issuer, from, to, services, minutes, hours
            case issuedOn = "issued_on"
        }
    }

    public func verify(_ number: String) async throws(StoreError) -> Verification {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT t.number, t.issued_on::text, coalesce(m.name, u.name, ''), t.period_from::text, t.period_to::text, t.services, t.minutes
                FROM certificates t LEFT JOIN communities m ON t.issuer_kind = 'community' AND m.id = t.issuer_id
                LEFT JOIN partner_units u ON t.issuer_kind = 'unit' AND u.id = t.issuer_id
                WHERE t.number = \(number)
                """, logger: db.logger).all((String, String, String, String, String, Int, Int).self)
        }
        guard let r = rows.first else { throw StoreError.notFound("certificate") }
        return Verification(number: r.0, issuedOn: r.1, issuer: r.2, from: r.3, to: r.4, services: r.5, minutes: r.6, hours: Double(r.6) / 60)
    }
}
