import Foundation
import LianjianDomain
import PostgresNIO

extension RequestRepository {
    /// The 民情速递站 report of `month` (its first day) for `community`, or the whole district.
    public func report(month: LocalDate, community: Community.ID?, now: Date = Date()) async throws(StoreError) -> RequestReport {
        try await db.withConnection { c in
            var zone = DisplayZone.current, name = "全区"
            if let community {
                guard let row = try await c.query("SELECT name, time_zone FROM communities WHERE id = \(community.uuid)", logger: db.logger)
                    .all((String, String).self).first else { throw StoreError(.notFound, field: "community", message: "community not found") }
                name = row.0
                zone = TimeZone(identifier: row.1) ?? zone
            }
            let start = month.at(.init(minutes: 0), in: zone), end = month.nextMonth.at(.init(minutes: 0), in: zone)
            let scope = community?.uuid
            let requests = try await c.query("""
                SELECT r.channel, r.category, k.name_zh FROM resident_requests r JOIN request_categories k ON k.code = r.category
                WHERE (\(scope)::uuid IS NULL OR r.community_id = \(scope)) AND r.received_at >= \(start) AND r.received_at < \(end)
                """, logger: db.logger).all((String, String, String).self)
            let timings = try await c.query("""
                SELECT coalesce((SELECT min(q.received_at) FROM issue_requests x JOIN resident_requests q ON q.id = x.request_id WHERE x.issue_id = i.id), i.created_at),
                       (SELECT min(s.at) FROM issue_steps s WHERE s.issue_id = i.id AND s.to_state = 'resolved'),
                       (SELECT min(s.at) FROM issue_steps s WHERE s.issue_id = i.id AND s.to_state = 'result_published'),
                       i.state NOT IN ('result_published', 'closed', 'declined')
                FROM issues i WHERE (\(scope)::uuid IS NULL OR i.community_id = \(scope))
                """, logger: db.logger).all((Date, Date?, Date?, Bool).self)
            return RequestReport.build(month: String(month.description.prefix(7)), scopeName: name,
                                       requests: requests.map { (channel: $0.0, category: $0.1, categoryName: $0.2) },
                                       issues: timings.map { .init(collected: $0.0, decided: $0.1, done: $0.2, open: $0.3) },
                                       start: start, end: end, now: now)
        }
    }
}
