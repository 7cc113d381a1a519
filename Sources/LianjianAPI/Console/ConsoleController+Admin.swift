import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// The admin's pages: the console's accounts (create one for an organiser or a liaison), the
/// API's tokens (issue one, shown once; revoke one), and the audit log filtered by table and row.
/// Each is authorised by the API's rule for the same thing (`GET /v1/tokens`, `GET /v1/audit`).
extension ConsoleController {
    func registerAdmin(on console: RouterGroup<AppContext>) {
        console.get("admin/accounts") { request, context in
            let done = request.uri.queryParameters.get("done") == "created"
            return try await accountsPage(context, notice: done ? ConsoleText.strings(Language.current)["account_created"] : nil)
        }
        console.post("admin/accounts") { request, context in
            try await check.authorize("POST /v1/tokens", try context.caller, id: nil, logger: context.logger)
            let form = try await Form.read(request)
            let words = ConsoleText.strings(Language.current)
            let login = form["login"].trimmingCharacters(in: .whitespaces), name = form["name"].trimmingCharacters(in: .whitespaces)
            guard !login.isEmpty, login.count <= 64, !name.isEmpty, name.count <= 100 else {
                return try await accountsPage(context, error: words["account_incomplete"], status: .unprocessableContent)
            }
            if let problem = Passwords.problem(with: form["password"]) {
                return try await accountsPage(context, error: "\(words["password"] ?? "")：\(Messages.localise(problem, to: Language.current))",
                                              status: .unprocessableContent)
            }
            guard let scope = try await AdminScope(form, database).principal() else {
                return try await accountsPage(context, error: words["scope_needed"], status: .unprocessableContent)
            }
            do {
                _ = try await AccountRepository(database).create(login: login, displayName: name, passwordHash: try await Passwords.hash(form["password"]),
                                                                 scope: scope)
            } catch let error as StoreError where error.code == .conflict {
                return try await accountsPage(context, error: words["login_taken"], status: .conflict)
            }
            return ConsolePages.redirect("/admin/accounts?done=created")
        }
        console.get("admin/tokens") { request, context in
            let done = request.uri.queryParameters.get("done") == "revoked"
            return try await tokensPage(context, notice: done ? ConsoleText.strings(Language.current)["token_revoked_notice"] : nil)
        }
        console.post("admin/tokens") { request, context in
            try await check.authorize("POST /v1/tokens", try context.caller, id: nil, logger: context.logger)
            let form = try await Form.read(request)
            let words = ConsoleText.strings(Language.current)
            guard let scope = try await AdminScope(form, database).principal(), let days = Int(form["days"]), (1...3660).contains(days),
                  form["label"].count <= 100 else {
                return try await tokensPage(context, error: words["scope_needed"], status: .unprocessableContent)
            }
            let (_, secret) = try await TokenRepository(database).create(scope, label: form["label"], expiresAt: Date().addingTimeInterval(Double(days) * 86_400))
            // The secret is on this answer only: stored as a hash, never in a URL or a redirect.
            return try await tokensPage(context, secret: secret)
        }
        console.post("admin/tokens/:id/revoke") { _, context in
            guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw APIError.notFound("token") }
            try await check.authorize("DELETE /v1/tokens/{id}", try context.caller, id: text, logger: context.logger)
            _ = try await TokenRepository(database).revoke(id)
            return ConsolePages.redirect("/admin/tokens?done=revoked")
        }
        console.get("admin/audit") { request, context in
            try await check.authorize("GET /v1/audit", try context.caller, id: nil, logger: context.logger)
            let q = request.uri.queryParameters
            let table = q.get("table").flatMap { $0.isEmpty ? nil : $0 }, row = q.get("row_id").flatMap { $0.isEmpty ? nil : $0 }
            let entries = try await AuditRepository(database).list(limit: 50, before: q.get("before").flatMap { Int($0) }, table: table, rowID: row)
            let view = AuditView(language: Language.current, zone: DisplayZone.current)
            var values: [String: Any] = ["entries": entries.map(view.entry), "none": entries.isEmpty, "table": table ?? "", "row_id": row ?? ""]
            if entries.count == 50, let last = entries.last {
                values["older"] = "/admin/audit?" + [table.map { "table=\($0)" }, row.map { "row_id=\($0)" }, "before=\(last.id)"]
                    .compactMap { $0 }.joined(separator: "&")
            }
            return pages.page("admin_audit", values, session: context.session)
        }
    }

    private func accountsPage(_ context: AppContext, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await check.authorize("GET /v1/tokens", try context.caller, id: nil, logger: context.logger)
        let names = try await AdminScope.names(database)
        let view = AuditView(language: Language.current, zone: DisplayZone.current)
        let accounts = try await AccountRepository(database).list().map { view.account($0, names) }
        var values: [String: Any] = ["accounts": accounts, "error": error as Any, "notice": notice as Any]
        values.merge(try await AdminScope.choices(database, names)) { $1 }
        return pages.page("admin_accounts", values, session: context.session, status: status)
    }

    private func tokensPage(_ context: AppContext, secret: String? = nil, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        try await check.authorize("GET /v1/tokens", try context.caller, id: nil, logger: context.logger)
        let names = try await AdminScope.names(database)
        let view = AuditView(language: Language.current, zone: DisplayZone.current)
        let tokens = try await TokenRepository(database).list().map { view.token($0, names) }
        var values: [String: Any] = ["tokens": tokens, "no_tokens": tokens.isEmpty, "secret": secret as Any, "error": error as Any, "notice": notice as Any]
        values.merge(try await AdminScope.choices(database, names)) { $1 }
        return pages.page("admin_tokens", values, session: context.session, status: status)
    }
}
