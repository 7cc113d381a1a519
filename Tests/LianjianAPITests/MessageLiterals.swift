import Foundation

/// The client messages written in the sources, as templates with `{}` for interpolations.
enum MessageLiterals {
    /// Literals passed as `reason:`, `message:` or to the error helpers (`notFound`, `invalid`…).
    static let call = try! NSRegularExpression(
        pattern: #"(?:reason:|message:|\.notFound\(|badRequest\(|\.invalid\(|\.stale\(|\.conflict\()\s*"((?:[^"\\]|\\.)*)""#)
    /// An interpolation, with at most two levels of parentheses inside.
    static let interpolation = try! NSRegularExpression(pattern: #"\\\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)"#)
    /// Files whose messages are for operators at a terminal, not for clients.
    static let operatorFiles: Set<String> = ["Migrator.swift"]

    static func scan(_ sources: URL, targets: [String]) throws -> Set<String> {
        var found = Set<String>()
        for target in targets {
            let dir = sources.appendingPathComponent(target)
            guard let files = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files where file.pathExtension == "swift" && !operatorFiles.contains(file.lastPathComponent) {
                let text = try String(contentsOf: file, encoding: .utf8)
                for m in call.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    guard let r = Range(m.range(at: 1), in: text) else { continue }
                    let literal = String(text[r]).replacingOccurrences(of: #"\""#, with: "\"")
                    let template = interpolation.stringByReplacingMatches(
                        in: literal, range: NSRange(literal.startIndex..., in: literal), withTemplate: "{}")
                    // A literal cut short by a quote inside an interpolation is checked by hand in LocaleTests.
                    if !template.contains(#"\("#) { found.insert(template) }
                }
            }
        }
        return found
    }
}
