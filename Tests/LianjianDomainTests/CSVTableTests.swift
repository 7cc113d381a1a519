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

    /// Issue 15: a phone number written bare becomes `1.39371E+10` in Excel; a formula of its
    /// digits alone stays text and cannot carry a payload.
    @Test func digitStringsAreWrittenAsTextFormulas() {
        for digits in ["13937100001", "+8613937100001", "037167891234", "110105194912310021", "001", "7"] {
            #expect(CSVTable.escape(digits) == "\"=\"\"" + digits + "\"\"\"", "\(digits)")
        }
        // Anything else after a formula character is user text, neutralised as before.
        for text in ["+86 139 3710 0001", "=\"13937100001\"", "+", "++1", "1+1", "１３９", "12.5", "-1"] {
            #expect(!CSVTable.escape(text).hasPrefix("\"=\"\""), "\(text)")
        }
        #expect(CSVTable.escape("=\"1\"&HYPERLINK(\"http://x/\")") == "\"'=\"\"1\"\"&HYPERLINK(\"\"http://x/\"\")\"")
        #expect(CSVTable.escape("*******0001") == "*******0001")
    }

    @Test func whatIsWrittenReadsBack() throws {
        let rows = [["车位", "用途"], ["P01", "=SUM(A1)"], ["P02", "王, \"老\"\n3号楼"]]
        let back = try CSVTable.parse(CSVTable.write(rows))
        #expect(back == [["车位", "用途"], ["P01", "'=SUM(A1)"], ["P02", "王, \"老\"\n3号楼"]])
    }
}
