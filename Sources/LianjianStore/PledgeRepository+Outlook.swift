import Foundation
import LianjianDomain
import PostgresNIO

extension PledgeRepository {
    /// What the nightly check of a month found: pledges looked at, and those the unit's
    /// available volunteers cannot fulfil.
    public struct OutlookSummary: Sendable, Equatable {
        public var checked: Int
        public var atRisk: Int
    }

    /// Marks each pledge in force in `month` (its first day) as fulfillable or not from its unit's
    /// active volunteers: someone on the books at all; for each pledged role, enough people with
    /// that skill (valid through the month); and for hours, the unit's weekly limits over the
    /// month covering all it pledged that month. Replaces the month's earlier marks.
    public func checkOutlook(month: LocalDate) async throws(StoreError) -> OutlookSummary {
        let end = month.endOfMonth
        let weeks = Double(end.day) / 7
        return try await db.transaction { c in
            let pledges = try await c.query("""
                SELECT g.id, p.unit_id, g.minutes_per_month, g.roles::text FROM project_pledges g JOIN joint_projects p ON p.id = g.project_id
                WHERE g.valid_from <= \(end.description)::date AND g.valid_to >= \(month.description)::date AND p.status = 'active'
                """, logger: db.logger).all((UUID, UUID, Int, String).self)
            let units = Array(Set(pledges.map(\.1)))
            let capacity = Dictionary(try await c.query("""
                SELECT unit_id, count(*), coalesce(sum(max_minutes_per_week), 0)::int8 FROM volunteers
                WHERE active AND unit_id = ANY(\(units)) GROUP BY unit_id
                """, logger: db.logger).all((UUID, Int, Int).self).map { ($0.0, ($0.1, $0.2)) }, uniquingKeysWith: { a, _ in a })
            let skilled = try await c.query("""
                SELECT v.unit_id, s.skill, k.name_zh, count(*) FROM volunteers v JOIN volunteer_skills s ON s.volunteer_id = v.id
                JOIN skills k ON k.code = s.skill
                WHERE v.active AND v.unit_id = ANY(\(units)) AND (s.expires_on IS NULL OR s.expires_on >= \(end.description)::date)
                GROUP BY v.unit_id, s.skill, k.name_zh
                """, logger: db.logger).all((UUID, String, String, Int).self)
            let names = Dictionary(try await c.query("SELECT code, name_zh FROM skills", logger: db.logger).all((String, String).self),
                                   uniquingKeysWith: { a, _ in a })
            var holders: [UUID: [String: Int]] = [:]
            for row in skilled { holders[row.0, default: [:]][row.1] = row.3 }
            let pledgedByUnit = Dictionary(pledges.map { ($0.1, $0.2) }, uniquingKeysWith: +)
            try await c.query("DELETE FROM pledge_outlooks WHERE month = \(month.description)::date", logger: db.logger).collectCount()
            var atRisk = 0
            for (pledge, unit, _, rolesText) in pledges {
                let roles = (try? JSONDecoder().decode([Pledge.Role].self, from: Data(rolesText.utf8))) ?? []
                var reasons: [String] = []
                let (people, weekly) = capacity[unit] ?? (0, 0)
                if people == 0 { reasons.append("单位没有在册的志愿者") }
                for role in roles where (holders[unit]?[role.skill] ?? 0) < role.count {
                    reasons.append("\(names[role.skill] ?? role.skill)：每场需要 \(role.count) 名，单位只有 \(holders[unit]?[role.skill] ?? 0) 名具备这项技能")
                }
                let most = Int((Double(weekly) * weeks).rounded(.down)), pledged = pledgedByUnit[unit] ?? 0
                if people > 0, pledged > most {
                    reasons.append("单位志愿者每月最多约 \(ServiceCertificate.hours(most)) 小时，承诺合计 \(ServiceCertificate.hours(pledged)) 小时")
                }
                atRisk += reasons.isEmpty ? 0 : 1
                try await c.query("""
                    INSERT INTO pledge_outlooks (pledge_id, month, fulfillable, reason)
                    VALUES (\(pledge), \(month.description)::date, \(reasons.isEmpty), \(reasons.joined(separator: "；")))
                    """, logger: db.logger).collectCount()
            }
            return OutlookSummary(checked: pledges.count, atRisk: atRisk)
        }
    }
}
