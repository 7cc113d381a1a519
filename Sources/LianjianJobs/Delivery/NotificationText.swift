import Foundation
import LianjianDomain
import LianjianStore

/// A message as an SMS gateway takes it: a template code and its parameters, in the
/// volunteer's language (Chinese by default).
public struct NotificationText: Sendable, Equatable, Encodable {
    /// `LJ_ROSTER_CHANGES` (changes, maybe with reminders), `LJ_REMINDER` (reminders only) or
    /// `LJ_SIGN_IN_CODE` (a console sign-in code).
    public var template: String
    public var parameters: [String: String]
    /// The whole text, for gateways that take one.
    public var text: String

    public init(_ message: NotificationRepository.Message) {
        let english = message.language == "en"
        let onlyReminders = message.items.allSatisfy { $0.kind == "reminder" }
        template = onlyReminders ? "LJ_REMINDER" : "LJ_ROSTER_CHANGES"
        let lines = message.items.map { Self.line($0, zone: message.zone, english: english) }
        let changes = lines.joined(separator: english ? "; " : "；")
        parameters = ["name": message.name, "count": "\(message.items.count)", "changes": changes]
        text = english
            ? "Lianjian: \(message.name), your volunteer work has changed. \(changes)."
            : "【联建】\(message.name)您好，您的志愿服务安排有变化：\(changes)。"
        if message.kind == "sign_in_code", let code = message.code {
            template = "LJ_SIGN_IN_CODE"
            parameters = ["code": code, "minutes": "10"]
            text = english ? "Lianjian: your sign-in code is \(code), valid for 10 minutes. Do not share it."
                : "【联建】您的登录验证码是 \(code)，10 分钟内有效，请勿告诉他人。"
            return
        }
        if onlyReminders {
            text = english ? "Lianjian: \(message.name), a reminder of tomorrow: \(changes)." : "【联建】\(message.name)您好，明天的服务提醒：\(changes)。"
        }
    }

    static let chineseKind = ["added": "新增", "removed": "取消", "moved": "调整为", "reminder": "明天"]
    static let englishKind = ["added": "added", "removed": "cancelled", "moved": "moved to", "reminder": "tomorrow"]

    /// `新增：12月5日 13:30–17:00 我陪老人看电影（上街区影剧院）`.
    static func line(_ item: NotificationRepository.Item, zone: TimeZone, english: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let s = calendar.dateComponents([.month, .day, .hour, .minute], from: item.start)
        let e = calendar.dateComponents([.hour, .minute], from: item.end)
        let hm = { (c: DateComponents) in String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0) }
        let when = english ? "\(s.month ?? 0)/\(s.day ?? 0) \(hm(s))–\(hm(e))" : "\(s.month ?? 0)月\(s.day ?? 0)日 \(hm(s))–\(hm(e))"
        let place = item.venue.isEmpty ? "" : (english ? " (\(item.venue))" : "（\(item.venue)）")
        let kind = (english ? englishKind : chineseKind)[item.kind] ?? item.kind
        let from = item.fromTitle.map { english ? " from \($0)" : "（原：\($0)）" } ?? ""
        return english ? "\(kind): \(when) \(item.title)\(place)\(from)" : "\(kind)：\(when) \(item.title)\(place)\(from)"
    }
}
