import Foundation

extension ServiceCertificate {
    /// The certificate as a printable A4 page: title and number, the volunteer, a table of the
    /// services with their total, the recording organisation with its person in charge and
    /// contact, the issue date and a seal line, and where to verify it (`verifyURL`, with its
    /// QR code `qrSVG` when one is given).
    public func html(verifyURL: String, qrSVG: String? = nil) -> String {
        let e = Timetable.escape
        var rows = ""
        for (i, s) in services.enumerated() {
            rows += "<tr><td class=n>\(i + 1)</td><td>\(s.date)</td><td>\(e(s.content))<div class=sub>\(e(s.project))</div></td>"
                + "<td>\(e(s.place))</td><td class=h>\(Self.hours(s.minutes))</td></tr>\n"
        }
        if services.isEmpty { rows = "<tr><td colspan=5 class=empty>这一期间没有记录的志愿服务。</td></tr>\n" }
        let qr = qrSVG.map { "<div class=qr>\($0)</div>" } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>志愿服务记录证明 \(e(number))</title>
            <style>\(Self.pageStyle)</style></head>
            <body><h1>志愿服务记录证明</h1><p class=no>\(number.isEmpty ? "这一期间没有服务记录，不出具证明编号" : "证明编号：\(e(number))")</p>
            <table class=facts><tbody>
            <tr><th>志愿者姓名</th><td>\(e(volunteerName))</td><th>志愿者编号</th><td>\(e(volunteerNumber.isEmpty ? "—" : volunteerNumber))</td></tr>
            <tr><th>证件类型</th><td>\(e(idType?.chinese ?? "未登记"))</td><th>证件号码</th><td>\(e(idNumber))</td></tr>
            <tr><th>记录期间</th><td colspan=3>\(from) 至 \(to)</td></tr>
            </tbody></table>
            <p>兹证明上述志愿者在记录期间参加志愿服务 \(services.count) 次，累计服务时长 <b>\(Self.hours(totalMinutes)) 小时</b>（按实际服务时间记录，不含往返路程）。明细如下：</p>
            <table class=services><thead><tr><th>#</th><th>日期</th><th>服务内容</th><th>服务地点</th><th>时长（小时）</th></tr></thead><tbody>
            \(rows)<tr class=total><td colspan=4>合计</td><td class=h>\(Self.hours(totalMinutes))</td></tr>
            </tbody></table>
            <table class=facts><tbody>
            <tr><th>记录单位</th><td>\(e(organisation.name))</td><th>负责人</th><td>\(e(organisation.personInCharge.isEmpty ? "—" : organisation.personInCharge))</td></tr>
            <tr><th>联系方式</th><td>\(e(organisation.contact.isEmpty ? "—" : organisation.contact))</td><th>出具日期</th><td>\(issuedOn)</td></tr>
            </tbody></table>
            <div class=foot>\(qr)<div class=verify><p>本证明依据《志愿服务记录与证明出具办法（试行）》出具，由记录单位如实记录，谁记录谁证明。</p>
            \(number.isEmpty ? "" : "<p>核验：凭证明编号访问 <span class=url>\(e(verifyURL))</span>，可查看本证明是否存在及其合计时长。</p>")
            <p class=seal>记录单位（盖章）<span class=blank></span></p></div></div>
            </body></html>

            """
    }

    static let pageStyle = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#111;font-size:14px}
        h1{font-size:24px;text-align:center;letter-spacing:.3em;margin:0 0 4px}.no{text-align:center;margin:0 0 14px;color:#333}
        table{border-collapse:collapse;width:100%;margin:.4em 0 1em}td,th{border:1px solid #888;padding:5px 7px;text-align:left;font-size:13px}
        table.facts th{width:6.5em;background:#f3f3f3;font-weight:normal}td.n{width:2em;text-align:right}td.h{text-align:right;width:6em}
        .sub{color:#555;font-size:12px}.total td{font-weight:bold}.empty{color:#555;text-align:center}
        .foot{display:flex;gap:16px;align-items:flex-start;margin-top:10px}.qr svg{display:block}.verify p{margin:0 0 6px}
        .url{font-family:monospace;word-break:break-all}.seal{margin-top:28px}.seal .blank{display:inline-block;width:12em;border-bottom:1px solid #333}
        @media (max-width:600px){body{margin:.6em}td,th{font-size:12px;padding:3px 4px}.foot{flex-direction:column}}
        @page{size:A4;margin:18mm 16mm}@media print{body{margin:0}tr{break-inside:avoid}}
        """
}
