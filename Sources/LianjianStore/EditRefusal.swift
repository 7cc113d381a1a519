import Foundation

/// What a refused hand edit tells the organiser, in Chinese: every user-facing string of roster
/// editing lives here, so that it can be translated in one place.
enum EditRefusal {
    // MARK: - The edit does not fit the roster

    static let notOnRole = "这名志愿者不在这个岗位上"
    static let alreadyOnRole = "这名志愿者已经在这个岗位上"
    static let alreadyPinned = "这项安排已经固定"
    static let notPinned = "这项安排没有被手工固定"
    static let needsOther = "请在 with.volunteer_id 中指明接替的志愿者"
    static let needsOtherPair = "请在 with 中指明对调的另一项安排（role_id 和 volunteer_id）"
    static let swapSame = "对调需要两个不同的岗位和两名不同的志愿者"
    static let unknownOp = "必须是 assign、remove、swap、replace、pin 或 unpin 之一"
    static let roleNotInRoster = "这个岗位不在本排班中"
    static let superseded = "已被取代的排班不能再编辑"
    static func roleTakenOver(by version: UUID) -> String {
        "这个岗位现在以另一版已发布的排班（\(version.uuidString.lowercased())）为准，请编辑那一版"
    }

    // MARK: - The edit breaks a hard rule

    static let someone = "这名志愿者"
    static let someEvent = "这项活动"
    static let outOfScope = "该志愿者不存在，或不属于本社区及与本社区共建的单位"

    static func inactive(_ name: String) -> String { "\(name)已停用，不能排班" }
    static func roleClosed(_ title: String) -> String { "「\(title)」已取消或已不需要人，不能再排班" }
    static func lacksSkill(_ name: String, _ skill: String, _ title: String) -> String {
        "\(name)没有「\(skill)」技能，不能担任「\(title)」的这个岗位"
    }
    static func skillExpired(_ name: String, _ skill: String, _ until: String) -> String {
        "\(name)的「\(skill)」资质有效期到 \(until)，不能担任本排班期间的这个岗位"
    }
    static func unavailable(_ name: String, _ title: String, _ when: String) -> String {
        "\(name)在 \(when)（「\(title)」）不在可服务时间内"
    }
    static func declined(_ name: String, _ title: String) -> String { "\(name)已拒绝「\(title)」" }
    static func busyElsewhere(_ name: String, _ other: String, _ when: String) -> String {
        "\(name)在 \(when) 已有「\(other)」的安排（已发布），时间冲突"
    }
    static func overlap(_ name: String, _ a: String, _ b: String) -> String { "\(name)的「\(a)」和「\(b)」时间重叠" }
    static func travel(_ name: String, _ a: String, _ b: String, _ minutes: Int) -> String {
        "\(name)的「\(a)」和「\(b)」在不同社区，中间不足 \(minutes) 分钟的路程时间"
    }
    static func load(_ name: String, _ minutes: Int, _ cap: Int) -> String {
        "\(name)在本排班期间将服务 \(minutes) 分钟，超过可服务上限 \(cap) 分钟"
    }
    static func capacity(_ title: String, _ skill: String, _ required: Int) -> String {
        "「\(title)」的「\(skill)」岗位只需要 \(required) 人，已经满了"
    }
    static func units(_ name: String, _ title: String) -> String { "「\(title)」只由共建单位的志愿者担任，\(name)不属于这些单位" }
    static func pinned(_ name: String, _ title: String, confirmed: Bool) -> String {
        confirmed
            ? "\(name)已确认「\(title)」，不能移除；如其不能来，先为其登记拒绝"
            : "\(name)在「\(title)」的安排已固定，不能移除；先取消固定"
    }

    /// `12月5日 13:30–17:00` in the roster's time zone.
    static func when(_ start: Date, _ end: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let s = calendar.dateComponents([.month, .day, .hour, .minute], from: start)
        let e = calendar.dateComponents([.hour, .minute], from: end)
        let hm = { (c: DateComponents) in String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0) }
        return "\(s.month ?? 0)月\(s.day ?? 0)日 \(hm(s))–\(hm(e))"
    }
}
