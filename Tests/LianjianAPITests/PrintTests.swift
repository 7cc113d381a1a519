import Foundation
import Hummingbird
import Testing

/// Issue 15: what organisers print. The sheet and the timetable as HTML, and printed by a real
/// browser (headless Chromium to PDF, read back with poppler's pdftotext and pdftoppm).
/// `LIANJIAN_PRINT_DIR=/some/dir` keeps the HTML, PDFs and page images there to look at.
@Suite("Printing: the event sheet and the facility timetable")
struct PrintTests {
    static let browser = ExternalProgram("chromium", "chromium-browser")
    static let tools = browser != nil && ExternalProgram.available("pdftotext", "pdftoppm")
    static let missing = "Chromium or poppler-utils is not installed (Debian: apt-get install chromium poppler-utils; scripts/test-tools does it)"

    // MARK: - The HTML

    @Test func theSheetSaysWhenItIsADraftAndLeavesOutWhatIsEmpty() async throws {
        try await withAPI { api in
            let f = try await Self.sheetFixture(api, residents: 4)
            let none = try await api.get("/v1/events/\(f.clinic)/sheet")
            #expect(none.text.contains("尚未排班") && !none.text.contains("草稿 / DRAFT"), "\(none.text)")
            let g = try await api.generate(["community_id": f.community, "from": "2026-12-01", "to": "2026-12-31", "time_limit_seconds": 0.5])
            let roster = try #require((g.json["version"] as? [String: Any])?["id"] as? String, "\(g.text)")
            let draft = try await api.get("/v1/events/\(f.outing)/sheet").text
            #expect(draft.contains("<p class=draft>草稿 / DRAFT") && draft.contains("@top-center{content:\"草稿 / DRAFT"))
            #expect(draft.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
            // Whom to call: the project's unit and its liaison; a line for the on-site contact.
            #expect(draft.contains("香园街社区 · 法律服务零距离") && draft.contains("上街区司法局 · 联络人"))
            #expect(draft.contains("现场联系人"))
            // The community's organiser may call the liaison; another community's may not.
            let organiser = api.as(try await api.token(.organiser, community: f.community))
            #expect(try await organiser.get("/v1/events/\(f.outing)/sheet").text.contains("上街区司法局 · 联络人 李 13700000000"))
            let elsewhere = try await api.community("zhuzhai", name: "朱寨社区")
            let stranger = api.as(try await api.token(.organiser, community: elsewhere))
            #expect(try await stranger.get("/v1/events/\(f.outing)/sheet").status == .notFound)
            #expect(draft.contains("<td>陪护</td>") && !draft.contains("<td>companion</td>"))
            // How many each role needs: one companion per three residents.
            #expect(draft.contains("陪护 已排 2 人，需要 2 人"), "\(draft)")
            #expect(draft.contains("北京时间") && !draft.contains("Asia/Shanghai"))
            let published = try await api.post("/v1/rosters/\(roster)/publish", [:])
            #expect(published.status == .ok, "\(published.text)")
            let sheet = try await api.get("/v1/events/\(f.outing)/sheet").text
            #expect(!sheet.contains("草稿"), "\(sheet)")
            // The outing has companions but no groups yet, the clinic has none: no empty table either way.
            #expect(!sheet.contains("陪同分组"))
            #expect(!(try await api.get("/v1/events/\(f.clinic)/sheet").text.contains("陪同分组")))
            #expect(try await api.post("/v1/events/\(f.outing)/groups", [:]).status == .ok)
            #expect(try await api.get("/v1/events/\(f.outing)/sheet").text.contains("<h2>陪同分组</h2>"))
        }
    }

