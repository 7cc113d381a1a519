import Foundation
import HTTPTypes
import Hummingbird
import LianjianDomain
import LianjianStore
import Mustache

/// The console's templates (`Resources/console/*.mustache`, read once) and its stylesheet, and
/// the page answers built from them. Every value is HTML-escaped by Mustache unless a template
/// says otherwise, and no template does.
struct ConsolePages: Sendable {
    let library: MustacheLibrary
    let stylesheet: String
    /// `console.js`: the progress bar's polling, the console's only script.
    let script: String

    /// The templates in the resource bundle; a missing or broken template stops the server at once.
    static let bundled: ConsolePages = {
        guard let folder = Bundle.module.url(forResource: "console", withExtension: nil),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            fatalError("the console's templates are missing from the LianjianAPI resource bundle")
        }
        var templates: [String: MustacheTemplate] = [:]
        for name in names where name.hasSuffix(".mustache") {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
            do { templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: text) } catch {
                fatalError("console template \(name) does not parse: \(error)")
            }
        }
        let read = { (name: String) in (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "" }
        return ConsolePages(library: MustacheLibrary(templates: templates), stylesheet: read("console.css"), script: read("console.js"))
    }()

    /// A page: `values` with the reader's words (`t`), the signed-in person (`user`, with the
    /// form token `csrf`) and the language, rendered by `template`.
    func page(_ template: String, _ values: [String: Any], session: SessionRepository.Session?, status: HTTPResponse.Status = .ok) -> Response {
        let language = Language.current
        // A missing value leaves its section out; Mustache would print an `Optional` as "nil".
        var context = values.filter { !Self.isNil($0.value) }
        context["t"] = ConsoleText.strings(language)
        context["lang"] = language.rawValue
        context["other_lang"] = language == .english ? "zh-CN" : "en"
        if let session {
            context["user"] = ["name": session.name, "role": ConsoleText.strings(language)["role_\(session.principal.role.rawValue)"] ?? "",
                               "csrf": session.csrfToken, "links": ConsoleNav.links(for: session.principal.role, language)]
            context["csrf"] = session.csrfToken
        }
        let html = library.render(context, withTemplate: template) ?? "<!doctype html><title>Lianjian</title>"
        var response = Response(status: status, headers: Self.headers, body: .init(byteBuffer: ByteBuffer(string: html)))
        response.headers[.contentLanguage] = language.rawValue
        return response
    }

    /// A `<select>`'s or a checkbox group's choices, `(value, label)`, with those in `selected` marked.
    static func options(_ pairs: [(String, String)], _ selected: Set<String>) -> [[String: Any]] {
        pairs.map { ["value": $0.0, "label": $0.1, "selected": selected.contains($0.0)] }
    }

    /// The weekdays as form choices, Monday first: `("1", "星期一")` … `("7", "星期日")`.
    static func weekdays(_ t: [String: String]) -> [(String, String)] {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].enumerated().map { ("\($0.offset + 1)", t[$0.element] ?? "") }
    }

    static func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    /// No page is cached (each shows one person's data), framed by another site, or allowed
    /// to load anything from elsewhere.
    static let headers: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .cacheControl: "no-store",
        HTTPField.Name("Content-Security-Policy")!: "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
    ]

    /// A redirect after a form (303, so the browser follows with GET).
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }
}

/// The links at the top of each page, by role.
enum ConsoleNav {
    static func links(for role: Principal.Role, _ language: Language) -> [[String: String]] {
        let t = ConsoleText.strings(language)
        switch role {
        case .admin, .organiser:
            let staff = [("/week", "week"), ("/plans", "plans"), ("/residents", "residents"), ("/facilities", "facilities"), ("/runs", "runs"), ("/outbox", "outbox"),
                         ("/requests", "requests"), ("/reports/pledges", "nav_report")]
            let admin = role == .admin ? [("/admin/accounts", "accounts"), ("/admin/tokens", "tokens"), ("/admin/audit", "audit")] : []
            return (staff + admin).map { ["href": $0.0, "label": t[$0.1] ?? ""] }
        case .volunteer: return [["href": "/me", "label": t["my_assignments"] ?? ""]]
        case .liaison: return [["href": "/unit", "label": t["my_unit"] ?? ""], ["href": "/reports/pledges", "label": t["nav_report"] ?? ""]]
        }
    }
}
