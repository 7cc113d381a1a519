import Foundation

extension PledgeReport {
    static let shortfallNames = ["hours": "时长不足", "events": "场次不足", "positions": "岗位缺人"]

    static func hours(_ minutes: Int) -> String { ServiceCertificate.hours(minutes) }

    static func rate(_ total: Total) -> String {
        total.noShowRate.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
    }

    /// For Excel and WPS: one line per project, then the units and the categories; hours and
    /// counts are numbers a spreadsheet adds up.
    public func csv() -> Data {
        typealias C = CSVTable.Cell
        func h(_ minutes: Int) -> C { .quantity(Double(minutes) / 60) }
        func n(_ count: Int) -> C { .quantity(Double(count)) }
        var rows: [[C]] = [[.text("联建承诺履约月报"), .text(month), .text(scopeName)], [],
                           ["联建项目", "类别", "社区", "联建单位", "承诺时长（小时/月）", "实际时长（小时）", "承诺场次", "实际场次",
                            "需要岗位", "到岗", "缺席", "短缺", "下月预判"].map(C.text)]
        for l in lines {
            rows.append([.text(l.project), .text(Self.categoryNames[l.category] ?? l.category), .text(l.community), .text(l.unit),
                         h(l.pledgedMinutes), h(l.deliveredMinutes), n(l.eventsPledged), n(l.eventsHeld), n(l.positionsRequired),
                         n(l.positionsFilled), n(l.noShows), .text(l.shortfalls.map { Self.shortfallNames[$0] ?? $0 }.joined(separator: "、")),
                         .text(l.outlook.map { "\($0.month) " + ($0.fulfillable ? "可以完成" : "难以完成：\($0.reason)") } ?? "")])
        }
        func totalRow(_ name: String, _ t: Total) -> [C] {
            [.text(name), h(t.pledgedMinutes), h(t.deliveredMinutes), n(t.eventsPledged), n(t.eventsHeld), n(t.positionsRequired),
             n(t.positionsFilled), .text(Self.rate(t)), n(t.shortProjects)]
        }
        for (title, totals, withTotal) in [("联建单位", units, false), ("项目类别", categories, true)] {
            rows += [[], ([title, "承诺时长（小时）", "实际时长（小时）", "承诺场次", "实际场次", "需要岗位", "到岗", "缺席率", "短缺项目数"]).map(C.text)]
            rows += totals.map { totalRow($0.name, $0) }
            if withTotal { rows.append(totalRow("合计", total)) }
        }
        return CSVTable.write(cells: rows)
    }

    /// The report as a printable page (A4 landscape).
    public func html() -> String {
        let e = Timetable.escape
        var projectRows = ""
        for l in lines {
            let short = l.shortfalls.map { "<span class=short>\(Self.shortfallNames[$0] ?? $0)</span>" }.joined(separator: " ")
            let outlook = l.outlook.map { "\($0.month) " + ($0.fulfillable ? "可以完成" : "<span class=short>难以完成</span>：\(e($0.reason))") } ?? "—"
            projectRows += "<tr><td>\(e(l.project))<div class=sub>\(e(Self.categoryNames[l.category] ?? l.category)) · \(e(l.community))</div></td>"
                + "<td>\(e(l.unit))</td><td class=n>\(Self.hours(l.pledgedMinutes))</td><td class=n>\(Self.hours(l.deliveredMinutes))</td>"
                + "<td class=n>\(l.eventsHeld) / \(l.eventsPledged)\(l.period == "quarter" ? "<div class=sub>本季度</div>" : "")</td>"
                + "<td class=n>\(l.positionsFilled) / \(l.positionsRequired)</td><td class=n>\(l.noShows)</td><td>\(short.isEmpty ? "✓" : short)</td>"
                + "<td>\(outlook)</td></tr>\n"
        }
        if lines.isEmpty { projectRows = "<tr><td colspan=9 class=empty>这个月没有生效的联建承诺。</td></tr>\n" }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>联建承诺履约月报 \(e(month)) \(e(scopeName))</title>
            <style>\(Self.pageStyle)</style></head>
            <body><h1>联建承诺履约月报</h1><p class=when>\(e(month)) · \(e(scopeName))</p>
            <p>承诺 \(Self.hours(total.pledgedMinutes)) 小时，实际 \(Self.hours(total.deliveredMinutes)) 小时；活动 \(total.eventsHeld) 场（承诺 \(total.eventsPledged) 场）；\
            岗位到岗 \(total.positionsFilled) / \(total.positionsRequired)；缺席率 \(Self.rate(total))；\(total.shortProjects) 个项目未完成承诺。</p>
            <h2>各联建项目</h2>
            <table><thead><tr><th>联建项目</th><th>联建单位</th><th>承诺时长</th><th>实际时长</th><th>场次（实/诺）</th><th>岗位（到/需）</th><th>缺席</th><th>短缺</th><th>下月预判</th></tr></thead><tbody>
            \(projectRows)</tbody></table>
            \(totalsHTML("各联建单位", units))\(totalsHTML("各类项目", categories))</body></html>

            """
    }

    func totalsHTML(_ title: String, _ totals: [Total]) -> String {
        let e = Timetable.escape
        guard !totals.isEmpty else { return "" }
        var rows = ""
        for t in totals {
            rows += "<tr><td>\(e(t.name))</td><td class=n>\(Self.hours(t.pledgedMinutes))</td><td class=n>\(Self.hours(t.deliveredMinutes))</td>"
                + "<td class=n>\(t.eventsHeld) / \(t.eventsPledged)</td><td class=n>\(t.positionsFilled) / \(t.positionsRequired)</td>"
                + "<td class=n>\(Self.rate(t))</td><td class=n>\(t.shortProjects)</td></tr>\n"
        }
        return """
            <h2>\(title)</h2><table><thead><tr><th></th><th>承诺时长</th><th>实际时长</th><th>场次（实/诺）</th><th>岗位（到/需）</th><th>缺席率</th><th>短缺项目</th></tr></thead><tbody>
            \(rows)</tbody></table>

            """
    }

    static let pageStyle = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#111;font-size:14px}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:16px 0 4px}.when{margin:0 0 8px;color:#333}
        table{border-collapse:collapse;width:100%;margin:.3em 0 1em}td,th{border:1px solid #888;padding:4px 6px;font-size:13px;text-align:left}
        td.n{text-align:right;white-space:nowrap}.sub{color:#555;font-size:12px}.short{color:#b00000;font-weight:bold}.empty{color:#555}
        @media (max-width:600px){body{margin:.6em}td,th{font-size:11px;padding:3px}}
        @page{size:A4 landscape;margin:14mm 12mm}@media print{body{margin:0}tr{break-inside:avoid}h2{break-after:avoid}}
        """
}
