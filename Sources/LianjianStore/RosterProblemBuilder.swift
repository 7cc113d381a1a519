import Foundation
import LianjianDomain
import PostgresNIO
import RosterSolver

/// Builds a roster-problem/1 from the database for a community (or the whole district) and a
/// range of dates: the scheduled events' roles as shifts; active volunteers with a needed skill
/// valid through the range, their availability expanded from weekly patterns and exceptions,
/// their weekly caps less what they already do outside the range; confirmed answers pinned,
/// declined ones taken out of the volunteer's availability; the published roster as `previous`.
struct RosterProblemBuilder {
    let community: Community.ID?
    /// A night's partition: only these communities' shifts, and only the volunteers who may
    /// serve there (see ``NightlyRepository/communityLinks()``).
    var partition: [UUID]? = nil
    let from: LocalDate
    let to: LocalDate
    let zone: TimeZone
    let logger: Logger
    /// Published pairs of shifts starting before this are pinned: inside the freeze window
    /// nobody is moved, only empty places are filled.
    var freezeUntil: Date? = nil

    var rangeStart: Date { from.at(.init(minutes: 0), in: zone) }
    var rangeEnd: Date { to.adding(days: 1).at(.init(minutes: 0), in: zone) }

    func stamp(_ d: Date) -> Timestamp {
        Timestamp(epochSeconds: Int64(d.timeIntervalSince1970), offsetMinutes: zone.secondsFromGMT(for: d) / 60)
    }

    /// The problem, and every pair of the published roster for its shifts (declined ones too).
    ///
    /// Organisers' hand choices (`roster_overrides`) are kept: a pinned pair is pinned, an
    /// assigned one is `previous`, a removed one is neither and its hours are taken out of the
    /// volunteer's availability, except the hours of the work they keep.
    func build(_ c: PostgresConnection) async throws -> (Problem, [Pair]) {
        let shifts = try await loadShifts(c)
        let ids = shifts.map { UUID(uuidString: $0.id)! }
        let responses = try await c.query("""
            SELECT role_id, volunteer_id, response FROM assignment_responses WHERE role_id = ANY(\(ids)::uuid[])
            """, logger: logger).all((UUID, UUID, String).self)
        let published = try await c.query("""
            SELECT a.role_id, a.volunteer_id FROM published_assignments a
            WHERE a.role_id = ANY(\(ids)::uuid[])
            """, logger: logger).all((UUID, UUID).self).map { Pair(shift: $0.0.lower, volunteer: $0.1.lower) }
        let chosen = try await c.query("""
            SELECT role_id, volunteer_id, kind FROM roster_overrides WHERE role_id = ANY(\(ids)::uuid[]) ORDER BY chosen_at, role_id, volunteer_id
            """, logger: logger).all((UUID, UUID, String).self).map { (pair: Pair(shift: $0.0.lower, volunteer: $0.1.lower), kind: $0.2) }
        let declined = Set(responses.filter { $0.2 == "declined" }.map { Pair(shift: $0.0.lower, volunteer: $0.1.lower) })
        let removed = Set(chosen.filter { $0.kind == "removed" }.map(\.pair))
        let confirmed = responses.filter { $0.2 == "confirmed" }.map { Pair(shift: $0.0.lower, volunteer: $0.1.lower) }
        let asked = Self.unique(confirmed + chosen.filter { $0.kind == "pinned" }.map(\.pair)).filter { !declined.contains($0) }
        let kept = Self.unique(published + chosen.filter { $0.kind != "removed" }.map(\.pair)).filter { !declined.contains($0) && !removed.contains($0) }
        var frozen: [Pair] = []
        if let until = freezeUntil {
            let early = Set(shifts.filter { Self.span($0).start < until }.map(\.id))
            frozen = kept.filter { early.contains($0.shift) }
        }
        let wanted = Self.unique(asked + frozen)
        let holes = Self.holes(removed, keeping: kept + wanted, shifts: shifts)
        let volunteers = try await loadVolunteers(c, skills: Set(shifts.map(\.skill)), shifts: shifts, declined: declined, holes: holes)
        let known = Set(volunteers.map(\.id))
        let problem = Problem(horizon: Interval(start: stamp(rangeStart), end: stamp(rangeEnd)), travelMinutes: 30, weights: Weights(),
                              volunteers: volunteers, shifts: shifts, pinned: wanted.filter { known.contains($0.volunteer) },
                              previous: kept.filter { known.contains($0.volunteer) })
        return (problem, published)
    }

    /// The pairs in their first order, each once.
    static func unique(_ pairs: [Pair]) -> [Pair] {
        var seen = Set<Pair>()
        return pairs.filter { seen.insert($0).inserted }
    }

