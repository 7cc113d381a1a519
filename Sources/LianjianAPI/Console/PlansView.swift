import Foundation
import LianjianDomain
import LianjianStore

/// What the plans page shows of each project and plan: the rule in words, the roles in words,
/// and a generate form for the coming four weeks.
struct PlansView {
    let skills: [String: String]
    let english: Bool
    let today: LocalDate

    func project(_ project: JointProject, unit: String, plans: [ServicePlan]) -> [String: Any] {
        ["title": project.title, "unit": unit, "plans": plans.map(plan), "no_plans": plans.isEmpty]
    }

    func plan(_ plan: ServicePlan) -> [String: Any] {
        let t = ConsoleText.strings(english ? .english : .chinese)
        return [
            "id": plan.id.uuid.uuidString.lowercased(), "title": plan.title, "venue": plan.venue,
            "words": plan.recurrence.words(from: plan.startTime, minutes: plan.durationMinutes, english: english),
            "since": ConsoleText.fill(t["plan_since"], ["date": plan.startDate.description]),
            "roles": plan.roles.map(role).joined(separator: english ? "; " : "；"),
            "skips_holidays": plan.skipHolidays,
            "from": max(today, plan.startDate).description, "to": max(today, plan.startDate).adding(days: 27).description,
        ]
    }

    /// 「陪护志愿者 每 3 位居民 1 名（行动不便者一对一）」, 「公证员 1 名」.
    func role(_ rule: StaffingRule) -> String {
        let name = skills[rule.skill] ?? rule.skill
        let t = ConsoleText.strings(english ? .english : .chinese)
        var text: String
        if let per = rule.perParticipants {
            text = ConsoleText.fill(t["role_per"], ["n": "\(per)", "skill": name])
        } else {
            text = ConsoleText.fill(t["role_count"], ["n": "\(rule.count ?? 0)", "skill": name])
        }
        if let needs = rule.needs, !needs.isEmpty {
            let words = needs.keys.sorted().map { t["need_\($0)"] ?? $0 }.joined(separator: english ? ", " : "、")
            text += ConsoleText.fill(t["role_needs"], ["needs": words])
        }
        return text
    }

    /// The form's choices (weekdays, frequency, which week of the month, project, skill) with
    /// what `chosen` holds marked, so a refused form comes back as it was sent.
    func choices(_ chosen: PlanForm.Chosen, projects: [JointProject], skills: [(code: String, name: String)]) -> [String: Any] {
        let t = ConsoleText.strings(english ? .english : .chinese)
        let days = ConsolePages.weekdays(t)
        let weeks = ["", "1", "2", "3", "4", "5", "-1"].map { ($0, t["week_of_month_\($0.isEmpty ? "any" : $0)"] ?? $0) }
        return [
            "weekday_options": ConsolePages.options(days, chosen.weekdays),
            "frequency_options": ConsolePages.options(["weekly", "monthly", "daily"].map { ($0, t["frequency_\($0)"] ?? $0) }, [chosen.frequency]),
            "week_options": ConsolePages.options(weeks, [chosen.weekOfMonth]),
            "project_options": ConsolePages.options(projects.map { ($0.id.uuid.uuidString.lowercased(), $0.title) }, [chosen.project]),
            "skill_options": ConsolePages.options(skills.map { ($0.code, $0.name) }, [chosen.skill]),
            "form": chosen.text, "skip_holidays": chosen.skipHolidays,
        ]
    }

    /// The new-plan form's first values: Saturday mornings, 09:00–12:00, two people, from today.
    var defaults: PlanForm.Chosen {
        PlanForm.Chosen(text: ["start_date": today.description, "start_time": "09:00", "end_time": "12:00", "count": "2"],
                        weekdays: ["6"], frequency: "weekly", weekOfMonth: "", project: "", skill: "companion", skipHolidays: true)
    }
}

/// The new-plan form, read into the API's own ``ServicePlan/Draft`` (validated by it).
struct PlanForm {
    let form: Form

    init(_ form: Form) { self.form = form }

    /// - Throws: ``DomainError`` naming the field that cannot be read.
    func draft() throws(DomainError) -> ServicePlan.Draft {
        let title = form["title"].trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw DomainError(field: "title", reason: "is required") }
        guard let date = LocalDate(form["start_date"]) else { throw DomainError(field: "start_date", reason: "must be a date (YYYY-MM-DD)") }
        guard let start = LocalTime(form["start_time"]) else { throw DomainError(field: "start_time", reason: "must be a time (HH:MM)") }
        guard let end = LocalTime(form["end_time"]), end.minutes > start.minutes else {
            throw DomainError(field: "end_time", reason: "must be after start_time")
        }
        let weekdays = form.all("weekday").compactMap(Int.init)
        let frequency = form["frequency"]
        guard frequency == "daily" || !weekdays.isEmpty else { throw DomainError(field: "weekdays", reason: "choose at least one day") }
        let nth = Int(form["week_of_month"])
        let recurrence = Recurrence(frequency: frequency, interval: Int(form["interval"]).flatMap { $0 > 1 ? $0 : nil },
                                    weekdays: frequency == "daily" ? nil : weekdays,
                                    weekOfMonth: frequency == "monthly" ? nth : nil, until: LocalDate(form["until"]))
        guard let count = Int(form["count"]), count >= 1 else { throw DomainError(field: "count", reason: "must be 1 or more") }
        let role = StaffingRule(skill: form["skill"], count: count)
        return ServicePlan.Draft(title: title, venue: form["venue"], recurrence: recurrence, startDate: date, startTime: start,
                                 durationMinutes: end.minutes - start.minutes, roles: [role], skipHolidays: form["skip_holidays"] == "on")
    }

    /// What the form holds: typed text and the choices made.
    struct Chosen {
        var text: [String: String]
        var weekdays: Set<String>
        var frequency: String
        var weekOfMonth: String
        var project: String
        var skill: String
        var skipHolidays: Bool
    }

    /// What was sent, to fill the form again after a refusal.
    var chosen: Chosen {
        let names = ["title", "venue", "start_date", "start_time", "end_time", "count", "until", "interval"]
        return Chosen(text: Dictionary(uniqueKeysWithValues: names.map { ($0, form[$0]) }), weekdays: Set(form.all("weekday")),
                      frequency: form["frequency"], weekOfMonth: form["week_of_month"], project: form["project"], skill: form["skill"],
                      skipHolidays: form["skip_holidays"] == "on")
    }
}
