import Foundation

extension Timetable {
    /// Most bays one picture shows: 40 rows fit an A4 landscape page under the heading at a
    /// readable size; a larger facility gets one picture per page.
    static let baysPerChart = 40

    /// A printable page (A4 landscape): the heading, the picture on the first page (one picture
    /// per 40 bays, each on a page of its own), the sharing rules, and every booking by number.
    /// On a phone the picture and tables scroll sideways instead of shrinking past reading.
    public func html() -> String {
        let e = Self.escape
        let numbers = numbers
        var list = ""
        for (k, b) in blocks.enumerated().sorted(by: { (numbers[$0.offset] ?? 0) < (numbers[$1.offset] ?? 0) }) {
            list += "<tr><td class=n>\(numbers[k] ?? k + 1)</td><td>\(e(b.bay))</td><td>\(local(b.start))</td><td>\(local(b.end))</td>"
            list += "<td>\(Self.chineseName[b.userClass] ?? "")</td><td>\(e(b.unit ?? ""))</td><td>\(e(b.holder))</td></tr>\n"
        }
        if list.isEmpty { list = "<tr><td colspan=7>这段时间没有预订。</td></tr>\n" }
        var charts = ""
        for first in stride(from: 0, to: bays.count, by: Self.baysPerChart) {
            charts += "<figure class=chart>\(svg(rows: first..<min(first + Self.baysPerChart, bays.count), numbers: numbers))</figure>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(facility)) 使用安排 · \(e(period))</title>
            <style>\(Self.pageStyle)</style></head>
            <body><header><h1>\(e(facility)) 使用安排</h1><p class=meta>\(e(periodDays))，时间均为\(e(zone.localTimeWording(at: start)))</p>
            <p class=swipe>图表较宽：左右滑动查看全天。</p></header>
            \(charts)\(rulesHTML())<section><h2>预订明细</h2>
            <div class=scroll><table><thead><tr><th>编号</th><th>车位</th><th>开始</th><th>结束</th><th>类别</th><th>联建单位</th><th>用途</th></tr></thead>
            <tbody>
            \(list)</tbody></table></div></section></body></html>

            """
    }

    // Print: A4 landscape leaves 277 × 190 mm inside 10 mm margins; the heading takes about
    // 15 mm, so a picture may be 165 mm high and is scaled (by its viewBox) to fit both ways.
    static let pageStyle = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1em;color:#111}
        h1{font-size:20px;margin:0 0 2px}h2{font-size:16px;margin:14px 0 4px}.meta,.note{margin:0 0 8px;color:#444;font-size:13px}
        figure.chart{margin:0 0 8px;overflow-x:auto}.swipe{display:none;margin:0 0 4px;color:#444;font-size:12px}
        @media screen and (max-width:700px){.swipe{display:block}body{margin:.6em}}figure.chart svg{display:block}.scroll{overflow-x:auto}
        table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px;font-size:12px;text-align:left;white-space:nowrap}
        td.n{text-align:right}
        @page{size:A4 landscape;margin:10mm}
        @media print{body{margin:0}figure.chart{overflow:visible;break-inside:avoid}
        figure.chart svg{width:100%;height:auto;max-height:165mm}figure.chart+figure.chart{break-before:page}
        .scroll{overflow:visible}h2{break-after:avoid}tr{break-inside:avoid}td,th{white-space:normal}}
        """
}
