import Foundation

/// The language a client reads messages in.
public enum Language: String, Sendable, CaseIterable {
    case chinese = "zh-CN"
    case english = "en"

    /// The language of the request being answered (set by ``LocaleMiddleware``).
    @TaskLocal static var current: Language = .chinese

    /// The first language of an `Accept-Language` header that Lianjian speaks, by quality
    /// (`zh`, `zh-CN`, `zh-Hans…` are Chinese; `en…` English); `fallback` when none is.
    static func negotiate(_ header: String?, fallback: Language) -> Language {
        guard let header else { return fallback }
        var best: (Language, Double)?
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = parts.first, !tag.isEmpty else { continue }
            let quality = parts.dropFirst().compactMap { $0.hasPrefix("q=") ? Double($0.dropFirst(2)) : nil }.first ?? 1
            let language: Language? = tag == "*" ? fallback : tag.hasPrefix("zh") ? .chinese : tag.hasPrefix("en") ? .english : nil
            // Earlier items win ties, as the header lists preferences in order.
            if let language, quality > 0, quality > best?.1 ?? 0 {
                best = (language, quality)
            }
        }
        return best?.0 ?? fallback
    }
}
