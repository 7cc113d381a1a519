import Foundation
import LianjianDomain
import LianjianStore

/// A night's record and an outbox message in words: 「新建活动 3 场；新增安排 6 人次……」.
struct RunsView {
    let language: Language
    let zone: TimeZone

    var t: [String: String] { ConsoleText.strings(language) }

    /// The counts a person reads first, in this order; the rest (solver budget, partitions) are
    /// for operators and stay in `lianjian runs`.
    static let shownCounts = ["events_created", "roles_restaffed", "assignments_added", "assignments_moved", "assignments_removed",
                              "unfilled_positions", "bookings_laid_out", "bookings_moved", "bookings_unplaced", "reminders",
                              "pledges_at_risk"]

    func run(_ run: NightlyRepository.Run) -> [String: Any] {
        let counts = run.steps.reduce(into: [String: Int]()) { all, step in all.merge(step.counts) { $0 + $1 } }
        let summary = Self.shownCounts.compactMap { key -> String? in
            guard let n = counts[key], n > 0 else { return nil }
            return ConsoleText.fill(t["count_\(key)"], ["n": "\(n)"])
        }
        let seconds = run.finishedAt.map { Int($0.timeIntervalSince(run.startedAt).rounded()) }
        var values: [String: Any] = [
            "as_of": run.asOf.description, "state": run.state, "state_label": t["run_\(run.state)"] ?? run.state,
            "started": local(run.startedAt), "took": seconds.map { ConsoleText.fill(t["seconds"], ["n": "\($0)"]) as Any } ?? false,
            "horizon": ConsoleText.fill(t["run_horizon"], ["days": "\(run.horizonDays)", "hours": "\(run.freezeHours)"]),
            "summary": summary.isEmpty ? (t["run_nothing"] ?? "") : summary.joined(separator: language == .english ? "; " : "；"),
            "steps": run.steps.map(step),
        ]
        // Absent, not nil: Mustache would print a nil.
        if let error = run.error { values["error"] = Messages.localise(error, to: language) }
        return values
    }

    func step(_ step: NightlyRepository.Step) -> [String: Any] {
        let counts = Self.shownCounts.compactMap { key in step.counts[key].map { ConsoleText.fill(t["count_\(key)"], ["n": "\($0)"]) } }
        var values: [String: Any] = [
            "name": t["step_\(step.name)"] ?? step.name, "ms": ConsoleText.fill(t["milliseconds"], ["n": "\(step.ms)"]),
            "counts": counts.isEmpty ? false as Any : counts.joined(separator: language == .english ? "; " : "；"), "notes": step.notes.map(note),
        ]
        if let score = step.score { values["score"] = ConsoleText.fill(t["run_score"], ["score": "\(score)", "bound": step.bound.map { "\($0)" } ?? "–"]) }
        return values
    }

    /// The roster step's note on an event short of people, `社区观影 2026-12-12T09:00:00+08:00: 2 missing`,
    /// as 「社区观影 12-12 09:00 缺 2 人」; any other note is translated whole.
    func note(_ text: String) -> String {
        if let m = text.wholeMatch(of: /(.+) (\S+): (\d+) missing/), let at = try? Date(String(m.2), strategy: .iso8601) {
            return ConsoleText.fill(t["note_missing"], ["title": String(m.1), "at": local(at), "n": String(m.3)])
        }
        return Messages.localise(text, to: language)
    }

    func message(_ m: NotificationRepository.Message) -> [String: Any] {
        let kinds = Dictionary(grouping: m.items, by: \.kind).mapValues(\.count)
        let what = m.kind == "sign_in_code" ? (t["message_code"] ?? "")
            : ["added", "moved", "removed", "reminder"].compactMap { k in kinds[k].map { ConsoleText.fill(t["item_\(k)"], ["n": "\($0)"]) } }
                .joined(separator: language == .english ? ", " : "、")
        return [
            "created": local(m.createdAt), "name": m.name, "phone": m.phone, "what": what, "state": m.state,
            "state_label": t["message_\(m.state)"] ?? m.state, "attempts": m.attempts,
            "sent": m.sentAt.map { local($0) as Any } ?? false, "error": m.lastError.map { Messages.localise($0, to: language) } ?? "",
        ]
    }

    func local(_ instant: Date) -> String {
        let date = LocalDate(instant, in: zone)
        return String(format: "%02d-%02d ", date.month, date.day) + LocalTime(instant, in: zone).description
    }
}
