/// A Chinese phone number in one spelling, so that `139 3710 0001`, `+86 139-3710-0001`,
/// `008613937100001` and `１３９３７１０００１` are recognised as one person's number.
///
/// The normal form is digits only: a mobile number's 11 (`1[3-9]` and nine more), a landline's
/// area code with its leading 0 and 7–8 digits (`037167891234`), or a 400/800 service number.
public enum PhoneNumber {
    /// The normal form of `text`, or `nil` if it is not a Chinese mobile, landline or service number.
    public static func normalised(_ text: String) -> String? {
        var digits = ""
        var plus = false
        for (i, c) in text.unicodeScalars.enumerated() {
            if let d = digit(c) {
                digits.append(d)
            } else if (c == "+" || c == "\u{FF0B}") && i == 0 {
                plus = true
            } else if !separators.contains(c) {
                return nil
            }
        }
        if plus || digits.hasPrefix("0086") {
            guard digits.hasPrefix(plus ? "86" : "0086") else { return nil }
            digits.removeFirst(plus ? 2 : 4)
            // A landline written internationally drops its leading 0: +86 371 6789 1234.
            if !digits.hasPrefix("1") { digits = "0" + digits }
        }
        return isValid(digits) ? digits : nil
    }

    /// Whether `digits` (already in normal form) is a mobile, landline or service number.
    public static func isValid(_ digits: String) -> Bool {
        let d = Array(digits.utf8)
        guard d.allSatisfy({ (48...57).contains($0) }) else { return false }
        if d.count == 11, d[0] == 49, (51...57).contains(d[1]) { return true }          // 1[3-9]xxxxxxxxx
        if d.first == 48, (10...12).contains(d.count), d[1] != 48 { return true }         // 0 + area code + number
        if d.count == 10, digits.hasPrefix("400") || digits.hasPrefix("800") { return true }
        return false
    }

    /// Spaces, dashes, dots and parentheses people put between digits (and their full-width forms).
    static let separators: Set<Unicode.Scalar> = [
        " ", "-", ".", "(", ")", "\u{00A0}", "\u{3000}", "\u{FF0D}", "\u{FF0E}", "\u{FF08}", "\u{FF09}", "\u{2010}", "\u{2011}", "\u{2013}",
    ]

    /// An ASCII digit for a decimal digit of any script (full-width `１` included).
    static func digit(_ c: Unicode.Scalar) -> Character? {
        guard c.properties.numericType == .decimal, let v = c.properties.numericValue, (0...9).contains(v) else { return nil }
        return Character(String(Int(v)))
    }
}
