import Hummingbird
import LianjianStore
import Logging

/// Turns every error of a console page into a page in the reader's language: a refused or
/// missing object is "not found" (as the API answers 404), a stale form asks to send it again,
/// anything unexpected is logged and shown as our fault, never with its details.
struct ConsoleErrorMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let pages: ConsolePages
    /// To show who is signed in on an error page: the session ``ConsoleMiddleware`` found is
    /// not seen out here, so the cookie is read again (error pages only).
    let sessions: SessionRepository

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var context = context
            if context.session == nil, let secret = request.cookies[ConsoleMiddleware.sessionCookie]?.value {
                context.session = try? await sessions.find(secret: secret)
            }
            return answer(error, context)
        }
    }

    private func answer(_ error: any Error, _ context: AppContext) -> Response {
        switch error {
        case let refusal as ConsoleRefusal:
            switch refusal {
            case .badForm: return page("bad_form", .forbidden, context)
            case .forbidden: return page("forbidden", .forbidden, context)
            case .signedOut: return ConsolePages.redirect("/login")
            }
        default:
            guard let api = APIError.from(error) else {
                context.logger.error("unexpected console error", metadata: ["error": "\(String(reflecting: error))"])
                return page("server_error", .internalServerError, context)
            }
            switch api.status.code {
            case 401: return ConsolePages.redirect("/login")
            case 403, 404: return page("not_found", .notFound, context)
            case 413: return page("bad_form", .contentTooLarge, context)
            case 429: return page("address_limited", .tooManyRequests, context)
            case 400..<500: return page("bad_form", api.status, context)
            default:
                context.logger.warning("console request failed", metadata: ["code": "\(api.code)"])
                return page("server_error", api.status, context)
            }
        }
    }

    private func page(_ message: String, _ status: HTTPResponse.Status, _ context: AppContext) -> Response {
        let text = ConsoleText.strings(Language.current)[message] ?? message
        return pages.page("error", ["message": text], session: context.session, status: status)
    }
}
