import LianjianDomain

/// Who may open each console page. As with the API's ``AccessPolicy``, a page without a rule
/// here refuses everybody, and `AccessMatrixTests` fails; object-level checks inside a page go
/// through the API's own rules (``AccessCheck`` with the API route the page shows).
enum ConsolePolicy {
    enum Rule: Sendable, Equatable {
        /// Anyone: the sign-in pages and the stylesheet.
        case open
        /// Signed-in people of these roles.
        case roles(Set<Principal.Role>)
    }

    static let staff: Rule = .roles([.admin, .organiser, .liaison])
    static let everyone: Rule = .roles(Set(Principal.Role.allCases))

    /// Keyed by `METHOD /path` as the router spells it.
    static let pages: [String: Rule] = [
        "GET /": everyone,
        "GET /console.css": .open,
        "GET /login": .open,
        "POST /login": .open,
        "GET /login/code": .open,
        "POST /login/code": .open,
        "POST /login/code/verify": .open,
        "POST /logout": everyone,
        "GET /console.js": .open,
        "GET /favicon.ico": .open,
        "GET /language": .open,
        "GET /week": .roles([.admin, .organiser]),
        "POST /rosters/generate": .roles([.admin, .organiser]),
        "GET /jobs/{id}": .roles([.admin, .organiser]),
        "GET /jobs/{id}/progress": .roles([.admin, .organiser]),
        "GET /rosters/{id}": staff,
        "GET /unit": .roles([.admin, .liaison]),
        "POST /unit/import": .roles([.admin, .liaison]),
        "GET /events/{id}": staff,
        "GET /events/{id}/sheet": staff,
        "POST /events/{id}/groups": .roles([.admin, .organiser]),
        "POST /events/{id}/attendance": .roles([.admin, .organiser]),
        "POST /rosters/{id}/publish": .roles([.admin, .organiser]),
        "GET /plans": .roles([.admin, .organiser]),
        "POST /plans": .roles([.admin, .organiser]),
        "POST /plans/{id}/generate": .roles([.admin, .organiser]),
        "GET /facilities": .roles([.admin, .organiser]),
        "GET /facilities/{id}": .roles([.admin, .organiser]),
        "GET /facilities/{id}/timetable.svg": .roles([.admin, .organiser]),
        "POST /facilities/{id}/bookings": .roles([.admin, .organiser]),
        "GET /residents": .roles([.admin, .organiser]),
        "POST /residents": .roles([.admin, .organiser]),
        "GET /runs": .roles([.admin, .organiser]),
        "GET /outbox": .roles([.admin, .organiser]),
        "GET /admin/accounts": .roles([.admin]),
        "POST /admin/accounts": .roles([.admin]),
        "GET /admin/tokens": .roles([.admin]),
        "POST /admin/tokens": .roles([.admin]),
        "POST /admin/tokens/{id}/revoke": .roles([.admin]),
        "GET /admin/audit": .roles([.admin]),
        "GET /checkin/{id}": .roles([.volunteer]),
        "GET /checkin/{id}/{code}": .roles([.volunteer]),
        "POST /checkin/{id}": .roles([.volunteer]),
        "POST /events/{id}/hours/confirm": .roles([.admin, .organiser]),
        "GET /events/{id}/checkin-qr.svg": .roles([.admin, .organiser]),
        "GET /reports/pledges": staff,
        "GET /me/certificate": .roles([.volunteer]),
        // Anyone with a certificate's number: its totals, nothing personal (``CertificateRepository/verify(_:)``).
        "GET /verify/{number}": .open,
        // 民情速递站: the building's form and the tracking page, for residents without an account.
        "GET /intake/{code}": .open,
        "POST /intake/{code}": .open,
        "GET /track": .open,
        "GET /board/{id}": .open,
        "GET /requests": .roles([.admin, .organiser]),
        "POST /issues": .roles([.admin, .organiser]),
        "GET /issues/{id}": .roles([.admin, .organiser]),
        "POST /issues/{id}/transitions": .roles([.admin, .organiser]),
        "POST /issues/{id}/links": .roles([.admin, .organiser]),
        "GET /buildings/{id}/poster": .roles([.admin, .organiser]),
        "GET /me": .roles([.volunteer]),
        "POST /me/calendar": .roles([.volunteer]),
        "POST /me/calendar/stop": .roles([.volunteer]),
        "POST /me/assignments/{role}/confirm": .roles([.volunteer]),
        "POST /me/assignments/{role}/decline": .roles([.volunteer]),
    ]
}
