import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// The web console at `/`: server-rendered pages in Chinese (or English, by `Accept-Language`)
/// on the same store and access rules as the API. Signing in is in `+SignIn`, the organiser's
/// week in `+Week`, a volunteer's own assignments in `+Volunteer`.
struct ConsoleController {
    let database: Database
    let check: AccessCheck
    let pages: ConsolePages
    /// Whether cookies are marked `Secure`: set when the console is served over TLS.
    let secureCookies: Bool
    /// How long a generation asked for from the console lets the solver look for a better roster.
    var solveSeconds: Double = 8
    /// Minutes service hours are rounded to (`records.rounding_minutes`).
    var rounding: Int = 30
    /// Minutes before the start and after the end one may sign in or out (`records.sign_in_window_minutes`).
    var window: Int = 120
    /// The least number of days a notice stays on the public board (`records.board_days`).
    var boardDays: Int = 7

    func register(on router: Router<AppContext>, limiter: RateLimiter) {
        let console = router.group()
            .add(middleware: ConsoleErrorMiddleware(pages: pages, sessions: SessionRepository(database)))
            .add(middleware: ConsoleMiddleware(sessions: SessionRepository(database), limiter: limiter))
        console.get("console.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: pages.stylesheet)))
        }
        // Browsers ask for an icon on every site; there is none, and saying so quietly keeps their consoles clean.
        console.get("favicon.ico") { _, _ in Response(status: .noContent, headers: [.cacheControl: "public, max-age=86400"]) }
        console.get("console.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: pages.script)))
        }
        console.get("/") { _, context in
            switch try context.caller.role {
            case .volunteer: ConsolePages.redirect("/me")
            case .admin, .organiser: ConsolePages.redirect("/week")
            case .liaison: ConsolePages.redirect("/unit")
            }
        }
        // The bar's language link: the choice is kept in a cookie for a year, and the reader
        // goes back to the page they were on (a path of this site only).
        console.get("language") { request, _ in
            let q = request.uri.queryParameters
            guard let language = q.get("to").flatMap(Language.init(rawValue:)) else { throw ConsoleRefusal.badForm }
            let back = Self.samePage(request.headers[.referer], host: request.head.authority) ?? "/"
            var response = ConsolePages.redirect(back)
            response.setCookie(Cookie(name: LocaleMiddleware<AppContext>.cookie, value: language.rawValue, maxAge: 365 * 86_400, path: "/",
                                      secure: secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
        registerSignIn(on: console)
        registerWeek(on: console)
        registerVolunteer(on: console)
        registerRosters(on: console)
        registerEvents(on: console)
        registerUnit(on: console)
        registerPlans(on: console)
        registerFacilities(on: console)
        registerRuns(on: console)
        registerAdmin(on: console)
        registerResidents(on: console)
        registerAttendance(on: console)
        registerCheckIn(on: console)
        registerReports(on: console)
        registerIntake(on: console)
        registerIssues(on: console)
    }

    /// The path and query of `referer` when it is a page of this site (`host`), else nil.
    static func samePage(_ referer: String?, host: String?) -> String? {
        guard let referer, let url = URL(string: referer), let host, url.host.map({ h in url.port.map { "\(h):\($0)" } ?? h }) == host,
              url.path.hasPrefix("/"), !url.path.hasPrefix("/language") else { return nil }
        return url.path + (url.query.map { "?\($0)" } ?? "")
    }

    /// The session cookie: `HttpOnly`, `SameSite=Lax`, `Secure` over TLS, for the whole site.
    func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(name: ConsoleMiddleware.sessionCookie, value: value, maxAge: maxAge, path: "/", secure: secureCookies, httpOnly: true, sameSite: .lax)
    }
}
