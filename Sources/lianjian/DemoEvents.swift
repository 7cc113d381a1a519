import Foundation
import LianjianDomain
import LianjianJobs
import LianjianStore

/// The demo's events: the film outing for 60 elderly residents of 香园街 (six with mobility aids),
/// the justice bureau's legal clinic on the 2nd Saturday of every month, and the hospital's
/// fortnightly free screening in 陇海安居; then a published district roster for two weeks.
struct DemoEvents {
    let db: Database
    let communities: [String: Community.ID]
    let units: [String: PartnerUnit.ID]
    let monday: LocalDate

    func load() async throws {
        let projects = try await ProjectRepository(db).list(RegistryFilter(), PageRequest(limit: 500)).items
        func project(_ community: String, _ unit: String, _ title: String) -> JointProject.ID {
            projects.first { $0.communityID == communities[community] && $0.unitID == units[unit] && $0.title == title }!.id
        }
        try await addCompanions()
        let saturday = monday.adding(days: 5)
        let film = try await EventRepository(db).create(.init(
            projectID: project("xiangyuanjie", "political-legal", "我陪老人看电影"), title: "我陪老人看电影", venue: "上街区影剧院",
            start: "\(saturday)T13:30", end: "\(saturday)T17:00",
            roles: [StaffingRule(skill: "companion", perParticipants: 3, needs: ["mobility_aid": 1])]))
        let people = ParticipantRepository(db)
        for i in 0..<60 {
            let resident = try await people.createResident(in: communities["xiangyuanjie"]!, .init(
                name: DemoRegistry.surnames[i % 12] + ["奶奶", "爷爷"][i % 2] + "\(i / 12 + 1)", building: "\(i % 6 + 1)号楼",
                phone: "1360000\(String(format: "%04d", i))", needs: (i % 10 == 9 ? ["mobility_aid"] : []) + (i % 3 == 0 ? ["living_alone"] : [])))
            try await people.register(resident.id, for: film.id)
        }
        let clinic = try await PlanRepository(db).create(for: project("huicai", "justice-bureau", "法律服务零距离"), .init(
            title: "法律咨询", venue: "汇才社区党群服务中心", recurrence: Recurrence(frequency: "monthly", weekdays: [6], weekOfMonth: 2),
            startDate: monday, startTime: LocalTime("09:00")!, durationMinutes: 180,
            roles: [StaffingRule(skill: "notary", count: 1), StaffingRule(skill: "lawyer", count: 2, unitsOnly: true)]))
        let screening = try await PlanRepository(db).create(for: project("ershilipu", "tcm-hospital", "定期健康义诊"), .init(
            title: "健康义诊", venue: "陇海安居小游园广场", recurrence: Recurrence(frequency: "weekly", interval: 2, weekdays: [6]),
            startDate: monday, startTime: LocalTime("08:00")!, durationMinutes: 240,
            roles: [StaffingRule(skill: "doctor", count: 2, unitsOnly: true), StaffingRule(skill: "nurse", count: 1, unitsOnly: true)]))
        for plan in [clinic.id, screening.id] { _ = try await PlanRepository(db).generate(plan, from: monday, to: monday.adding(days: 55)) }
        let (draft, _) = try await RosterGeneration(db).generate(.init(communityID: nil, from: monday, to: monday.adding(days: 13), timeLimitSeconds: 3))
        _ = try await RosterRepository(db).publish(draft.id.uuid)
        _ = try await SheetRepository(db).assignGroups(film.id)
    }

    /// Companions of the three units that signed the film project, free on Saturdays.
    private func addCompanions() async throws {
        let saturday = [WeeklySlot(weekday: 6, start: LocalTime("08:00")!, end: LocalTime("18:00")!)]
        for i in 0..<21 {
            let unit = ["political-legal", "emergency-bureau", "urban-management"][i % 3]
            _ = try await VolunteerRepository(db).create(.init(
                name: DemoRegistry.surnames[(i + 5) % 12] + DemoRegistry.given[(i * 4) % 15] + "（陪）", phone: "137\(String(format: "%08d", 55_000_000 + i))",
                unitID: units[unit], communityID: communities["xiangyuanjie"]!, maxMinutesPerWeek: 480,
                skills: [SkillGrant(skill: "companion")], availability: saturday))
        }
    }
}
