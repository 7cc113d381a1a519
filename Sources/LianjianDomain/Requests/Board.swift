import Foundation

/// A community's public board (公开栏): the decisions, results and declines of its residents'
/// issues, each with the requests it answers by building and what carries it out. Nothing on it
/// is personal: no resident's name, phone or words.
public struct Board: Sendable, Encodable, Equatable {
    public struct Notice: Sendable, Encodable, Equatable {
        /// `decision`, `result` or `declined`.
        public var kind: String
        public var title: String
        public var body: String
        public var category: String
        public var publishedAt: Date
        public var keepUntil: Date
        /// How many requests the issue gathers, and from which buildings.
        public var requests: Int
        public var buildings: [String]
        /// What answers it: `联建项目「错时停车」（上街区中医院）`, `共享场地「陇海安居停车场」`.
        public var answers: [String]

        public init(kind: String, title: String, body: String, category: String, publishedAt: Date, keepUntil: Date, requests: Int,
                    buildings: [String], answers: [String]) {
            self.kind = kind
            self.title = title
            self.body = body
            self.category = category
            self.publishedAt = publishedAt
            self.keepUntil = keepUntil
            self.requests = requests
            self.buildings = buildings
            self.answers = answers
        }

        enum CodingKeys: String, CodingKey {
            case kind, title, body, category, requests, buildings, answers
            case publishedAt = "published_at", keepUntil = "keep_until"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(body, forKey: .body)
            try c.encode(category, forKey: .category)
            try c.encode(publishedAt.rfc3339, forKey: .publishedAt)
            try c.encode(keepUntil.rfc3339, forKey: .keepUntil)
            try c.encode(requests, forKey: .requests)
            try c.encode(buildings, forKey: .buildings)
            try c.encode(answers, forKey: .answers)
        }
    }

    public var community: String
    public var notices: [Notice]
    public init(community: String, notices: [Notice]) {
        self.community = community
        self.notices = notices
    }

    static let kindNames = ["decision": "决议公开", "result": "结果公开", "declined": "不予采纳说明"]

    /// The board as a printable page: one notice per block, A4 portrait, to pin up beside the mailbox.
    public func html(zone: TimeZone) -> String {
        let e = Timetable.escape
        var blocks = ""
        for n in notices {
            let from = n.buildings.isEmpty ? "" : "（\(n.buildings.joined(separator: "、"))）"
            let answers = n.answers.isEmpty ? "" : "<p class=answers>落实：\(n.answers.map(e).joined(separator: "；"))</p>"
            blocks += """
                <article class=notice><p class=kind>\(Self.kindNames[n.kind] ?? n.kind) · \(LocalDate(n.publishedAt, in: zone))</p>
                <h2>\(e(n.title))</h2><p class=from>汇集居民诉求 \(n.requests) 件\(e(from))</p>
                <div class=body>\(e(n.body).replacingOccurrences(of: "\n", with: "<br>"))</div>\(answers)
                <p class=keep>公示至 \(LocalDate(n.keepUntil, in: zone))</p></article>

                """
        }
        if notices.isEmpty { blocks = "<p class=empty>暂无公示。</p>\n" }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(community)) 民情速递站 公示栏</title>
            <style>\(Self.pageStyle)</style></head>
            <body><h1>\(e(community)) 民情速递站 · 公示栏</h1>
            <p class=hint>一征三议两公开：居民诉求经征集、支部提议、两委商议、居民代表决议，决议和结果向居民公开。</p>
            \(blocks)</body></html>

            """
    }

    static let pageStyle = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#111}
        h1{font-size:22px;margin:0 0 6px;color:#b00000}.hint{color:#444;font-size:13px;margin:0 0 12px}
        .notice{border:2px solid #b00000;padding:10px 14px;margin:0 0 14px;break-inside:avoid}
        .notice h2{font-size:18px;margin:2px 0 6px}.kind{color:#b00000;font-weight:bold;margin:0;font-size:14px}
        .from,.answers,.keep{font-size:13px;margin:4px 0}.keep{color:#555}.body{font-size:14px;line-height:1.6}.empty{color:#555}
        @media (max-width:600px){body{margin:.6em}}
        @page{size:A4;margin:16mm 14mm}@media print{body{margin:0}}
        """
}
