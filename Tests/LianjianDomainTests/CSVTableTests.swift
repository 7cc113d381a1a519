import Foundation
import LianjianDomain
import Testing

@Suite("CSV writing")
struct CSVTableTests {
    @Test func everyFormulaStartIsNeutralised() {
        for start in ["=", "+", "-", "@", "\t", "\r", "\r\n", "＝", "＋", "－", "＠"] {
            let field = start + "1+1"
            #expect(CSVTable.escape(field) == "\"'" + field + "\"", "\(field.debugDescription)")
        }
        #expect(CSVTable.escape("-1+HYPERLINK(\"http://x/\")") == "\"'-1+HYPERLINK(\"\"http://x/\"\")\"")
        // Plain text, dates, times and masked phones are written as they are.
        for plain in ["就诊", "2026-12-05", "09:00", "*******0005", "P01", "1-3号楼", "a=b"] {
            #expect(CSVTable.escape(plain) == plain)
        }
        #expect(CSVTable.escape("a\r\nb") == "\"a\r\nb\"")
        #expect(CSVTable.escape("a,b") == "\"a,b\"")
    }

    @Test func whatIsWrittenReadsBack() throws {
        let rows = [["车位", "用途"], ["P01", "=SUM(A1)"], ["P02", "王, \"老\"\n3号楼"]]
        let back = try CSVTable.parse(CSVTable.write(rows))
        #expect(back == [["车位", "用途"], ["P01", "'=SUM(A1)"], ["P02", "王, \"老\"\n3号楼"]])
    }
}
