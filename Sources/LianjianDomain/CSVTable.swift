import Foundation

/// Reads CSV as Excel and WPS write it (RFC 4180): UTF-8 with or without a byte-order mark,
/// quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF.
public enum CSVTable {
    /// The rows of the file, header included; blank lines are dropped.
    /// - Throws: ``DomainError`` for text that is not UTF-8 or a quote left open.
    public static func parse(_ data: Data) throws(DomainError) -> [[String]] {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            throw DomainError(field: "file", reason: "is not UTF-8 text; save it as \"CSV UTF-8\"")
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
    /// Writes rows as Excel and WPS open them: a UTF-8 byte-order mark, CRLF line ends,
    /// and fields with commas, quotes or line breaks quoted (quotes doubled).
    public static func write(_ rows: [[String]]) -> Data {
        var text = "\u{FEFF}"
        for row in rows {
            text += row.map(quote).joined(separator: ",")
            text += "\r\n"
        }
        return Data(text.utf8)
    }

    static func quote(_ field: String) -> String {
        // Excel runs a field starting with = or @ (or + or - before a non-digit) as a formula.
        let chars = Array(field.prefix(2))
        let formula = chars.first.map { "=@".contains($0) || ("+-".contains($0) && !(chars.count > 1 && chars[1].isNumber)) } ?? false
        let safe = formula ? "'" + field : field
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
