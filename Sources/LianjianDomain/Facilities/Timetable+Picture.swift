import Foundation

extension Timetable {
    /// The timetable as an SVG picture: one row per bay, one column per hour (a day) or per
    /// two hours (a week), each booking a bar coloured by class, with a legend.
    public func svg() -> String {
        let hours = days * 24
        let hourWidth = days == 1 ? 36.0 : 6.0
        let (left, top, row) = (64.0, 44.0, 16.0)
        let width = left + Double(hours) * hourWidth + 16
        let height = top + Double(bays.count) * row + 44
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="10">
            <title>\(Self.escape(facility)) \(from)\(days > 1 ? " +\(days - 1)d" : "")</title>
            <rect width="100%" height="100%" fill="white"/>
            <text x="4" y="14" font-size="13" font-weight="bold">\(Self.escape(facility)) · \(from)\(days > 1 ? " – \(from.adding(days: days - 1))" : "") · \(Self.escape(timeZone))</text>\n
            """
        let step = days == 1 ? 1 : 6
        for h in stride(from: 0, through: hours, by: step) {
            let x = left + Double(h) * hourWidth
            let strong = h % 24 == 0
            out += "<line x1=\"\(x)\" y1=\"\(top - 4)\" x2=\"\(x)\" y2=\"\(top + Double(bays.count) * row)\" stroke=\"\(strong ? "#555" : "#ddd")\"/>\n"
            if h < hours {
                let label = days == 1 ? String(format: "%02d", h) : (h % 24 == 0 ? String("\(from.adding(days: h / 24))".suffix(5)) : String(format: "%02d", h % 24))
                out += "<text x=\"\(x + 2)\" y=\"\(top - 8)\">\(label)</text>\n"
            }
        }
        let index = Dictionary(uniqueKeysWithValues: bays.enumerated().map { ($1, $0) })
        for (i, bay) in bays.enumerated() {
            let y = top + Double(i) * row
            if i % 2 == 1 { out += "<rect x=\"\(left)\" y=\"\(y)\" width=\"\(Double(hours) * hourWidth)\" height=\"\(row)\" fill=\"#f6f6f6\"/>\n" }
            out += "<text x=\"4\" y=\"\(y + row - 4)\">\(Self.escape(bay))</text>\n"
        }
        let total = end.timeIntervalSince(start)
        for b in blocks {
            guard let i = index[b.bay], b.end > start, b.start < end else { continue }
            let x0 = left + max(0, b.start.timeIntervalSince(start)) / total * Double(hours) * hourWidth
            let x1 = left + min(total, b.end.timeIntervalSince(start)) / total * Double(hours) * hourWidth
            let y = top + Double(i) * row + 2
            let tip = "\(b.bay) \(local(b.start))–\(local(b.end)) \(b.unit ?? b.userClass.rawValue) \(b.holder)"
            out += "<rect x=\"\(x0)\" y=\"\(y)\" width=\"\(max(1, x1 - x0 - 1))\" height=\"\(row - 4)\" rx=\"2\" fill=\"\(Self.colour[b.userClass] ?? "#999")\"><title>\(Self.escape(tip))</title></rect>\n"
            if x1 - x0 > 60 && days == 1 {
                out += "<text x=\"\(x0 + 3)\" y=\"\(y + row - 7)\" fill=\"white\">\(Self.escape(String(b.holder.prefix(Int((x1 - x0) / 9)))))</text>\n"
            }
        }
        var x = left
        let legendY = top + Double(bays.count) * row + 22
        for kind in UserClass.Kind.allCases {
            out += "<rect x=\"\(x)\" y=\"\(legendY - 10)\" width=\"12\" height=\"12\" fill=\"\(Self.colour[kind]!)\"/>"
            out += "<text x=\"\(x + 16)\" y=\"\(legendY)\">\(Self.chineseName[kind]!) \(kind.rawValue)</text>\n"
            x += 120
        }
        return out + "</svg>\n"
    }

    /// A printable page: the picture and, below it, every booking as a table.
    public func html() -> String {
        var rows = ""
        for b in blocks.sorted(by: { ($0.bay, $0.start) < ($1.bay, $1.start) }) {
            rows += "<tr><td>\(Self.escape(b.bay))</td><td>\(local(b.start))</td><td>\(local(b.end))</td>"
            rows += "<td>\(Self.chineseName[b.userClass] ?? "")</td><td>\(Self.escape(b.unit ?? ""))</td><td>\(Self.escape(b.holder))</td></tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>\(Self.escape(facility)) \(from)</title>
            <style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;margin-top:1em}
            td,th{border:1px solid #999;padding:2px 6px;font-size:12px}@media print{@page{size:A4 landscape}}</style></head>
            <body><h1>\(Self.escape(facility)) 使用安排 · \(from)\(days > 1 ? " – \(from.adding(days: days - 1))" : "")</h1>
            \(svg())
            <table><thead><tr><th>车位</th><th>开始</th><th>结束</th><th>类别</th><th>联建单位</th><th>用途</th></tr></thead>
            <tbody>
            \(rows)</tbody></table></body></html>

            """
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
