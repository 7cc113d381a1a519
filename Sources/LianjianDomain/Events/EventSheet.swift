import Foundation

/// The printable roster and sign-in sheet of one event: who staffs it, who accompanies whom,
/// and a line per resident to sign. Phone numbers are printed with only their last four digits.
public struct EventSheet: Sendable {
    public struct Staff: Sendable {
        public var skill: String
        public var name: String
        public var unit: String
        public var phone: String
        public init(skill: String, name: String, unit: String, phone: String) {
            self.skill = skill
            self.name = name
            self.unit = unit
            self.phone = phone
        }
    }

    public struct Person: Sendable {
        public var id: String
        public var name: String
        public var building: String
        public var needs: [String]
        public var phone: String
        public init(id: String, name: String, building: String, needs: [String], phone: String) {
            self.id = id
            self.name = name
            self.building = building
            self.needs = needs
            self.phone = phone
        }
    }

    public var title: String
    public var venue: String
    public var start: Date
    public var end: Date
    public var zone: TimeZone
    public var staff: [Staff]
    public var participants: [Person]
    /// Companion's volunteer name → residents' ids.
    public var groups: [(companion: String, residents: [String])]

    public init(title: String, venue: String, start: Date, end: Date, zone: TimeZone, staff: [Staff], participants: [Person],
                groups: [(companion: String, residents: [String])]) {
        self.title = title
        self.venue = venue
        self.start = start
        self.end = end
        self.zone = zone
        self.staff = staff
        self.participants = participants
        self.groups = groups
    }

    static let needNames = ["mobility_aid": "助行器", "wheelchair": "轮椅", "hearing": "听力", "vision": "视力",
                            "living_alone": "独居", "dementia": "认知障碍"]

    public func html() -> String {
        let e = Timetable.escape
        let when = "\(LocalDate(start, in: zone)) \(LocalTime(start, in: zone))–\(LocalTime(end, in: zone))"
        let byID = Dictionary(uniqueKeysWithValues: participants.map { ($0.id, $0) })
        var staffRows = ""
        for s in staff {
            staffRows += "<tr><td>\(e(s.skill))</td><td>\(e(s.name))</td><td>\(e(s.unit))</td><td>\(e(Mask.phone(s.phone)))</td><td class=sign></td></tr>\n"
        }
        var groupRows = ""
        for g in groups where !g.residents.isEmpty {
            let names = g.residents.compactMap { byID[$0] }.map { "\(e($0.name))（\(e($0.building))）" }.joined(separator: "、")
            groupRows += "<tr><td>\(e(g.companion))</td><td>\(names)</td></tr>\n"
        }
        var signRows = ""
        for (i, p) in participants.enumerated() {
            let needs = p.needs.map { Self.needNames[$0] ?? $0 }.joined(separator: "、")
            signRows += "<tr><td>\(i + 1)</td><td>\(e(p.name))</td><td>\(e(p.building))</td><td>\(e(needs))</td><td>\(e(Mask.phone(p.phone)))</td><td class=sign></td></tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(e(title)) \(when)</title>
            <style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}
            td,th{border:1px solid #888;padding:4px 6px;font-size:13px;text-align:left}.sign{width:8em}
            @media print{@page{size:A4}h2{page-break-after:avoid}}</style></head>
            <body><h1>\(e(title))</h1><p>\(when) · \(e(venue))</p>
            <h2>志愿者</h2><table><thead><tr><th>岗位</th><th>姓名</th><th>联建单位</th><th>手机</th><th>签到</th></tr></thead><tbody>
            \(staffRows)</tbody></table>
            <h2>陪同分组</h2><table><thead><tr><th>陪同志愿者</th><th>居民</th></tr></thead><tbody>
            \(groupRows)</tbody></table>
            <h2>居民签到</h2><table><thead><tr><th>#</th><th>姓名</th><th>楼栋</th><th>需要</th><th>手机</th><th>签名</th></tr></thead><tbody>
            \(signRows)</tbody></table></body></html>

            """
    }
}
