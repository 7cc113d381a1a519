import Foundation

/// Splits a SQL file into statements, since PostgreSQL's extended protocol runs one at a time.
///
/// Semicolons inside quotes ('…', "…"), dollar-quoted bodies ($$…$$, $tag$…$tag$) and
/// comments (-- and /* */) do not end a statement. Empty statements are dropped.
enum SQLScript {
    static func statements(_ sql: String) -> [String] {
        let chars = Array(sql.unicodeScalars)
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var i = 0
        func flush() {
            let text = String(current).trimmingWhitespace()
            if !text.isEmpty, !isOnlyComments(text) { result.append(text) }
            current = String.UnicodeScalarView()
        }
        while i < chars.count {
            let c = chars[i]
            let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
            if c == "-" && next == "-" {
                while i < chars.count, chars[i] != "\n" { current.append(chars[i]); i += 1 }
                continue
            }
            if c == "/" && next == "*" {
                let end = find(chars, ["*", "/"], from: i + 2) ?? chars.count
                current.append(contentsOf: chars[i..<min(end + 2, chars.count)])
                i = end + 2
                continue
            }
            if c == "'" || c == "\"" {
                var j = i + 1
                while j < chars.count {
                    if chars[j] == c { if j + 1 < chars.count, chars[j + 1] == c { j += 2; continue }; break }
                    j += 1
                }
                current.append(contentsOf: chars[i..<min(j + 1, chars.count)])
                i = j + 1
                continue
            }
            if c == "$", let tagEnd = dollarTag(chars, at: i) {
                let tag = Array(chars[i...tagEnd])
                let close = find(chars, tag, from: tagEnd + 1) ?? chars.count
                let end = min(close + tag.count, chars.count)
                current.append(contentsOf: chars[i..<end])
                i = end
                continue
            }
            if c == ";" { flush(); i += 1; continue }
            current.append(c)
            i += 1
        }
        flush()
        return result
    }

    /// The index of the closing `$` of a dollar-quote tag starting at `i`, if there is one.
    private static func dollarTag(_ chars: [Unicode.Scalar], at i: Int) -> Int? {
        var j = i + 1
        while j < chars.count {
            let c = chars[j]
            if c == "$" { return j }
            guard c == "_" || c.properties.isAlphabetic || (j > i + 1 && ("0"..."9").contains(c)) else { return nil }
            j += 1
        }
        return nil
    }

    private static func find(_ chars: [Unicode.Scalar], _ needle: [Unicode.Scalar], from start: Int) -> Int? {
        guard needle.count <= chars.count else { return nil }
        var i = start
        while i + needle.count <= chars.count {
            if chars[i] == needle[0], Array(chars[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    private static func isOnlyComments(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { $0.trimmingWhitespace().isEmpty || $0.trimmingWhitespace().hasPrefix("--") }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
