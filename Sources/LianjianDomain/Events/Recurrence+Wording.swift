/// A recurrence in the words an organiser would use on a notice: 「每月第二个星期六 09:00–12:00」,
/// 「每周二、周四 08:30–11:30，至2027年6月30日」, "Every 2nd Saturday of the month, 09:00–12:00".
extension Recurrence {
    /// The rule with its hours, in Chinese or (with `english`) in English.
    public func words(from start: LocalTime, minutes: Int, english: Bool = false) -> String {
        let end = LocalTime(minutes: (start.minutes + minutes) % (24 * 60))
        let hours = "\(start)–\(end)"
        return english ? englishWords(hours) : chineseWords(hours)
    }

    private static let chineseDays = ["一", "二", "三", "四", "五", "六", "日"]
    private static let chineseOrdinals = [1: "第一个", 2: "第二个", 3: "第三个", 4: "第四个", 5: "第五个", -1: "最后一个"]
    private static let chineseCounts = [1: "", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六"]

    private func chineseWords(_ hours: String) -> String {
        let n = interval ?? 1
        let every = n == 1 ? "每" : "每\(Self.chineseCounts[n] ?? "\(n) ")"
        let days = (weekdays ?? []).sorted()
        var text: String
        switch frequency {
        case "daily":
            text = n == 1 ? "每天" : "\(every)天"
        case "monthly":
            let month = n == 1 ? "每月" : "\(every)个月的"
            if let weekOfMonth, !days.isEmpty {
                text = month + (Self.chineseOrdinals[weekOfMonth] ?? "") + days.map { "星期" + Self.chineseDays[$0 - 1] }.joined(separator: "、")
            } else {
                let dates = (daysOfMonth ?? []).map { $0 == -1 ? "最后一天" : "\($0)日" }
                text = month + (dates.isEmpty ? "" : dates.joined(separator: "、"))
            }
        default:
            let week = n == 1 ? "每周" : "\(every)周的"
            text = days.isEmpty ? week : week + days.enumerated().map { $0 == 0 && n == 1 ? Self.chineseDays[$1 - 1] : "周" + Self.chineseDays[$1 - 1] }
                .joined(separator: "、")
        }
        text += " " + hours
        if let until { text += "，至\(until.year)年\(until.month)月\(until.day)日" }
        if let count { text += "，共 \(count) 次" }
        return text
    }

    private static let englishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let englishOrdinals = [1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private func englishWords(_ hours: String) -> String {
        let n = interval ?? 1
        let days = (weekdays ?? []).sorted().map { Self.englishDays[$0 - 1] }
        let dayList = days.count > 1 ? days.dropLast().joined(separator: ", ") + " and " + days[days.count - 1] : days.first ?? ""
        var text: String
        switch frequency {
        case "daily":
            text = n == 1 ? "Every day" : "Every \(n) days"
        case "monthly":
            let month = n == 1 ? "of the month" : "of every \(n) months"
            if let weekOfMonth, !days.isEmpty {
                text = "Every \(Self.englishOrdinals[weekOfMonth] ?? "") \(dayList) \(month)"
            } else {
                let dates = (daysOfMonth ?? []).map { $0 == -1 ? "the last day" : "day \($0)" }
                text = "On " + (dates.isEmpty ? "one day" : dates.joined(separator: " and ")) + " " + month
            }
        default:
            text = n == 1 ? "Every \(dayList.isEmpty ? "week" : dayList)" : "Every \(n) weeks" + (dayList.isEmpty ? "" : " on \(dayList)")
        }
        text += ", " + hours
        if let until { text += ", until \(until.day) \(Self.months[until.month - 1]) \(until.year)" }
        if let count { text += ", \(count) times" }
        return text
    }
}
