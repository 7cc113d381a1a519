/// Finds phone numbers inside free text, in the ways people write them: `13800138001`,
/// `138-0013-8001`, `138 0013 8002`, `138.0013.8003`, `(0371) 6789-1234`, full-width digits
/// (`１３８００１３８００３`), and with a country prefix (`+86 138 0013 8004`, `0086-…`).
///
/// A phone number is 7 or more decimal digits (of any script) with at most three separators
/// (spaces, dashes, dots, parentheses, and their full-width forms) between two digits, and a
/// `+` or an opening parenthesis just before. A date such as `2026-12-05` is not one.
public enum PhoneText {
    /// Fewest digits that make a phone number; a Chinese landline without its area code has 7.
    public static let minimumDigits = 7

    /// Whether `text` holds something that looks like a phone number.
    public static func contains(_ text: String) -> Bool { !spans(in: Array(text)).isEmpty }

    /// `text` with every phone number replaced as ``Mask/phone(_:)`` masks it (last four digits kept).
    public static func masked(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        for span in spans(in: chars) {
            out += String(chars[i..<span.lowerBound])
            out += Mask.phone(String(chars[span]))
            i = span.upperBound
        }
        return out + String(chars[i...])
    }

    /// The ranges of `chars` that are phone numbers, in order.
    static func spans(in chars: [Character]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            if let date = dateLength(chars, at: i) { i += date; continue }
            guard isDigit(chars[i]) else { i += 1; continue }
            var end = i + 1
            var digits = 1
            var j = end
            // Extend over digits and short separator gaps; a gap must end in a digit.
            while j < chars.count {
                if isDigit(chars[j]) {
                    if j > end, dateLength(chars, at: j) != nil { break }
                    digits += 1
                    j += 1
                    end = j
                } else if isSeparator(chars[j]), j - end < 3 {
                    j += 1
                } else {
                    break
                }
            }
            var start = i
            while start > 0, start > i - 2, isPrefix(chars[start - 1]) { start -= 1 }
            if digits >= minimumDigits { result.append(start..<end) }
            i = end
        }
        return result
    }

    /// The length of a date `YYYY-MM-DD` or `YYYY.MM.DD` starting at `i`, if one does.
    static func dateLength(_ chars: [Character], at i: Int) -> Int? {
        if i > 0, isDigit(chars[i - 1]) { return nil }
        func digitRun(_ from: Int, _ lengths: ClosedRange<Int>) -> Int? {
            var n = 0
            while from + n < chars.count, isDigit(chars[from + n]) { n += 1 }
            return lengths.contains(n) ? n : nil
        }
        guard digitRun(i, 4...4) != nil, i + 4 < chars.count, chars[i + 4] == "-" || chars[i + 4] == "." else { return nil }
        let separator = chars[i + 4]
        guard let month = digitRun(i + 5, 1...2) else { return nil }
        let second = i + 5 + month
        guard second < chars.count, chars[second] == separator, let day = digitRun(second + 1, 1...2) else { return nil }
        return second + 1 + day - i
    }

    static func isDigit(_ c: Character) -> Bool {
        c.unicodeScalars.count == 1 && c.unicodeScalars.first!.properties.numericType == .decimal
    }

    static let separators: Set<Character> = [
        " ", "-", ".", "(", ")", "\u{00A0}", "\u{3000}", "\u{FF0D}", "\u{FF0E}", "\u{FF08}", "\u{FF09}",
        "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2212}",
    ]

    static func isSeparator(_ c: Character) -> Bool { separators.contains(c) }

    static func isPrefix(_ c: Character) -> Bool { c == "+" || c == "\u{FF0B}" || c == "(" || c == "\u{FF08}" }
}
