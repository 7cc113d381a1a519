import Foundation
import Hummingbird
import LianjianDomain

/// Sets the reader's language (`Accept-Language`, else `app.locale`) and the zone instants are
/// written in (`app.time_zone`) for everything the request does, and says which language the
/// answer is in.
struct LocaleMiddleware<Context: RequestContext>: RouterMiddleware {
    let language: Language
    let zone: TimeZone

    /// The cookie the console's language link sets: `zh-CN` or `en`.
    static var cookie: String { "lj_lang" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // A console reader's own choice (the bar's language link) comes before the browser's.
        let chosen = request.cookies[Self.cookie].flatMap { Language(rawValue: $0.value) }
            ?? Language.negotiate(request.headers[.acceptLanguage], fallback: language)
        var response = try await Language.$current.withValue(chosen) {
            try await DisplayZone.$current.withValue(zone) { try await next(request, context) }
        }
        response.headers[.contentLanguage] = chosen.rawValue
        if response.headers[.vary] == nil { response.headers[.vary] = "Accept-Language" }
        return response
    }
}
