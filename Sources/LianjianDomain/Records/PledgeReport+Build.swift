import Foundation

extension PledgeReport {
    /// The report of `month` (its first day) from the pledges in force, the projects' events from
    /// the start of the earliest period to the month's end, and the minutes the units' people
    /// were credited with in the month, by project.
    public static func build(month: LocalDate, scope: String, scopeName: String, pledges: [Pledged], events: [Held],
                             delivered: [UUID: Int]) -> PledgeReport {
        let end = month.endOfMonth
        let byProject = Dictionary(grouping: events, by: \.projectID)
        let lines = pledges.map { line($0, month: month, end: end, events: byProject[$0.pledge.projectID.uuid] ?? [], delivered: delivered) }
        var units: [String: Total] = [:], categories: [String: Total] = [:]
        var total = Total(key: scope, name: scopeName)
        for l in lines {
            units[l.unitID, default: Total(key: l.unitID, name: l.unit)].add(l)
            categories[l.category, default: Total(key: l.category, name: categoryNames[l.category] ?? l.category)].add(l)
            total.add(l)
        }
        return PledgeReport(month: String("\(month)".prefix(7)), scope: scope, scopeName: scopeName, lines: lines,
                            units: units.values.sorted { ($0.name, $0.key) < ($1.name, $1.key) },
                            categories: categories.values.sorted { $0.key < $1.key }, total: total)
    }

    static func line(_ p: Pledged, month: LocalDate, end: LocalDate, events: [Held], delivered: [UUID: Int]) -> Line {
        let pledge = p.pledge
        let project = pledge.projectID.uuid
        // A quarter's events count from the quarter's start; its shortfall shows in its last month.
        let periodFrom = pledge.period == .quarter ? month.startOfQuarter : month
        let periodTo = pledge.period == .quarter ? periodFrom.adding(days: 62).endOfMonth : end
        let inPeriod = events.filter { $0.held && $0.date >= periodFrom && $0.date <= end }
        let inMonth = events.filter { $0.held && $0.date >= month && $0.date <= end }
        let pledgedRoles = Dictionary(pledge.roles.map { ($0.skill, $0.count) }, uniquingKeysWith: { a, _ in a })
        var required = 0, filled = 0, came = 0, noShows = 0
        for event in inMonth {
            for role in event.roles {
                // With roles pledged, only those count, at the pledged number; otherwise what the event needed.
                let need = pledgedRoles.isEmpty ? role.required : (pledgedRoles[role.skill] ?? 0)
                required += need
                filled += min(need, role.came)
                came += role.came
                noShows += role.noShows
            }
            // A pledged role the event did not even have is a place nobody filled.
            let had = Set(event.roles.map(\.skill))
            required += pledgedRoles.filter { !had.contains($0.key) }.values.reduce(0, +)
        }
        let minutes = delivered[project] ?? 0
        var short: [String] = []
        if pledge.minutesPerMonth > 0, minutes < pledge.minutesPerMonth { short.append("hours") }
        if pledge.events > 0, periodTo <= end, inPeriod.count < pledge.events { short.append("events") }
        if filled < required { short.append("positions") }
        return Line(projectID: project.uuidString.lowercased(), project: p.project, category: p.category, community: p.community,
                    unitID: p.unitID.uuidString.lowercased(), unit: p.unit, pledgedMinutes: pledge.minutesPerMonth, deliveredMinutes: minutes,
                    period: pledge.period.rawValue, periodFrom: "\(periodFrom)", periodTo: "\(periodTo)", eventsPledged: pledge.events,
                    eventsHeld: inPeriod.count, positionsRequired: required, positionsFilled: filled, attended: came, noShows: noShows,
                    shortfalls: short, outlook: p.outlook)
    }

    /// Categories of joint projects as reports name them.
    public static let categoryNames = [
        "elderly_companionship": "为老服务", "legal": "法律服务", "health": "医疗健康", "parenting": "托育亲子", "culture": "文化活动",
        "parking": "错时停车", "safety": "安全应急", "environment": "环境整治", "other": "其他",
    ]
}
