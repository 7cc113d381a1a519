import Foundation
import LianjianDomain
import LianjianStore

/// The demo's service records: the joint projects' structured pledges, and last month's history
/// (the legal clinic in 汇才 and two health screenings in 二十里铺, with who came, for how long,
/// and who did not), confirmed by the organisers; one volunteer's ID document for a certificate.
struct DemoRecords {
    let db: Database
    let communities: [String: Community.ID]
    let units: [String: PartnerUnit.ID]

    /// (unit, title, minutes a month, events, period, roles per event)
    static let pledges: [(String, String, Int, Int, Pledge.Period, [Pledge.Role])] = [
        ("tcm-hospital", "定期健康义诊", 960, 2, .month, [.init(skill: "doctor", count: 2), .init(skill: "nurse", count: 1)]),
        ("political-legal", "我陪老人看电影", 600, 1, .quarter, []),
        ("emergency-bureau", "我陪老人看电影", 600, 1, .quarter, []),
        ("urban-management", "我陪老人看电影", 600, 1, .quarter, []),
        ("justice-bureau", "法制讲堂加油站", 240, 1, .month, [.init(skill: "lawyer", count: 1)]),
        ("urban-management", "幸福家长驿站·牵手成长 教子有方", 240, 0, .month, []),
        ("justice-bureau", "法律服务零距离", 480, 1, .month, [.init(skill: "notary", count: 1), .init(skill: "lawyer", count: 2)]),
    ]

    /// A valid resident ID number from GB 11643's own example, for the demo's certificate.
    static let demoIDNumber = "11010519491231002X"

    func load() async throws {
        let projects = try await ProjectRepository(db).list(RegistryFilter(), PageRequest(limit: 500)).items
        func project(_ unit: String, _ title: String) -> JointProject { projects.first { $0.unitID == units[unit] && $0.title == title }! }
        let lastMonth = LocalDate(Date(), in: DisplayZone.current).startOfMonth.adding(days: -1).startOfMonth
        for (unit, title, minutes, events, period, roles) in Self.pledges {
            _ = try await PledgeRepository(db).create(project(unit, title).id, .init(
                minutesPerMonth: minutes, events: events, period: period, roles: roles, from: lastMonth,
                to: LocalDate("2027-12-31")!))
        }
        let people = try await VolunteerRepository(db).list(RegistryFilter(), PageRequest(limit: 500)).items
        func staff(_ unit: String, _ skill: String) -> [Volunteer] {
            // By phone, so the demo's choices are the same on every machine.
            people.filter { $0.unitID == units[unit] && $0.skills.contains { $0.skill == skill } }.sorted { $0.phone < $1.phone }
        }
        // The legal clinic on last month's 2nd Saturday: the notary and one lawyer came, the other did not.
        let saturday = (8...14).map { lastMonth.adding(days: $0 - 1) }.first { $0.isoWeekday == 6 }!
        try await held(project("justice-bureau", "法律服务零距离"), "法律咨询", "汇才社区党群服务中心", saturday, "09:00", "12:00",
                       [("notary", staff("justice-bureau", "notary").prefix(1).map { ($0, "08:50", "12:05") }),
                        ("lawyer", staff("justice-bureau", "lawyer").prefix(2).enumerated().map { i, v in (v, i == 0 ? "09:00" : "", "11:40") })])
        // Two screenings, on the 1st and 3rd Saturdays: two doctors and a nurse each time.
        for week in [0, 14] {
            let day = (1...7).map { lastMonth.adding(days: $0 - 1) }.first { $0.isoWeekday == 6 }!.adding(days: week)
            try await held(project("tcm-hospital", "定期健康义诊"), "健康义诊", "陇海安居小游园广场", day, "08:00", "12:00",
                           [("doctor", staff("tcm-hospital", "doctor").prefix(2).map { ($0, "07:50", "12:00") }),
                            ("nurse", staff("tcm-hospital", "nurse").prefix(1).map { ($0, "08:10", "11:50") })])
        }
        if let notary = staff("justice-bureau", "notary").first {
            _ = try await IdentityRepository(db).set(notary.id, try IdentityDocument(kind: .residentID, number: Self.demoIDNumber),
                                                     volunteerNumber: "41010620210225")
        }
        _ = try await PledgeRepository(db).checkOutlook(month: LocalDate(Date(), in: DisplayZone.current).startOfMonth.nextMonth)
    }

    /// A past event with each role's people signed in and out (an empty sign-in time: did not come,
    /// so the place stays unfilled), then its hours confirmed.
    private func held(_ project: JointProject, _ title: String, _ venue: String, _ day: LocalDate, _ start: String, _ end: String,
                      _ roles: [(String, [(Volunteer, String, String)])]) async throws {
        let event = try await EventRepository(db).create(.init(
            projectID: project.id, title: title, venue: venue, start: "\(day)T\(start)", end: "\(day)T\(end)",
            roles: roles.map { StaffingRule(skill: $0.0, count: max(1, $0.1.count)) }), now: .distantPast)
        var entries: [AttendanceEntry] = []
        for (skill, people) in roles {
            let role = event.roles.first { $0.rule.skill == skill }?.id
            for (person, signIn, signOut) in people {
                if signIn.isEmpty { continue }
                entries.append(.init(volunteerID: person.id, action: .signIn, at: "\(day)T\(signIn)", roleID: role))
                entries.append(.init(volunteerID: person.id, action: .signOut, at: "\(day)T\(signOut)"))
            }
        }
        _ = try await AttendanceRepository(db).record(event.id, entries, actor: "demo")
        _ = try await CheckInRepository(db).confirm(event.id, actor: "demo")
    }
}
