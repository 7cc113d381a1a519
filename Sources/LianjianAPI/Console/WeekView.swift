import Foundation
import LianjianDomain
import LianjianStore

/// A community's published week shaped for the `week` template: seven days, each with its
/// events, each event's roles with filled / required, and the people with their answers.
struct WeekView {
    var range: String
    var days: [[String: Any]]
    /// "本周还缺 3 人次" or "本周岗位均已排满".
    var shortTotal: String
    /// Whether any place this week is unfilled.
    var hasShort = false

    init(_ current: RosterRepository.Current, monday: LocalDate, today: LocalDate, zone: TimeZone, language: Language) {
        let t = ConsoleText.strings(language)
        let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        var short = 0
        var days: [[String: Any]] = []
        for offset in 0..<7 {
            let day = monday.adding(days: offset)
            let events = current.events.filter { LocalDate($0.start, in: zone) == day }.map { event -> [String: Any] in
                let roles = event.roles.map { role -> [String: Any] in
                    let filled = role.people.filter { $0.response != "declined" }.count
                    short += max(0, role.required - filled)
                    return ["name": role.skillName, "filled": filled, "required": role.required, "short": filled < role.required,
                            "unpublished": role.versionID == nil,
                            "people": role.people.map { Self.person($0, t) }]
                }
                return ["id": event.eventID.uuidString.lowercased(), "title": event.title, "venue": event.venue, "time": Self.hours(event.start, event.end, zone), "roles": roles]
            }
            days.append(["label": t[weekdays[offset]] ?? "", "date": Self.dayText(day, language), "today": day == today,
                         "events": events, "empty": events.isEmpty])
        }
        self.days = days
        range = "\(Self.dayText(monday, language)) – \(Self.dayText(monday.adding(days: 6), language))"
        hasShort = short > 0
        if current.events.isEmpty {
            shortTotal = t["no_events_week"] ?? ""
        } else {
            shortTotal = short == 0 ? (t["all_filled"] ?? "") : (t["short_total"] ?? "").replacingOccurrences(of: "{n}", with: "\(short)")
        }
    }

    static func person(_ p: RosterRepository.Current.Person, _ t: [String: String]) -> [String: Any] {
        let state = p.response ?? "unanswered"
        return ["name": p.name, "unit": p.unit, "state": state, "state_label": t[state] ?? state, "declined": state == "declined",
                "pinned": p.pinned]
    }

    /// `12月7日` or `7 Dec`.
    static func dayText(_ day: LocalDate, _ language: Language) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return language == .english ? "\(day.day) \(months[day.month - 1])" : "\(day.month)月\(day.day)日"
    }

    /// `09:00–12:00` in the community's zone.
    static func hours(_ start: Date, _ end: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let hm = { (d: Date) in
            let c = calendar.dateComponents([.hour, .minute], from: d)
            return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
        }
        return "\(hm(start))–\(hm(end))"
    }
}
