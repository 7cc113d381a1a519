import Foundation

/// Client messages in the reader's language.
///
/// Messages are written in English where they are raised (the store and domain layers know no
/// languages); this catalogue turns each English template into its translation. A template's
/// `{}` stands for a value, numbered `{1}`, `{2}`… in the translation so that word order may
/// differ; a value that is itself a catalogued message (a noun such as `roster`, a reason
/// inside a reason) is translated too. `MessageCatalogueTests` checks that every message
/// literal in the sources has an entry.
enum Messages {
    /// `english` in `language`; unchanged when the catalogue has no match.
    static func localise(_ english: String, to language: Language) -> String {
        guard language == .chinese else { return english }
        return translate(english, depth: 0) ?? english
    }

    private static func translate(_ text: String, depth: Int) -> String? {
        if let exact = chinese[text] { return exact }
        guard depth < 3 else { return nil }
        for template in templates {
            guard let values = match(text, template.parts) else { continue }
            var out = template.translation
            for (i, value) in values.enumerated() {
                out = out.replacingOccurrences(of: "{\(i + 1)}", with: translate(value, depth: depth + 1) ?? value)
            }
            return out
        }
        return nil
    }

    private struct Template: Sendable {
        var parts: [Substring]
        var translation: String
    }

    /// Templates with values, longest literal text first so the most specific one wins.
    private static let templates: [Template] = chinese.filter { $0.key.contains("{}") }
        .map { Template(parts: $0.key.split(separator: "{}", omittingEmptySubsequences: false), translation: $0.value) }
        .sorted { ($0.parts.map(\.count).reduce(0, +), $0.translation) > ($1.parts.map(\.count).reduce(0, +), $1.translation) }

    /// The values of `text` for a template cut at its `{}`s, or nil when it does not fit.
    static func match(_ text: String, _ parts: [Substring]) -> [String]? {
        guard let first = parts.first, let last = parts.last, text.hasPrefix(first), text.hasSuffix(last),
              text.count >= first.count + last.count else { return nil }
        var rest = text.dropFirst(first.count).dropLast(last.count)
        var values: [String] = []
        for part in parts.dropFirst().dropLast() {
            // Each value is non-empty and ends where the next literal part first occurs.
            // firstRange(of:) gives indices of `rest` itself (a slice shares its base's), so the slicing below is in bounds.
            guard !rest.isEmpty, let range = rest.dropFirst().firstRange(of: part) else { return nil }
            values.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        guard !rest.isEmpty || parts.count == 1 else { return nil }
        if parts.count > 1 { values.append(String(rest)) }
        return values
    }
}
