import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Hummingbird
import LianjianDomain
import Testing

/// Issue 15: phone numbers and other digit strings in the CSV exports stay text in a
/// spreadsheet. Checked with the real program: LibreOffice Calc opens the export headless and
/// saves it as flat OpenDocument (.fods), whose cells say their type.
@Suite("CSV exports opened in LibreOffice")
struct SpreadsheetTests {
    static let soffice = ExternalProgram("soffice", "libreoffice")

    @Test(.enabled(if: soffice != nil, "LibreOffice is not installed (Debian: apt-get install libreoffice-calc; scripts/test-tools does it)"))
    func phoneNumbersInTheRosterStayText() async throws {
        try await withAPI { api in
            let film = try await ExportTests.filmOuting(api)
            let csv = try await api.get("/v1/rosters/\(film.roster)/csv")
            #expect(csv.status == .ok)
            let sheet = try await Self.openInCalc(Data(csv.text.utf8))
            #expect(sheet.first?.map(\.text) == ["日期", "开始", "结束", "活动", "地点", "技能", "志愿者", "联建单位", "手机", "确认情况"])
            let rows = sheet.dropFirst()
            #expect(rows.count == 3, "\(sheet)")
            for row in rows {
                let phone = try #require(row.count > 8 ? row[8] : nil, "\(row)")
                // The fixture's volunteers have 1390000010x; the admin reads them whole.
                #expect(phone.type == "string", "a phone cell read as \(phone.type ?? "?"): \(phone.text)")
                #expect(phone.text.count == 11 && phone.text.hasPrefix("1390000010") && phone.text.allSatisfy(\.isNumber), "\(phone.text)")
                // The event's title, with its comma and quotes, and the date stay what they were.
                #expect(row[3].text == "我陪老人看电影, \"专场\"")
            }
        }
    }

    @Test(.enabled(if: soffice != nil, "LibreOffice is not installed (Debian: apt-get install libreoffice-calc; scripts/test-tools does it)"))
    func bayCodesAndTextPayloadsInTheTimetableStayText() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let f = try await api.post("/v1/communities/\(community)/facilities",
                                       ["code": "hall-001", "name": "活动室", "kind": "car_park", "bay_labels": ["001", "002", "003"]])
            #expect(f.status == .created, "\(f.text)")
            let facility = try #require(f.string("id"))
            let w = try await api.post("/v1/facilities/\(facility)/windows", ["user_class": "public", "weekdays": Array(1...7), "start": "08:00",
                                                                             "end": "20:00", "guaranteed_bays": 0, "cap_bays": 3, "valid_from": "2026-11-01"])
            #expect(w.status == .created, "\(w.text)")
            for holder in ["=1+1", "007"] {
                let b = try await api.post("/v1/facilities/\(facility)/bookings", ["user_class": "public", "holder": holder,
                                                                                  "start": "2026-12-05T09:00", "end": "2026-12-05T10:00"])
                #expect(b.status == .created, "\(b.text)")
            }
            let csv = try await api.get("/v1/facilities/\(facility)/timetable?date=2026-12-05&format=csv")
            let sheet = try await Self.openInCalc(Data(csv.text.utf8))
            let rows = Array(sheet.dropFirst())
            #expect(rows.count == 2, "\(sheet)")
            #expect(Set(rows.map { $0[0].text }) == ["001", "002"], "\(rows)")
            #expect(rows.allSatisfy { $0[0].type == "string" }, "\(rows)")
            // A formula typed as a holder stays text, not evaluated; a number keeps its leading zeros.
            #expect(Set(rows.map { $0[5].text }) == ["'=1+1", "007"], "\(rows)")
            #expect(rows.allSatisfy { $0[5].type == "string" }, "\(rows)")
        }
    }

    // MARK: - LibreOffice

    struct Cell: CustomStringConvertible {
        /// `office:value-type`: `string`, `float`, `date`, …
        var type: String?
        var text: String
        var description: String { "\(text)[\(type ?? "-")]" }
    }

    /// The cells of `csv` as LibreOffice Calc reads it (UTF-8, comma-separated, formulas evaluated
    /// as its import dialog does by default).
    static func openInCalc(_ csv: Data) async throws -> [[Cell]] {
        let soffice = try #require(soffice)
        return try await withTemporaryFolder { dir in
            let file = dir.appendingPathComponent("export.csv")
            try csv.write(to: file)
            try await soffice.run(["-env:UserInstallation=file://\(dir.path)/profile", "--headless", "--norestore",
                                   "--infilter=CSV:44,34,76,1", "--convert-to", "fods", "--outdir", dir.path, file.path], home: dir)
            let fods = try Data(contentsOf: dir.appendingPathComponent("export.fods"))
            return try FODSCells.read(fods)
        }
    }
}

/// Reads the first table of a flat OpenDocument spreadsheet into rows of typed cells.
final class FODSCells: NSObject, XMLParserDelegate {
    private var rows: [[SpreadsheetTests.Cell]] = []
    private var cell: SpreadsheetTests.Cell?
    private var repeated = 1
    private var paragraphs = 0
    private var inParagraph = false
    private var tables = 0

    static func read(_ data: Data) throws -> [[SpreadsheetTests.Cell]] {
        let reader = FODSCells()
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.delegate = reader
        guard parser.parse() else { throw ExternalProgram.Failed(description: "unreadable .fods: \(parser.parserError.map { "\($0)" } ?? "?")") }
        // Calc writes trailing empty cells and rows as repeats: drop them.
        return reader.rows.map { row in Array(row.reversed().drop { $0.type == nil && $0.text.isEmpty }.reversed()) }.filter { !$0.isEmpty }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "table:table": tables += 1
        case "table:table-row" where tables == 1: rows.append([])
        case "table:table-cell", "table:covered-table-cell":
            guard tables == 1 else { return }
            cell = .init(type: attributes["office:value-type"], text: "")
            repeated = min(Int(attributes["table:number-columns-repeated"] ?? "1") ?? 1, 64)
            paragraphs = 0
        case "text:p" where cell != nil:
            if paragraphs > 0 { cell?.text += "\n" }
            paragraphs += 1
            inParagraph = true
        case "text:s" where cell != nil: cell?.text += String(repeating: " ", count: Int(attributes["text:c"] ?? "1") ?? 1)
        case "text:tab" where cell != nil: cell?.text += "\t"
        case "text:line-break" where cell != nil: cell?.text += "\n"
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if cell != nil && inParagraph { cell?.text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text:p" { inParagraph = false }
        if name == "table:table-cell" || name == "table:covered-table-cell", let c = cell {
            rows[rows.count - 1] += Array(repeating: c, count: repeated)
            cell = nil
        }
    }
}
