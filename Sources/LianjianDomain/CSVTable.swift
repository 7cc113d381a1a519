import Foundation

/// Reads CSV as Excel and WPS write it (RFC 4180): UTF-8 with or without a byte-order mark, or
/// GB18030 (Chinese Excel's default),
/// quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF.
public enum CSVTable {
    /// The rows of the file, header included; blank lines are dropped.
    /// - Throws: ``DomainError`` for text that is neither UTF-8 nor GB18030, or a quote left open.
    public static func parse(_ data: Data) throws(DomainError) -> [[String]] {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Chinese Excel and WPS save "CSV (逗号分隔)" as GB18030, not UTF-8: read both.
        guard let text = String(data: Data(bytes), encoding: .utf8) ?? LegacyText.gb18030(Data(bytes)) else {
            throw DomainError(field: "file", reason: "is neither UTF-8 nor GB18030 text; save it as \"CSV UTF-8\" or \"CSV (逗号分隔)\"")
        }
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRow() {
            row.append(field)
            field = ""
            if !(row.count == 1 && row[0].isEmpty) { rows.append(row) }
            row = []
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    let after = next()
                    if after == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = after }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: quoted = true
            case ",": row.append(field); field = ""
            case "\r":
                let after = next()
                if after != "\n" { pending = after }
                endRow()
            case "\n": endRow()
            default: field.unicodeScalars.append(c)
            }
        }
        if quoted { throw DomainError(field: "file", reason: "a quoted field is never closed") }
        if !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }
}

extension CSVTable {
    /// Writes rows as Excel and WPS open them: a UTF-8 byte-order mark, CRLF line ends, and
    /// every field through ``escape(_:)``. Every CSV the product writes goes through here.
    public static func write(_ rows: [[String]]) -> Data {
        var text = "\u{FEFF}"
        for row in rows {
            text += row.map(escape).joined(separator: ",")
            text += "\r\n"
        }
        return Data(text.utf8)
    }

    /// A cell of a report: text (written through ``escape(_:)``) or a quantity a spreadsheet
    /// should add up (hours, counts), written bare as a number.
    public enum Cell: Sendable, Equatable {
        case text(String)
        case quantity(Double)

        var field: String {
            switch self {
            case .text(let text): escape(text)
            case .quantity(let value) where value.isFinite:
                value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
                    .replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
            case .quantity: ""
            }
        }
    }

    /// Writes report rows (text and quantities) as ``write(_:)`` writes text rows.
    public static func write(cells rows: [[Cell]]) -> Data {
        var text = "\u{FEFF}"
        for row in rows {
            text += row.map(\.field).joined(separator: ",")
            text += "\r\n"
        }
        return Data(text.utf8)
    }

    /// Characters that make a spreadsheet read a field as a formula when it starts with one
    /// (OWASP's CSV injection rule), and the full-width forms a Chinese input method types.
    // The full-width ones since they cost nothing and a spreadsheet that normalises its input would read them so.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// One field, safe to open in a spreadsheet, and read back as the text it is:
    /// - a field of digits only, optionally after one `+` (a phone number, an ID card number, a
    ///   bay code such as `001`), is written as the formula `="13937100001"`, which Excel, WPS and
    ///   LibreOffice evaluate to that text; written bare they make it a number (`1.39371E+10`,
    ///   `8613937100001`, `1`), shown rounded and saved back without its leading `0` or `+` or
    ///   past its 15th digit. The formula holds nothing but those digits, so it cannot be a payload;
    /// - any other field starting with a formula character gets a leading `'` (so
    ///   `-1+HYPERLINK(…)` or `=SUM(A1)` typed by a user stays text);
    /// - a field with a comma, quote or line break, or one so changed, is quoted with its quotes doubled.
    ///
    /// Quantities that must stay numbers (a report's hours and counts) are written as ``Cell/quantity(_:)``.
    public static func escape(_ field: String) -> String {
        if isDigitString(field) { return "\"=\"\"" + field + "\"\"\"" }
        // A Character of "\r\n" is one grapheme; compare its first scalar too.
        let formula = field.first.map { formulaStarts.contains($0) || $0.unicodeScalars.first == "\r" } ?? false
        let safe = formula ? "'" + field : field
        guard formula || safe.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether `field` is ASCII digits only, optionally after one leading `+`, as a spreadsheet
    /// would read as a number.
    public static func isDigitString(_ field: String) -> Bool {
        let digits = field.utf8.first == UInt8(ascii: "+") ? field.utf8.dropFirst() : field.utf8[...]
        return !digits.isEmpty && digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
