import ArgumentParser
import LianjianDomain
import LianjianStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load a small demo registry from the Shangjie (上街区) scenario; safe to run twice.")

    @OptionGroup var options: GlobalOptions

    func run() async throws {
        let created = try await options.withDatabase { db in try await DemoRegistry(db: db).load() }
        print(created ? "loaded the demo registry" : "the demo registry is already loaded")
    }
}

/// The demo data: four communities, five partner units, their joint projects and volunteers.
struct DemoRegistry {
    let db: Database

    static let communities: [(String, String, [(String, Int, [String])])] = [
        ("ershilipu", "二十里铺社区", [("陇海安居小区", 224, ["1号楼", "2号楼", "3号楼", "4号楼", "5号楼"])]),
        ("xiangyuanjie", "香园街社区", []),
        ("huicai", "汇才社区", []),
        ("zhuzhai", "朱寨社区", []),
    ]
    static let units: [(String, String, String)] = [
        ("tcm-hospital", "上街区中医院", "hospital"),
        ("justice-bureau", "上街区司法局", "justice"),
        ("emergency-bureau", "上街区应急管理局", "emergency"),
        ("urban-management", "上街区城市管理局", "urban_management"),
        ("political-legal", "区委政法委", "government"),
    ]
    // (community, unit, title, category, pledge minutes per month)
    static let projects: [(String, String, String, String, Int)] = [
        ("ershilipu", "tcm-hospital", "错时停车", "parking", 0),
        ("ershilipu", "tcm-hospital", "定期健康义诊", "health", 960),
        ("xiangyuanjie", "political-legal", "我陪老人看电影", "elderly_companionship", 600),
        ("xiangyuanjie", "emergency-bureau", "我陪老人看电影", "elderly_companionship", 600),
        ("xiangyuanjie", "urban-management", "我陪老人看电影", "elderly_companionship", 600),
        ("xiangyuanjie", "justice-bureau", "法制讲堂加油站", "legal", 240),
        ("xiangyuanjie", "urban-management", "幸福家长驿站·牵手成长 教子有方", "parenting", 240),
        ("huicai", "justice-bureau", "法律服务零距离", "legal", 480),
    ]
    // (unit, skills, home community); names and numbers are invented.
    static let volunteerPlan: [(String, [String], String)] = [
        ("tcm-hospital", ["doctor"], "ershilipu"), ("tcm-hospital", ["doctor", "first_aid"], "ershilipu"),
        ("tcm-hospital", ["nurse"], "ershilipu"), ("tcm-hospital", ["nurse", "companion"], "xiangyuanjie"),
        ("justice-bureau", ["notary"], "huicai"), ("justice-bureau", ["lawyer"], "huicai"),
        ("justice-bureau", ["lawyer", "companion"], "xiangyuanjie"),
        ("emergency-bureau", ["first_aid", "companion"], "xiangyuanjie"), ("emergency-bureau", ["companion", "driver"], "xiangyuanjie"),
        ("urban-management", ["companion", "steward"], "xiangyuanjie"), ("urban-management", ["steward"], "ershilipu"),
        ("political-legal", ["companion"], "xiangyuanjie"), ("political-legal", ["companion", "steward"], "zhuzhai"),
    ]
    static let surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"]
    static let given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超"]

    /// Loads everything once; returns false when the demo communities already exist.
    func load() async throws -> Bool {
        let communityRepo = CommunityRepository(db)
        let existing = try await communityRepo.list(PageRequest(limit: 500)).items
        guard !existing.contains(where: { $0.code == "ershilipu" }) else { return false }
        var communityIDs: [String: Community.ID] = [:]
        for (i, (code, name, estates)) in Self.communities.enumerated() {
            // Who signs each community's certificates (invented names and numbers).
            let c = try await communityRepo.create(.init(code: code, name: name, district: "上街区", contactName: "\(name.prefix(2))志愿服务站站长",
                                                         contactPhone: "0371-6890100\(i)"))
            communityIDs[code] = c.id
            for (estate, households, buildings) in estates {
                _ = try await communityRepo.createEstate(in: c.id, .init(name: estate, households: households, buildings: buildings))
            }
        }
        var unitIDs: [String: PartnerUnit.ID] = [:]
        for (i, (code, name, kind)) in Self.units.enumerated() {
            let u = try await UnitRepository(db).create(.init(code: code, name: name, kind: kind, liaisonName: "联络员\(i + 1)", liaisonPhone: "1370000000\(i)"))
            unitIDs[code] = u.id
        }
        for (community, unit, title, category, pledge) in Self.projects {
            _ = try await ProjectRepository(db).create(.init(
                communityID: communityIDs[community]!, unitID: unitIDs[unit]!, title: title, category: category,
                signedOn: LocalDate("2021-02-25")!, pledgeMinutesPerMonth: pledge))
        }
        try await loadVolunteers(communityIDs, unitIDs)
        let estates = try await communityRepo.estates(of: communityIDs["ershilipu"]!)
        try await DemoFacilities(db: db, community: communityIDs["ershilipu"]!, estate: estates.first?.id,
                                 hospital: unitIDs["tcm-hospital"]!, monday: Self.nextMonday()).load()
        try await DemoEvents(db: db, communities: communityIDs, units: unitIDs, monday: Self.nextMonday()).load()
        try await DemoRecords(db: db, communities: communityIDs, units: unitIDs).load()
        try await DemoRequests(db: db, community: communityIDs["ershilipu"]!, hospital: unitIDs["tcm-hospital"]!).load()
        return true
    }

    /// The Monday after today (in the deployment's zone), where the demo's bookings start.
    static func nextMonday() -> LocalDate {
        let today = LocalDate(Date(), in: DisplayZone.current)
        return today.adding(days: 8 - today.isoWeekday)
    }

    private func loadVolunteers(_ communities: [String: Community.ID], _ units: [String: PartnerUnit.ID]) async throws {
        let weekend = [WeeklySlot(weekday: 6, start: LocalTime("08:00")!, end: LocalTime("18:00")!)]
        let weekdays = (1...5).map { WeeklySlot(weekday: $0, start: LocalTime("13:00")!, end: LocalTime("18:00")!) }
        for round in 0..<3 {
            for (i, (unit, skills, community)) in Self.volunteerPlan.enumerated() {
                let n = round * Self.volunteerPlan.count + i
                let name = Self.surnames[n % Self.surnames.count] + Self.given[(n * 7) % Self.given.count]
                _ = try await VolunteerRepository(db).create(.init(
                    name: name, phone: "139\(String(format: "%08d", 37_100_000 + n))", unitID: units[unit],
                    communityID: communities[community]!, maxMinutesPerWeek: 480,
                    skills: skills.map { SkillGrant(skill: $0) }, availability: round == 1 ? weekdays : weekend + weekdays))
            }
        }
    }
}

import Foundation
