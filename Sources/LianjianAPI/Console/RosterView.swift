import Foundation
import LianjianDomain
import LianjianStore

/// A roster version shaped for the `roster` template: what changes against the published
/// roster, per event (people added and removed, and volunteers moved between events), then
/// the whole roster per event and role.
struct RosterView {
    var values: [String: Any]

    init(_ version: RosterRepository.Version, zone: TimeZone, language: Language) {
        let t = ConsoleText.strings(language)
        let diff = version.diff
        // A move is a pair removed and a pair added for one volunteer: shown once, as a move.
        let moved = Set(diff.moved.flatMap { [Pair($0.fromRole, $0.volunteerID), Pair($0.toRole, $0.volunteerID)] })
        let added = diff.added.filter { !moved.contains(Pair($0.roleID, $0.volunteerID)) }
        let removed = diff.removed.filter { !moved.contains(Pair($0.roleID, $0.volunteerID)) }
        let changes = Self.byEvent(added.map { ($0, true) } + removed.map { ($0, false) }, zone: zone, language: language).map { event in
            var shaped = event.heading
            shaped["added"] = event.people.filter { $0.added }.map(\.values)
            shaped["removed"] = event.people.filter { !$0.added }.map(\.values)
            return shaped
        }
        let moves = diff.moved.map { m -> [String: Any] in
            ["name": m.volunteerName ?? "", "from": m.fromEventTitle ?? "", "to": m.toEventTitle ?? ""]
        }
        let events = Self.byEvent(version.assignments.map { ($0, true) }, zone: zone, language: language).map { event in
            event.heading.merging(["people": event.people.map(\.values)]) { $1 }
        }
        let unfilled = version.score.unfilled
        values = [
            "range": "\(WeekView.dayText(version.from, language)) – \(WeekView.dayText(version.to, language))",
            "from": version.from.description, "to": version.to.description,
            "status_text": t["status_\(version.status)"] ?? version.status,
            "draft": version.status == "draft",
            "unfilled": unfilled > 0 ? Self.fill(t["unfilled_count"], ["n": unfilled]) : t["unfilled_none"] ?? "",
            "has_unfilled": unfilled > 0,
            "change_counts": Self.fill(t["change_counts"], ["added": added.count, "removed": removed.count, "moved": moves.count]),
            "changes": changes, "no_changes": changes.isEmpty && moves.isEmpty, "moves": moves, "has_moves": !moves.isEmpty,
            "id": version.id.uuid.uuidString.lowercased(),
            "events": events, "no_events": events.isEmpty,
        ]
    }

    /// A catalogue sentence with its `{name}` placeholders filled.
    static func fill(_ sentence: String?, _ values: [String: Int]) -> String {
        values.reduce(sentence ?? "") { $0.replacingOccurrences(of: "{\($1.key)}", with: "\($1.value)") }
    }

    private struct Pair: Hashable {
        var role: UUID, volunteer: UUID
        init(_ role: UUID, _ volunteer: UUID) { (self.role, self.volunteer) = (role, volunteer) }
    }

    private struct Person {
        var added: Bool
        var values: [String: Any]
    }

    /// Labelled pairs grouped by event, in time order, each with its people (by role, then name).
    private static func byEvent(_ items: [(RosterRepository.Assignment, Bool)], zone: TimeZone,
                                language: Language) -> [(heading: [String: Any], people: [Person])] {
        let labelled = items.compactMap { pair in pair.0.label.map { ($0, pair.1) } }
        let events = Dictionary(grouping: labelled) { $0.0.eventID }.values
            .sorted { ($0[0].0.start, $0[0].0.eventTitle) < ($1[0].0.start, $1[0].0.eventTitle) }
        return events.map { group in
            let first = group[0].0
            let day = LocalDate(first.start, in: zone)
            let people = group.sorted { ($0.0.skillName, $0.0.volunteerName) < ($1.0.skillName, $1.0.volunteerName) }.map { label, added in
                Person(added: added, values: ["name": label.volunteerName, "skill": label.skillName, "pinned": label.pinned])
            }
            return (["title": first.eventTitle, "when": "\(WeekView.dayText(day, language)) \(WeekView.hours(first.start, first.end, zone))"],
                    people)
        }
    }
}
