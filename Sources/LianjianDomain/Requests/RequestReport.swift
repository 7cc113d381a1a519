import Foundation

/// A month of 民情速递站 for a community (or the district): requests received by channel and
/// category; how long issues took from the first request to the decision (决议) and to the result
/// (结果公开) — median and 90th percentile, in days; and the open issues by age.
public struct RequestReport: Sendable, Encodable, Equatable {
    /// An issue as the report needs it: when its first request came, when it was resolved and
    /// when its result was published, if it was.
    public struct Timing: Sendable, Equatable {
        public var collected: Date
        public var decided: Date?
        public var done: Date?
        public var open: Bool
        public init(collected: Date, decided: Date?, done: Date?, open: Bool) {
            self.collected = collected
            self.decided = decided
            self.done = done
            self.open = open
        }
    }

    public struct Count: Sendable, Encodable, Equatable {
        public var key: String
        public var name: String
        public var count: Int
    }

    /// Median and 90th percentile of a set of durations in days, with how many there were.
    public struct Spread: Sendable, Encodable, Equatable {
        public var issues: Int
        public var medianDays: Double?
        public var p90Days: Double?
        enum CodingKeys: String, CodingKey {
            case issues
            case medianDays = "median_days", p90Days = "p90_days"
        }
    }

    public var month: String
    public var scopeName: String
    public var received: Int
    public var byChannel: [Count]
    public var byCategory: [Count]
    public var toDecision: Spread
    public var toResult: Spread
    /// Open issues by age since their first request: under 30 days, 30–90, over 90.
    public var openByAge: [Count]

    enum CodingKeys: String, CodingKey {
        case month, received
        case scopeName = "scope_name", byChannel = "by_channel", byCategory = "by_category", toDecision = "to_decision"
        case toResult = "to_result", openByAge = "open_by_age"
    }

    /// The median (the mean of the middle two for an even count) and the 90th percentile (the
    /// nearest rank: the smallest value with at least 90% at or below it), rounded to 0.1 day.
    public static func spread(_ days: [Double]) -> Spread {
        guard !days.isEmpty else { return Spread(issues: 0, medianDays: nil, p90Days: nil) }
        let sorted = days.sorted(), n = sorted.count
        let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        let rank = Int((0.9 * Double(n)).rounded(.up))
        let round = { (d: Double) in (d * 10).rounded() / 10 }
        return Spread(issues: n, medianDays: round(median), p90Days: round(sorted[max(rank, 1) - 1]))
    }

    /// The report from the month's requests (channel and category of each, with the names to
    /// show) and the issues' timings; `start` and `end` bound the month.
    public static func build(month: String, scopeName: String, requests: [(channel: String, category: String, categoryName: String)],
                             issues: [Timing], start: Date, end: Date, now: Date) -> RequestReport {
        let channelNames = ["form": "扫码填写", "card": "意见卡", "meeting": "会议"]
        let byChannel = Dictionary(grouping: requests, by: \.channel).map { Count(key: $0.key, name: channelNames[$0.key] ?? $0.key, count: $0.value.count) }
            .sorted { ($0.count, $1.key) > ($1.count, $0.key) }
        let byCategory = Dictionary(grouping: requests, by: \.category).map { Count(key: $0.key, name: $0.value[0].categoryName, count: $0.value.count) }
            .sorted { ($0.count, $1.key) > ($1.count, $0.key) }
        let inMonth = { (d: Date) in d >= start && d < end }
        let days = { (from: Date, to: Date) in to.timeIntervalSince(from) / 86_400 }
        let decided = issues.compactMap { i in i.decided.flatMap { inMonth($0) ? days(i.collected, $0) : nil } }
        let done = issues.compactMap { i in i.done.flatMap { inMonth($0) ? days(i.collected, $0) : nil } }
        var ages = ["under_30": 0, "30_to_90": 0, "over_90": 0]
        for issue in issues where issue.open {
            let age = days(issue.collected, now)
            ages[age < 30 ? "under_30" : age <= 90 ? "30_to_90" : "over_90", default: 0] += 1
        }
        let ageNames = ["under_30": "30 天以内", "30_to_90": "30–90 天", "over_90": "90 天以上"]
        return RequestReport(month: month, scopeName: scopeName, received: requests.count, byChannel: byChannel, byCategory: byCategory,
                             toDecision: spread(decided), toResult: spread(done),
                             openByAge: ["under_30", "30_to_90", "over_90"].map { Count(key: $0, name: ageNames[$0] ?? $0, count: ages[$0] ?? 0) })
    }

    /// For Excel and WPS: counts and days as numbers.
    public func csv() -> Data {
        typealias C = CSVTable.Cell
        let d = { (v: Double?) in v.map(C.quantity) ?? .text("—") }
        var rows: [[C]] = [[.text("民情速递站月报"), .text(month), .text(scopeName)], [], [.text("收到诉求"), .quantity(Double(received))], [],
                           [.text("来源"), .text("件数")]]
        rows += byChannel.map { [.text($0.name), .quantity(Double($0.count))] }
        rows += [[], [.text("类别"), .text("件数")]] + byCategory.map { [.text($0.name), .quantity(Double($0.count))] }
        rows += [[], [.text("用时（天）"), .text("议题数"), .text("中位数"), .text("90% 分位")],
                 [.text("征集到决议"), .quantity(Double(toDecision.issues)), d(toDecision.medianDays), d(toDecision.p90Days)],
                 [.text("征集到结果公开"), .quantity(Double(toResult.issues)), d(toResult.medianDays), d(toResult.p90Days)],
                 [], [.text("未办结议题"), .text("件数")]]
        rows += openByAge.map { [.text($0.name), .quantity(Double($0.count))] }
        return CSVTable.write(cells: rows)
    }

    /// A printable page of the same.
    public func html() -> String {
        let e = Timetable.escape
        let list = { (counts: [Count]) in counts.map { "<tr><td>\(e($0.name))</td><td class=n>\($0.count)</td></tr>" }.joined() }
        let days = { (v: Double?) in v.map { String(format: "%.1f", $0) } ?? "—" }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>民情速递站月报 \(e(month)) \(e(scopeName))</title><style>\(PledgeReport.pageStyle)</style></head>
            <body><h1>民情速递站月报</h1><p class=when>\(e(month)) · \(e(scopeName)) · 收到诉求 \(received) 件</p>
            <h2>来源</h2><table><tbody>\(list(byChannel))</tbody></table>
            <h2>类别</h2><table><tbody>\(list(byCategory))</tbody></table>
            <h2>办理用时（天）</h2><table><thead><tr><th></th><th>议题数</th><th>中位数</th><th>90% 分位</th></tr></thead><tbody>
            <tr><td>征集到决议</td><td class=n>\(toDecision.issues)</td><td class=n>\(days(toDecision.medianDays))</td><td class=n>\(days(toDecision.p90Days))</td></tr>
            <tr><td>征集到结果公开</td><td class=n>\(toResult.issues)</td><td class=n>\(days(toResult.medianDays))</td><td class=n>\(days(toResult.p90Days))</td></tr>
            </tbody></table>
            <h2>未办结议题</h2><table><tbody>\(list(openByAge))</tbody></table></body></html>

            """
    }
}
