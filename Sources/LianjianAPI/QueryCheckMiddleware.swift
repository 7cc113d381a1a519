import Hummingbird
import LianjianDomain

/// Refuses a query parameter holding a NUL or another character nobody types (a control
/// character, a noncharacter, a bidirectional override) before any handler or query sees it,
/// with a 422 naming the parameter. PostgreSQL cannot store NUL in text at all.
struct QueryCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        for (name, value) in request.uri.queryParameters {
            let printable = { (text: Substring) in text.unicodeScalars.allSatisfy { TextRule.isPrintable($0) } }
            guard printable(name), printable(value) else {
                let field = printable(name) ? String(name) : "query"
                throw APIError.invalid("contains a character that cannot be printed", field: field)
            }
        }
        return try await next(request, context)
    }
}
