import Foundation

extension EventSheet {
    /// The sheet as a printable page (A4 portrait): the event, who organises it and whom to
    /// call, the volunteers, the companion groups (only when there are any) and the residents'
    /// sign-in list; page numbers (`第 1 页，共 2 页`) and the event at the foot of every page,
    /// and a `草稿 / DRAFT` banner on every page when the people shown are not yet published.
    public func html() -> String {
        let e = Timetable.escape
        let when = "\(LocalDate(start, in: zone))（周\(Timetable.Rule.weekdayNames[LocalDate(start, in: zone).isoWeekday - 1])）"
            + " \(LocalTime(start, in: zone))–\(LocalTime(end, in: zone))"
        let draft = roster == .draft
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(draft ? "【草稿】" : "")\(e(title)) \(e(when))</title>
            <style>\(Self.pageStyle)
            @page{@bottom-left{content:\(Self.cssString("\(title) · \(LocalDate(start, in: zone))"))}}
            \(draft ? "@page{@top-center{content:\"草稿 / DRAFT — 名单尚未发布 not yet published\"}}" : "")</style></head>
            <body>\(draft ? "<p class=draft>草稿 / DRAFT — 名单尚未发布，可能变动（not yet published）</p>\n" : "")\
            <h1>\(e(title))</h1><p class=when>\(e(when))，\(e(zone.localTimeWording(at: start))) · \(e(venue))</p>
            \(contactHTML())
            \(checkInHTML())\(staffHTML())\(groupsHTML())\(signInHTML())</body></html>

            """
    }

    /// Who organises the event and whom to call: the community and the project, the partner
    /// unit's liaison, and a line to write the on-site contact in (the community has no
    /// contact of its own in the registry).
    func contactHTML() -> String {
        let e = Timetable.escape
        var rows = "<tr><th>主办</th><td>\(e(community))\(project.isEmpty ? "" : " · \(e(project))")</td></tr>\n"
        if let unit {
            rows += "<tr><th>联建单位</th><td>\(e(unit.name)) · 联络人 \(e(unit.liaisonName)) \(e(unit.liaisonPhone))</td></tr>\n"
        }
        rows += "<tr><th>现场联系人</th><td class=fill>姓名<span class=blank></span>电话<span class=blank></span></td></tr>\n"
        return "<table class=contact><tbody>\n\(rows)</tbody></table>"
    }

    /// The volunteers' check-in: the QR code to scan and the code to type, or nothing.
    func checkInHTML() -> String {
        guard let checkIn else { return "" }
        return """
            <div class=checkin>\(checkIn.qrSVG)<div><b>志愿者自助签到</b><p>用手机扫描二维码，或登录后在「我的安排」输入签到码：</p>\
            <p class=code>\(Timetable.escape(checkIn.code))</p><p class=hint>签到码在活动结束 2 小时后失效；签退时再扫一次。</p></div></div>

            """
    }

    /// `陪护 已排 4 人，需要 15 人（缺 11 人）` for each role.
    func staffingHTML() -> String {
        let e = Timetable.escape
        let lines = roles.map { role in
            let have = staff.filter { $0.skill == role.skill }.count
            let short = role.required > have ? "<span class=short>（缺 \(role.required - have) 人）</span>" : ""
            return "\(e(role.skill)) 已排 \(have) 人，需要 \(role.required) 人\(short)"
        }
        return lines.isEmpty ? "" : "<p class=staffing>\(lines.joined(separator: "；"))</p>"
    }

    func staffHTML() -> String {
        let e = Timetable.escape
        guard !staff.isEmpty else {
            return "<h2>志愿者</h2>\(staffingHTML())<p class=empty>尚未排班：还没有覆盖这次活动的名单（已发布或草稿）。</p>\n"
        }
        let mixed = roster == .draft && staff.contains { !$0.draft }
        var rows = ""
        for s in staff {
            let tag = mixed && s.draft ? "<span class=tag>草稿</span>" : ""
            rows += "<tr><td>\(e(s.skill))\(tag)</td><td>\(e(s.name))</td><td>\(e(s.unit))</td><td>\(e(Mask.phone(s.phone)))</td><td class=sign></td></tr>\n"
        }
        return """
            <h2>志愿者</h2>\(staffingHTML())<table><thead><tr><th>岗位</th><th>姓名</th><th>联建单位</th><th>手机</th><th>签到</th></tr></thead><tbody>
            \(rows)</tbody></table>

            """
    }

    /// The companion groups, or nothing for an event without them.
    func groupsHTML() -> String {
        let e = Timetable.escape
        let byID = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var rows = ""
        for g in groups where !g.residents.isEmpty {
            let names = g.residents.compactMap { byID[$0] }.map { "\(e($0.name))（\(e($0.building))）" }.joined(separator: "、")
            rows += "<tr><td>\(e(g.companion))</td><td>\(names)</td></tr>\n"
        }
        guard !rows.isEmpty else { return "" }
        return """
            <h2>陪同分组</h2><table><thead><tr><th>陪同志愿者</th><th>居民</th></tr></thead><tbody>
            \(rows)</tbody></table>

            """
    }

    func signInHTML() -> String {
        let e = Timetable.escape
        guard !participants.isEmpty else { return "<h2>居民签到</h2><p class=empty>暂无报名的居民。</p>\n" }
        var rows = ""
        for (i, p) in participants.enumerated() {
            let needs = p.needs.map { Self.needNames[$0] ?? $0 }.joined(separator: "、")
            rows += "<tr><td class=n>\(i + 1)</td><td>\(e(p.name))</td><td>\(e(p.building))</td><td>\(e(needs))</td><td>\(e(Mask.phone(p.phone)))</td><td class=sign></td></tr>\n"
        }
        return """
            <h2>居民签到（共 \(participants.count) 人）</h2><table><thead><tr><th>#</th><th>姓名</th><th>楼栋</th><th>需要</th><th>手机</th><th>签名</th></tr></thead><tbody>
            \(rows)</tbody></table>

            """
    }

    /// `text` as a CSS string, safe inside a `<style>` element.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    // Page numbers and the running foot are CSS page-margin boxes, which Chromium prints since
    // version 131 (checked by PrintTests with the installed one) and browsers without them skip.
    static let pageStyle = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#111}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:16px 0 4px}.when{margin:0 0 8px;font-size:15px}
        table{border-collapse:collapse;width:100%;margin:.3em 0 1em}
        td,th{border:1px solid #888;padding:4px 6px;font-size:13px;text-align:left}td.n{text-align:right;width:2em}.sign{width:7em}
        table.contact th{width:6em;background:#f3f3f3;font-weight:normal}
        .fill .blank{display:inline-block;width:9em;border-bottom:1px solid #333;margin:0 1.5em 0 .4em;height:1em}
        .draft{border:2px solid #b00000;color:#b00000;font-weight:bold;padding:6px 10px;margin:0 0 10px;font-size:16px}
        .tag{border:1px solid #b00000;color:#b00000;font-size:11px;padding:0 3px;margin-left:4px}.empty{color:#555}
        .checkin{display:flex;gap:14px;align-items:center;border:1px solid #888;padding:6px 10px;margin:0 0 10px;break-inside:avoid}
        .checkin p{margin:2px 0;font-size:13px}.checkin .code{font:bold 26px/1.2 monospace;letter-spacing:.25em}.checkin .hint{color:#555;font-size:12px}
        .staffing{margin:0 0 4px;font-size:13px}.short{color:#b00000;font-weight:bold}
        @media (max-width:600px){body{margin:.6em}td,th{font-size:12px;padding:3px 4px}.sign{width:4em}}
        @page{size:A4;margin:16mm 14mm 18mm;
        @bottom-center{content:"第 " counter(page) " 页，共 " counter(pages) " 页";font-size:9pt;color:#333}
        @bottom-left{font-size:9pt;color:#555}@top-center{font-size:11pt;font-weight:bold;color:#b00000}}
        @media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}
        """
}
