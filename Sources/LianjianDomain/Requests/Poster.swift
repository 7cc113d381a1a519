import Foundation

/// The A4 poster for a building's mailbox: the QR code of its request form, and how else to reach
/// the community (the courier, the discussion corridor).
public enum Poster {
    public static func html(community: String, estate: String, building: String, formURL: String, qrSVG: String) -> String {
        let e = Timetable.escape
        return """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>民情速递站 \(e(estate)) \(e(building))</title>
            <style>\(pageStyle)</style></head>
            <body><h1>民情速递站</h1><p class=where>\(e(community)) · \(e(estate)) · \(e(building))</p>
            <p class=ask>楼院里有什么问题、有什么建议？<br>扫码填写，或把意见卡投进信箱。</p>
            <div class=qr>\(qrSVG)</div>
            <p class=url>\(e(formURL))</p>
            <p class=how>提交后会得到一个查询号，凭查询号可随时查看办理进度。姓名和电话可以不填；填写的只有社区工作人员能看到。</p>
            <p class=method>一征三议两公开：征集居民诉求 → 支部提议 → 两委商议 → 居民代表决议 → 决议公开 → 结果公开</p>
            </body></html>

            """
    }

    static let pageStyle = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#111;text-align:center}
        h1{font-size:44px;margin:10px 0 4px;color:#b00000;letter-spacing:.2em}.where{font-size:20px;margin:0 0 24px}
        .ask{font-size:24px;line-height:1.5;margin:0 0 20px}.qr svg{width:90mm;height:90mm}
        .url{font-family:monospace;font-size:13px;word-break:break-all;color:#333}.how{font-size:16px;margin:18px 8% 8px}
        .method{font-size:14px;color:#b00000;margin-top:24px}
        @page{size:A4;margin:18mm}@media print{body{margin:0}}
        """
}
