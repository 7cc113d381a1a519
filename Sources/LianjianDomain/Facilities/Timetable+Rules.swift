import Foundation

extension Timetable {
    /// A sharing window as a timetable prints it: who may use how many bays when.
    public struct Rule: Sendable, Equatable {
        public var userClass: UserClass.Kind
        /// The partner unit's name for a `unit` window.
        public var unit: String?
        public var weekdays: [Int]
        public var start: LocalTime
        public var end: LocalTime
        public var guaranteedBays: Int
        public var capBays: Int
        public var validFrom: LocalDate
        public var validUntil: LocalDate?
        public var label: String

        /// The rule of `window`, naming its unit `unit`.
        public init(_ window: SharingWindow, unit: String?) {
            userClass = window.userClass.kind
            self.unit = unit
            weekdays = window.weekdays
            start = window.start
            end = window.end
            guaranteedBays = window.guaranteedBays
            capBays = window.capBays
            validFrom = window.validFrom
            validUntil = window.validUntil
            label = window.label
        }

        /// `联建单位：上街区中医院`, `居民`.
        public var who: String {
            let name = Timetable.chineseName[userClass] ?? userClass.rawValue
            return unit.map { "\(name)：\($0)" } ?? name
        }

        /// `周一至周五 08:00–17:30`, `每天 18:00–次日 08:00`, `周六 全天`.
        public var when: String {
            let days = Self.weekdayWording(weekdays)
            if start == end { return "\(days) 全天" }
            return "\(days) \(start)–\(end < start ? "次日 " : "")\(end)"
        }

        /// `2026-11-01 起`, `2026-11-01 至 2027-06-30`.
        public var validity: String {
            validUntil.map { "\(validFrom) 至 \($0)" } ?? "\(validFrom) 起"
        }

        static let weekdayNames = ["一", "二", "三", "四", "五", "六", "日"]

        /// ISO weekdays as people write them: `每天`, `周一至周五`, `周六、周日`, `周一、周三、周五`.
        static func weekdayWording(_ weekdays: [Int]) -> String {
            let days = Set(weekdays).filter { (1...7).contains($0) }.sorted()
            if days.count == 7 { return "每天" }
            if days.count >= 3, days.last! - days.first! == days.count - 1 {
                return "周\(weekdayNames[days.first! - 1])至周\(weekdayNames[days.last! - 1])"
            }
            return days.map { "周\(weekdayNames[$0 - 1])" }.joined(separator: "、")
        }
    }

    /// The sharing rules as a printed table, in the order they were set.
    func rulesHTML() -> String {
        guard !rules.isEmpty else { return "<h2>共享规则</h2><p>尚未设置共享时段：任何预订都不会被接受。</p>\n" }
        let e = Self.escape
        var rows = ""
        for r in rules {
            rows += "<tr><td>\(e(r.who))</td><td>\(e(r.when))</td><td class=n>\(r.guaranteedBays)</td><td class=n>\(r.capBays)</td>"
            rows += "<td>\(e(r.validity))</td><td>\(e(r.label))</td></tr>\n"
        }
        return """
            <section class=rules><h2>共享规则（谁在什么时间可以使用）</h2>
            <p class=note>“保留”是其他类别不能占用的车位数，“最多”是这一类别同时可用的车位上限。</p>
            <div class=scroll><table><thead><tr><th>类别</th><th>时间</th><th>保留</th><th>最多</th><th>有效期</th><th>说明</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></div></section>

            """
    }
}
