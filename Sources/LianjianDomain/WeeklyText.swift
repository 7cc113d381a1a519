/// Weekly availability as people write it in a spreadsheet cell:
/// `周六 09:00-12:00；周日 14:00-17:00`, `周一至周五 18:00-20:00`, `周二、周四 8:30-11:30`,
/// or in English `Sat 09:00-12:00; Sun 14:00-17:00`, `Mon-Fri 18:00-20:00`.
///
/// Entries are separated by `；` `;` `，` `,` or a line break; each is one or more days (a list
/// joined by `、` `/` `和`, or a range with `至` `到` `-` `~`) and a time range `HH:MM-HH:MM`
/// (`-` `–` `~` `～` `至` `到`).
public enum WeeklyText {
    static let dayNames: [String: Int] = {
        var names: [String: Int] = [:]
        for (i, zh) in ["一", "二", "三", "四", "五", "六", "日"].enumerated() {
            for prefix in ["周", "星期", "礼拜"] { names[prefix + zh] = i + 1 }
        }
        for prefix in ["周", "星期", "礼拜"] { names[prefix + "天"] = 7 }
        for (i, en) in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].enumerated() { names[en] = i + 1 }
        for (i, en) in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].enumerated() { names[en] = i + 1 }
        return names
    }()

    /// The slots the text describes, in order.
    /// - Throws: ``DomainError`` on `field`, quoting the entry it cannot read.
    public static func parse(_ text: String, field: String = "availability") throws(DomainError) -> [WeeklySlot] {
        var slots: [WeeklySlot] = []
        let entries = text.split(whereSeparator: { "；;，,\n".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        for entry in entries where !entry.isEmpty {
            guard let (days, start, end) = Self.entry(entry) else {
                throw DomainError(field: field, reason: "cannot read 「\(entry)」; write it like 周六 09:00-12:00；周日 14:00-17:00")
            }
            slots += days.map { WeeklySlot(weekday: $0, start: start, end: end) }
        }
        return slots
    }

    private static func entry(_ entry: String) -> ([Int], LocalTime, LocalTime)? {
        // The time range is the last word; what comes before names the days.
        let normalised = entry.replacingOccurrences(of: "：", with: ":").replacingOccurrences(of: "　", with: " ")
        guard let space = normalised.lastIndex(of: " ") else { return nil }
        let dayText = normalised[..<space].trimmingCharacters(in: .whitespaces).lowercased()
        let timeText = String(normalised[normalised.index(after: space)...])
        let times = timeText.split(whereSeparator: { "-–~～".contains($0) }).map(String.init)
        let parts = times.count == 2 ? times : timeText.components(separatedBy: "至").count == 2 ? timeText.components(separatedBy: "至") : timeText.components(separatedBy: "到")
        guard parts.count == 2, let start = time(parts[0]), let end = time(parts[1]), end > start, let days = days(dayText) else { return nil }
        return (days, start, end)
    }

    private static func time(_ text: String) -> LocalTime? {
        let t = text.trimmingCharacters(in: .whitespaces)
        return LocalTime(t.count == 4 ? "0" + t : t)
    }

    private static func days(_ text: String) -> [Int]? {
        for separator in ["至", "到", "-", "~", "～"] where text.contains(separator) {
            let ends = text.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2, let a = dayNames[ends[0]], let b = dayNames[ends[1]], a <= b else { return nil }
            return Array(a...b)
        }
        var result: [Int] = []
        for name in text.split(whereSeparator: { "、/和 ".contains($0) }) {
            guard let d = dayNames[String(name)] else { return nil }
            if !result.contains(d) { result.append(d) }
        }
        return result.isEmpty ? nil : result
    }
}
