import Foundation

extension Timetable {
    /// The timetable as an SVG picture: one row per bay, one column per hour (a day) or per
    /// six hours (a week), each booking a bar coloured by class and labelled with its number
    /// in the printed list (and its holder where the bar is long enough), with a legend.
    public func svg() -> String {
        svg(rows: 0..<bays.count, numbers: numbers)
    }

    /// Where the page's heading names the period and its time: `2026-12-05 · 北京时间`.
    var period: String { "\(periodDays) · \(zone.localTimeWording(at: start))" }

    /// `2026-12-04（周五）`, `2026-12-04 – 2026-12-10`.
    var periodDays: String {
        days > 1 ? "\(from) – \(from.adding(days: days - 1))" : "\(from)（周\(Rule.weekdayNames[from.isoWeekday - 1])）"
    }

    /// Each block's number (by its position in `blocks`): bay by bay in the facility's order,
    /// then by start, as the printed list runs.
    var numbers: [Int: Int] {
        let row = Dictionary(bays.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let order = blocks.indices.sorted {
            (row[blocks[$0].bay] ?? Int.max, blocks[$0].start, $0) < (row[blocks[$1].bay] ?? Int.max, blocks[$1].start, $1)
        }
        return Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0 + 1) })
    }

    /// The picture of the bays at `rows` (positions in `bays`), bars labelled with `numbers`.
    func svg(rows: Range<Int>, numbers: [Int: Int]) -> String {
        let hours = days * 24
        let hourWidth = days == 1 ? 36.0 : 6.0
        let (left, top, row) = (64.0, 44.0, 16.0)
        let chartWidth = Double(hours) * hourWidth
        let width = left + chartWidth + 16
        let bottom = top + Double(rows.count) * row
        let height = bottom + 34
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(width)) \(Int(height))" preserveAspectRatio="xMinYMin meet" font-family="sans-serif" font-size="10">
            <title>\(Self.escape(facility)) \(Self.escape(period))</title>
            <rect width="100%" height="100%" fill="white"/>
            <text x="4" y="14" font-size="13" font-weight="bold">\(Self.escape(facility)) · \(Self.escape(period))\
            \(rows.count < bays.count ? " · \(Self.escape(bays[rows.lowerBound]))–\(Self.escape(bays[rows.upperBound - 1]))" : "")</text>\n
            """
        let step = days == 1 ? 1 : 6
        for h in stride(from: 0, through: hours, by: step) {
            let x = left + Double(h) * hourWidth
            out += "<line x1=\"\(x)\" y1=\"\(top - 4)\" x2=\"\(x)\" y2=\"\(bottom)\" stroke=\"\(h % 24 == 0 ? "#555" : "#ddd")\"/>\n"
            if h < hours {
                let label = days == 1 ? String(format: "%02d", h) : (h % 24 == 0 ? String("\(from.adding(days: h / 24))".suffix(5)) : String(format: "%02d", h % 24))
                out += "<text x=\"\(x + 2)\" y=\"\(top - 8)\">\(label)</text>\n"
            }
        }
        let index = Dictionary(bays.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for i in rows {
            let y = top + Double(i - rows.lowerBound) * row
            if i % 2 == 1 { out += "<rect x=\"\(left)\" y=\"\(y)\" width=\"\(chartWidth)\" height=\"\(row)\" fill=\"#f6f6f6\"/>\n" }
            out += "<text x=\"4\" y=\"\(y + row - 4)\">\(Self.escape(bays[i]))</text>\n"
        }
        let total = end.timeIntervalSince(start)
        // Numbers of bars too short to hold them, by row: written beside the bars, after the others.
        var beside: [Int: [(x: Double, numbers: [Int])]] = [:]
        for (k, b) in blocks.enumerated() {
            guard let i = index[b.bay], rows.contains(i), b.end > start, b.start < end else { continue }
            let x0 = left + max(0, b.start.timeIntervalSince(start)) / total * chartWidth
            let x1 = left + min(total, b.end.timeIntervalSince(start)) / total * chartWidth
            let y = top + Double(i - rows.lowerBound) * row + 2
            let tip = "\(b.bay) \(local(b.start))–\(local(b.end)) \(b.unit ?? Self.chineseName[b.userClass] ?? "") \(b.holder)"
            out += "<rect x=\"\(x0)\" y=\"\(y)\" width=\"\(max(1, x1 - x0 - 1))\" height=\"\(row - 4)\" rx=\"2\" fill=\"\(Self.colour[b.userClass] ?? "#999")\"><title>\(Self.escape(tip))</title></rect>\n"
            if let label = Self.label(number: numbers[k] ?? k + 1, holder: b.holder, from: x0, to: x1 - 1, baseline: y + row - 7) {
                out += label
            } else {
                beside[i - rows.lowerBound, default: []].append((x1 + 1, [numbers[k] ?? k + 1]))
            }
        }
        for r in beside.keys.sorted() {
            out += Self.besideLabels(beside[r]!, baseline: top + Double(r) * row + row - 5)
        }
        var x = left
        let legendY = bottom + 22
        for kind in UserClass.Kind.allCases {
            out += "<rect x=\"\(x)\" y=\"\(legendY - 10)\" width=\"12\" height=\"12\" fill=\"\(Self.colour[kind]!)\"/>"
            out += "<text x=\"\(x + 16)\" y=\"\(legendY)\">\(Self.chineseName[kind] ?? kind.rawValue)</text>\n"
            x += 120
        }
        out += "<text x=\"\(x)\" y=\"\(legendY)\" fill=\"#444\">条上的数字 = 下方预订明细的编号</text>\n"
        return out + "</svg>\n"
    }

    /// A bar's label inside it: its number and as much of the holder as fits, or only the
    /// number; nil for a bar too short even for that.
    static func label(number: Int, holder: String, from x0: Double, to x1: Double, baseline: Double) -> String? {
        let room = x1 - x0 - 4
        let n = "\(number)"
        var shown = holder
        if textWidth(n + " " + holder) > room {
            shown = ""
            for ch in holder {
                if textWidth(n + " " + shown + String(ch) + "…") > room { break }
                shown.append(ch)
            }
            shown = shown.count >= 2 ? shown + "…" : ""
        }
        let number = "<tspan font-weight=\"bold\">\(n)</tspan>"
        if !shown.isEmpty {
            return "<text x=\"\(x0 + 2)\" y=\"\(baseline)\" fill=\"white\">\(number) \(escape(shown))</text>\n"
        }
        if textWidth(n) <= room + 2 {
            return "<text x=\"\(x0 + 1.5)\" y=\"\(baseline)\" fill=\"white\">\(number)</text>\n"
        }
        return nil
    }

    /// The numbers of one row's short bars, each just after its bar in dark text with a white
    /// halo (readable over a neighbouring bar); numbers that would touch are joined (`1,2`) so
    /// that two bars' numbers never read as one (`12`).
    static func besideLabels(_ labels: [(x: Double, numbers: [Int])], baseline: Double) -> String {
        func width(_ numbers: [Int]) -> Double { textWidth(numbers.map(String.init).joined(separator: ",")) }
        var merged: [(x: Double, numbers: [Int])] = []
        for l in labels.sorted(by: { $0.x < $1.x }) {
            if let last = merged.last, l.x < last.x + width(last.numbers) + 4 {
                merged[merged.count - 1].numbers += l.numbers
            } else {
                merged.append(l)
            }
        }
        return merged.map { m in
            let text = m.numbers.map { "<tspan font-weight=\"bold\">\($0)</tspan>" }.joined(separator: ",")
            return "<text x=\"\(m.x)\" y=\"\(baseline)\" fill=\"#222\" stroke=\"white\" stroke-width=\"2.5\" paint-order=\"stroke\">\(text)</text>\n"
        }.joined()
    }

    /// About how wide `text` is at 10 px in a sans-serif font: Chinese characters square, the rest narrower.
    static func textWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 10 : 6) }
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