    @Test func theTimetableNamesItsTimeAndPrintsItsRules() async throws {
        try await withAPI { api in
            let park = try await Self.timetableFixture(api)
            let html = try await api.get("/v1/facilities/\(park.facility)/timetable?date=2026-12-04&format=html").text
            #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
            #expect(html.contains("北京时间") && !html.contains("Asia/Shanghai"))
            for rule in ["每天 18:00–次日 08:00", "周一至周五 08:00–17:30", "联建单位：上街区中医院", "2026-11-01 起"] {
                #expect(html.contains(rule), "\(rule)")
            }
            // Friday's page leaves out the Saturday screening's window; the week's has it.
            #expect(!html.contains("周六 08:00–13:00"))
            let week = try await api.get("/v1/facilities/\(park.facility)/timetable?date=2026-12-04&days=7&format=html").text
            #expect(week.contains("周六 08:00–13:00") && week.contains("2026-12-04 – 2026-12-10"))
            // Every bar has a label: four bookings, four numbered bars and four numbered lines.
            #expect(html.components(separatedBy: "<td class=n>").count - 1 == 4 + 3 * 2, "numbers and the rules' two counts")
            let svg = try await api.get("/v1/facilities/\(park.facility)/timetable?date=2026-12-04&format=svg").text
            for n in 1...4 { #expect(svg.contains("<tspan font-weight=\"bold\">\(n)</tspan>"), "bar \(n) has no label") }
        }
    }

    // MARK: - Printed by Chromium

    @Test(.enabled(if: tools, "\(missing)"))
    func theTimetablesChartIsOnPageOne() async throws {
        try await withAPI { api in
            let park = try await Self.timetableFixture(api)
            let html = try await api.get("/v1/facilities/\(park.facility)/timetable?date=2026-12-04&format=html").text
            let pages = try await Self.print(html, name: "timetable")
            let first = try #require(pages.first)
            #expect(first.contains("陇海安居停车场 使用安排") && first.contains("北京时间"), "\(first)")
            // The whole chart: its first and last bay, every bar's number and a holder inside its bar.
            let words = Set(first.split(whereSeparator: \.isWhitespace).map(String.init))
            #expect(words.isSuperset(of: ["P01", "P40", "1", "2", "3", "4"]), "\(first)")
            #expect(first.contains("复诊"), "\(first)")
            let all = pages.joined(separator: "\n")
            #expect(all.contains("共享规则") && all.contains("周一至周五 08:00–17:30"))
            // A week fits the same way, days across.
            let week = try await api.get("/v1/facilities/\(park.facility)/timetable?date=2026-12-04&days=7&format=html").text
            let weekFirst = try #require(try await Self.print(week, name: "timetable-week").first)
            let weekWords = Set(weekFirst.split(whereSeparator: \.isWhitespace).map(String.init))
            #expect(weekWords.isSuperset(of: ["P01", "P40", "12-04", "12-10"]), "\(weekFirst)")
        }
    }

    @Test(.enabled(if: tools, "\(missing)"))
    func theSheetHasPageNumbersAndADraftMarkerOnEveryPage() async throws {
        try await withAPI { api in
            let f = try await Self.sheetFixture(api, residents: 45)
            let g = try await api.generate(["community_id": f.community, "from": "2026-12-01", "to": "2026-12-31", "time_limit_seconds": 0.5])
            let roster = try #require((g.json["version"] as? [String: Any])?["id"] as? String, "\(g.text)")
            let html = try await api.get("/v1/events/\(f.outing)/sheet").text
            #expect(html.contains("陪护 已排 4 人，需要 15 人<span class=short>（缺 11 人）</span>"), "\(html)")
            let draft = try await Self.print(html, name: "sheet-draft")
            #expect(draft.count >= 2, "45 residents should take two pages: \(draft)")
            for (i, page) in draft.enumerated() {
                let text = page.filter { !$0.isWhitespace }
                #expect(text.contains("第\(i + 1)页，共\(draft.count)页"), "page \(i + 1): \(page)")
                #expect(text.contains("草稿/DRAFT"), "page \(i + 1) has no draft marker: \(page)")
            }
            _ = try await api.post("/v1/rosters/\(roster)/publish", [:])
            let published = try await Self.print(try await api.get("/v1/events/\(f.outing)/sheet").text, name: "sheet")
            for (i, page) in published.enumerated() {
                let text = page.filter { !$0.isWhitespace }
                #expect(text.contains("第\(i + 1)页，共\(published.count)页"), "page \(i + 1): \(page)")
                #expect(!text.contains("草稿"), "page \(i + 1)")
            }
        }
    }

    // MARK: - Fixtures

    /// The seed's car park on Friday 2026-12-04: a household overnight either side, a half-hour
    /// and a quarter-hour visit to the hospital (bars too short for their holders), a long one.
    static func timetableFixture(_ api: APIClient) async throws -> SeedCarPark {
        let park = try await SeedCarPark.make(api)
        for b: [String: Any] in [
            ["user_class": "residents", "holder": "3号楼 固定车位", "start": "2026-12-04T18:00", "end": "2026-12-05T08:00"],
            ["user_class": "unit", "unit_id": park.hospital, "holder": "就诊 王", "start": "2026-12-04T09:00", "end": "2026-12-04T09:30"],
            ["user_class": "unit", "unit_id": park.hospital, "holder": "送药", "start": "2026-12-04T10:00", "end": "2026-12-04T10:15"],
            ["user_class": "unit", "unit_id": park.hospital, "holder": "复诊 李", "start": "2026-12-04T13:00", "end": "2026-12-04T16:00"],
        ] {
            let r = try await park.book(b)
            #expect(r.status == .created, "\(r.text)")
        }
        return park
    }

    /// A film outing with companions (one per three residents) and a legal clinic without, on 2026-12-12.
    static func sheetFixture(_ api: APIClient, residents: Int) async throws -> (community: String, outing: String, clinic: String) {
        let f = try await ClinicFixture.make(api)
        for i in 0..<4 {
            let v = try await api.post("/v1/volunteers", [
                "name": "志愿者\(i)", "phone": "1390000020\(i)", "community_id": f.community, "unit_id": f.unit,
                "skills": [["skill": "companion"], ["skill": "lawyer"]], "availability": [["weekday": 6, "start": "08:00", "end": "18:00"]],
            ])
            #expect(v.status == .created, "\(v.text)")
        }
        let outing = try await api.post("/v1/events", ["project_id": f.project, "title": "我陪老人看电影", "venue": "上街影院",
                                                       "start": "2026-12-12T13:30", "end": "2026-12-12T16:00",
                                                       "roles": [["skill": "companion", "per_participants": 3]]])
        let clinic = try await api.post("/v1/events", ["project_id": f.project, "title": "法律咨询", "venue": "社区服务中心",
                                                       "start": "2026-12-12T09:00", "end": "2026-12-12T11:00",
                                                       "roles": [["skill": "lawyer", "count": 1]]])
        let event = try #require(outing.string("id"), "\(outing.text)")
        for i in 0..<residents {
            let r = try await api.post("/v1/communities/\(f.community)/residents", ["name": "老人\(i)", "building": "\(i % 6 + 1)号楼",
                                                                                    "phone": "138\(String(format: "%08d", 100 + i))"])
            #expect(try await api.post("/v1/events/\(event)/participants", ["resident_id": r.string("id") ?? ""]).status == .created)
        }
        return (f.community, event, try #require(clinic.string("id"), "\(clinic.text)"))
    }

    // MARK: - Chromium and poppler

    /// Prints `html` to PDF with headless Chromium (no header or footer of its own, so the page
    /// numbers found are the page's) and returns each page's text; also renders each page as
    /// a PNG at 60 dpi, one per page.
    static func print(_ html: String, name: String) async throws -> [String] {
        let browser = try #require(browser)
        let pdftotext = try #require(ExternalProgram("pdftotext"))
        let pdftoppm = try #require(ExternalProgram("pdftoppm"))
        return try await withTemporaryFolder { dir in
            let page = dir.appendingPathComponent("\(name).html")
            let pdf = dir.appendingPathComponent("\(name).pdf")
            try Data(html.utf8).write(to: page)
            try await browser.run(["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                                   "--user-data-dir=\(dir.path)/chromium", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)",
                                   page.absoluteString], home: dir)
            let text = try await pdftotext.run(["-layout", "-enc", "UTF-8", pdf.path, "-"], home: dir)
            var pages = text.components(separatedBy: "\u{0C}")
            if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
            try await pdftoppm.run(["-png", "-r", "60", pdf.path, dir.appendingPathComponent(name).path], home: dir)
            let images = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(name) && $0.hasSuffix(".png") }
            #expect(images.count == pages.count, "\(name): \(images.count) page images for \(pages.count) pages")
            if let keep = ProcessInfo.processInfo.environment["LIANJIAN_PRINT_DIR"] {
                let out = URL(fileURLWithPath: keep)
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                for file in [page.lastPathComponent, pdf.lastPathComponent] + images {
                    let target = out.appendingPathComponent(file)
                    try? FileManager.default.removeItem(at: target)
                    try FileManager.default.copyItem(at: dir.appendingPathComponent(file), to: target)
                }
            }
            return pages
        }
    }
}