    static func span(_ shift: Shift) -> TimeSpan {
        TimeSpan(Date(timeIntervalSince1970: Double(shift.start.epochMillis) / 1000), Date(timeIntervalSince1970: Double(shift.end.epochMillis) / 1000))
    }

    /// For each volunteer, the hours of the roles they were removed from, less the hours of the
    /// pairs they keep (a volunteer moved to a role at the same time keeps that role's hours).
    static func holes(_ removed: Set<Pair>, keeping kept: [Pair], shifts: [Shift]) -> [String: [TimeSpan]] {
        let spans = Dictionary(shifts.map { ($0.id, span($0)) }, uniquingKeysWith: { a, _ in a })
        var holes: [String: [TimeSpan]] = [:]
        for pair in removed.sorted(by: { ($0.volunteer, $0.shift) < ($1.volunteer, $1.shift) }) {
            guard let hole = spans[pair.shift] else { continue }
            var pieces = [hole]
            for k in kept where k.volunteer == pair.volunteer { if let span = spans[k.shift] { pieces = Availability.removing(span, from: pieces) } }
            holes[pair.volunteer, default: []] += pieces
        }
        return holes
    }

    private func loadShifts(_ c: PostgresConnection) async throws -> [Shift] {
        let rows = try await c.query("""
            SELECT r.id, e.id, e.community_id, e.starts_at, e.ends_at, r.skill, r.required, r.priority, r.units_only, p.unit_id
            FROM event_roles r JOIN events e ON e.id = r.event_id JOIN joint_projects p ON p.id = e.project_id
            WHERE e.status = 'scheduled' AND r.required > 0 AND e.starts_at >= \(rangeStart) AND e.starts_at < \(rangeEnd)
              AND (\(community?.uuid)::uuid IS NULL OR e.community_id = \(community?.uuid))
              AND (\(partition == nil) OR e.community_id = ANY(\(partition ?? [])::uuid[]))
            ORDER BY e.starts_at, r.id
            """, logger: logger).all((UUID, UUID, UUID, Date, Date, String, Int32, Int32, Bool, UUID).self)
        return rows.map { r in
            Shift(id: r.0.lower, event: r.1.lower, community: r.2.lower, start: stamp(r.3), end: stamp(r.4), skill: r.5,
                  required: Int(r.6), priority: Int(r.7), units: r.8 ? [r.9.lower] : [])
        }
    }

    private func loadVolunteers(_ c: PostgresConnection, skills needed: Set<String>, shifts: [Shift],
                                declined: Set<Pair>, holes: [String: [TimeSpan]]) async throws -> [RosterSolver.Volunteer] {
        let rows = try await c.query("""
            SELECT v.id, v.unit_id, v.community_id, v.max_minutes_per_week,
                   coalesce(array_agg(s.skill ORDER BY s.skill) FILTER (WHERE s.expires_on IS NULL OR s.expires_on >= \(to.description)::date), '{}')
            FROM volunteers v JOIN volunteer_skills s ON s.volunteer_id = v.id
            WHERE v.active AND s.skill = ANY(\(Array(needed))::text[])
              AND (\(partition == nil) OR v.community_id = ANY(\(partition ?? [])::uuid[])
                   OR EXISTS (SELECT 1 FROM joint_projects p WHERE p.unit_id = v.unit_id AND p.community_id = ANY(\(partition ?? [])::uuid[])))
            GROUP BY v.id ORDER BY v.id
            """, logger: logger).all((UUID, UUID?, UUID, Int32, [String]).self).filter { !$0.4.isEmpty }
        let ids = rows.map(\.0)
        let weekly = Dictionary(grouping: try await c.query("""
            SELECT volunteer_id, weekday, starts_at::text, ends_at::text FROM volunteer_availability WHERE volunteer_id = ANY(\(ids)::uuid[])
            """, logger: logger).all((UUID, Int16, String, String).self), by: \.0)
        let exceptions = Dictionary(grouping: try await c.query("""
            SELECT volunteer_id, on_date::text, starts_at::text, ends_at::text FROM volunteer_exceptions
            WHERE volunteer_id = ANY(\(ids)::uuid[]) AND on_date BETWEEN \(from.description)::date AND \(to.description)::date
            """, logger: logger).all((UUID, String, String?, String?).self), by: \.0)
        let (weeks, outside) = try await loadOutside(c, ids)
        let elsewhere = try await loadElsewhere(c, ids, shifts: shifts)
        let shiftSpans = Dictionary(uniqueKeysWithValues: shifts.map { ($0.id, Self.span($0)) })
        // A volunteer's week is written in their own community's local time: a district-wide
        // read (the nightly job's) has no single zone to read "Saturday 08:00–18:00" in.
        let zones = Dictionary(uniqueKeysWithValues: try await c.query("""
            SELECT id, time_zone FROM communities WHERE id = ANY(\(Array(Set(rows.map(\.2))))::uuid[])
            """, logger: logger).all((UUID, String).self).map { ($0.0, TimeZone(identifier: $0.1) ?? zone) })
        return rows.map { r in
            let slots = (weekly[r.0] ?? []).compactMap { w in LocalTime(w.2).flatMap { s in LocalTime(w.3).map { WeeklySlot(weekday: Int(w.1), start: s, end: $0) } } }
            let special = (exceptions[r.0] ?? []).map { e in
                Availability.Exception(date: LocalDate(e.1)!, slot: e.2.flatMap(LocalTime.init).flatMap { s in e.3.flatMap(LocalTime.init).map { (s, $0) } })
            }
            var spans = Availability.expand(weekly: slots, exceptions: special, from: from, to: to, zone: zones[r.2] ?? zone)
            for pair in declined where pair.volunteer == r.0.lower { if let hole = shiftSpans[pair.shift] { spans = Availability.removing(hole, from: spans) } }
            for hole in holes[r.0.lower] ?? [] { spans = Availability.removing(hole, from: spans) }
            // Published work in another scope inside the range is time they no longer have.
            var busy = 0
            for hole in elsewhere[r.0] ?? [] {
                spans = Availability.removing(hole, from: spans)
                busy += Int(hole.end.timeIntervalSince(hole.start) / 60)
            }
            let cap = max(0, Int(r.3) * weeks - (outside[r.0] ?? 0) - busy)
            return RosterSolver.Volunteer(id: r.0.lower, unit: r.1?.lower, community: r.2.lower, skills: r.4,
                                          available: spans.map { Interval(start: stamp($0.start), end: stamp($0.end)) }, maxMinutes: cap)
        }
    }

