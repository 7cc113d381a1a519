import Foundation

/// One line of a roster as people read it: who does what, when and where.
public struct RosterLine: Sendable, Equatable {
    public var roleID: UUID
    public var volunteerID: Volunteer.ID
    public var start: Date
    public var end: Date
    public var event: String
    public var venue: String
    /// The role's skill as people read it, in Chinese (`陪护`), or its code where no name is known.
    public var skill: String
    /// The skill's English name, for English exports.
    public var skillEnglish: String
    public var volunteer: String
    public var unit: String
    /// Already masked for the reader where they may not see it.
    public var phone: String
    public var response: String?

    public init(roleID: UUID, volunteerID: Volunteer.ID, start: Date, end: Date, event: String, venue: String, skill: String,
                skillEnglish: String? = nil, volunteer: String, unit: String, phone: String, response: String?) {
        self.roleID = roleID
        self.volunteerID = volunteerID
        self.start = start
        self.end = end
        self.event = event
        self.venue = venue
        self.skill = skill
        self.skillEnglish = skillEnglish ?? skill
        self.volunteer = volunteer
        self.unit = unit
        self.phone = phone
        self.response = response
    }
}

/// Rosters for Excel and WPS, and as calendar feeds.
public enum RosterExport {
    /// CSV with a byte-order mark and CRLF; Chinese headers unless `english`.
    public static func csv(_ lines: [RosterLine], zone: TimeZone, english: Bool) -> Data {
        let header = english
            ? ["Date", "Start", "End", "Event", "Venue", "Skill", "Volunteer", "Partner unit", "Phone", "Answer"]
            : ["日期", "开始", "结束", "活动", "地点", "技能", "志愿者", "联建单位", "手机", "确认情况"]
        let answers: [String?: String] = english
            ? ["confirmed": "confirmed", "declined": "declined", nil: "awaiting"]
            : ["confirmed": "已确认", "declined": "已婉拒", nil: "待确认"]
        var rows = [header]
        for l in lines {
            rows.append(["\(LocalDate(l.start, in: zone))", "\(LocalTime(l.start, in: zone))", "\(LocalTime(l.end, in: zone))",
                         l.event, l.venue, english ? l.skillEnglish : l.skill, l.volunteer, l.unit, l.phone, answers[l.response] ?? ""])
        }
        return CSVTable.write(rows)
    }

    /// An iCalendar (RFC 5545) feed of one volunteer's assignments.
    /// Times are UTC instants; `zone` (the community's) is only the calendar's display hint.
    public static func iCalendar(_ lines: [RosterLine], calendarName: String, zone: TimeZone, now: Date = Date()) -> String {
        var out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Lianjian//Roster//ZH", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                   "X-WR-CALNAME:" + escape(calendarName), "X-WR-TIMEZONE:" + zone.identifier]
        for l in lines where l.response != "declined" {
            out += ["BEGIN:VEVENT",
                    "UID:\(l.roleID.uuidString.lowercased())-\(l.volunteerID)@lianjian",
                    "DTSTAMP:\(stamp(now))", "DTSTART:\(stamp(l.start))", "DTEND:\(stamp(l.end))",
                    "SUMMARY:" + escape("\(l.event)（\(l.skill)）"), "LOCATION:" + escape(l.venue),
                    "STATUS:" + (l.response == "confirmed" ? "CONFIRMED" : "TENTATIVE"),
                    "END:VEVENT"]
        }
        out.append("END:VCALENDAR")
        return out.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20261205T053000Z`.
    static func stamp(_ d: Date) -> String {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        let p = c.dateComponents([.year, .month, .day, .hour, .minute, .second], from: d)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }

    /// TEXT escaping of RFC 5545 §3.3.11.
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545 §3.1).
    static func fold(_ line: String) -> String {
        var parts: [String] = []
        var current = ""
        var octets = 0
        for ch in line {
            let n = String(ch).utf8.count
            if octets + n > (parts.isEmpty ? 75 : 74) {
                parts.append(current)
                current = ""
                octets = 0
            }
            current.append(ch)
            octets += n
        }
        parts.append(current)
        return parts.joined(separator: "\r\n ")
    }
}
