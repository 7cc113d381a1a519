import Foundation
import LianjianDomain

/// An event's sheet shaped for the `event` template: each role with filled / needed and its
/// people, the residents with their buildings and needs, and the companion groups.
struct EventView {
    var values: [String: Any]

    init(_ sheet: EventSheet, language: Language) {
        let t = ConsoleText.strings(language)
        let day = LocalDate(sheet.start, in: sheet.zone)
        let weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][day.isoWeekday - 1]
        let roles = sheet.roles.map { role -> [String: Any] in
            let people = sheet.staff.filter { $0.skill == role.skill }
            return ["name": role.skill, "filled": people.count, "required": role.required, "short": people.count < role.required,
                    "people": people.map { ["name": $0.name, "unit": $0.unit, "phone": $0.phone, "draft": $0.draft] }]
        }
        let names = Dictionary(sheet.participants.map { ($0.id, $0.name) }) { a, _ in a }
        let groups = sheet.groups.map { g -> [String: Any] in
            ["companion": g.companion, "residents": g.residents.map { names[$0] ?? "" }.filter { !$0.isEmpty }.joined(separator: "、")]
        }
        let roster: String? = switch sheet.roster {
        case .published: nil
        case .draft: t["sheet_draft"]
        case .none: t["sheet_no_roster"]
        }
        values = [
            "title": sheet.title, "venue": sheet.venue, "community": sheet.community, "project": sheet.project,
            "unit": sheet.unit?.name ?? "",
            "when": "\(WeekView.dayText(day, language)) \(t[weekday] ?? "") \(WeekView.hours(sheet.start, sheet.end, sheet.zone))",
            "week": "/week?start=\(day)",
            "roster_note": roster as Any,
            "roles": roles,
            "participants": sheet.participants.map { ["name": $0.name, "building": $0.building, "needs": $0.needs.joined(separator: "、")] },
            "participant_count": Self.count(t["participant_count"], sheet.participants.count),
            "no_participants": sheet.participants.isEmpty,
            "groups": groups, "has_groups": !groups.isEmpty,
        ]
    }

    private static func count(_ sentence: String?, _ n: Int) -> String {
        (sentence ?? "").replacingOccurrences(of: "{n}", with: "\(n)")
    }
}