    /// Each volunteer's published assignments inside the range that are not shifts of this
    /// problem (another community's roster), as intervals.
    private func loadElsewhere(_ c: PostgresConnection, _ ids: [UUID], shifts: [Shift]) async throws -> [UUID: [TimeSpan]] {
        let mine = shifts.compactMap { UUID(uuidString: $0.id) }
        let rows = try await c.query("""
            SELECT DISTINCT a.volunteer_id, e.starts_at, e.ends_at
            FROM published_assignments a
            JOIN event_roles r ON r.id = a.role_id JOIN events e ON e.id = r.event_id
            WHERE a.volunteer_id = ANY(\(ids)::uuid[]) AND e.status = 'scheduled' AND NOT (a.role_id = ANY(\(mine)::uuid[]))
              AND e.starts_at >= \(rangeStart) AND e.starts_at < \(rangeEnd)
              AND NOT EXISTS (SELECT 1 FROM assignment_responses x WHERE x.role_id = a.role_id AND x.volunteer_id = a.volunteer_id
                              AND x.response = 'declined')
            """, logger: logger).all((UUID, Date, Date).self)
        return Dictionary(grouping: rows, by: \.0).mapValues { $0.map { TimeSpan($0.1, $0.2) } }
    }

    /// The ISO weeks the range touches, and each volunteer's published minutes in those weeks
    /// but outside the range (they count against the weekly cap).
    private func loadOutside(_ c: PostgresConnection, _ ids: [UUID]) async throws -> (Int, [UUID: Int]) {
        let firstMonday = from.adding(days: 1 - from.isoWeekday)
        let nextMonday = to.adding(days: 8 - to.isoWeekday)
        let weeks = (nextMonday.dayNumber - firstMonday.dayNumber) / 7
        let rows = try await c.query("""
            SELECT a.volunteer_id, sum(extract(epoch FROM e.ends_at - e.starts_at) / 60)::int8
            FROM published_assignments a
            JOIN event_roles r ON r.id = a.role_id JOIN events e ON e.id = r.event_id
            WHERE a.volunteer_id = ANY(\(ids)::uuid[]) AND e.status = 'scheduled'
              AND e.starts_at >= \(firstMonday.at(.init(minutes: 0), in: zone)) AND e.starts_at < \(nextMonday.at(.init(minutes: 0), in: zone))
              AND NOT (e.starts_at >= \(rangeStart) AND e.starts_at < \(rangeEnd))
            GROUP BY a.volunteer_id
            """, logger: logger).all((UUID, Int).self)
        return (weeks, Dictionary(uniqueKeysWithValues: rows))
    }
}

extension UUID {
    /// The lowercase text form the problem files use.
    var lower: String { uuidString.lowercased() }
}
