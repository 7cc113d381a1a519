import LianjianDomain
import LianjianStore

/// Who may call each endpoint. Every route must have a rule here: a route without one refuses
/// everybody, and `AccessMatrixTests` fails, so a new endpoint cannot be open by accident.
enum AccessPolicy {
    /// For one role: may it call the endpoint for any object, only for objects it owns, or also
    /// for objects it serves (an organiser reading a volunteer rostered in their community)?
    enum Reach: Sendable { case any, own, ownOrServed }

    struct Rule: Sendable {
        /// The roles allowed, and how far.
        var roles: [Principal.Role: Reach]
        /// What the path's `{id}` names, for `.own` checks.
        var object: OwnerRepository.Kind?
    }

    /// Routes without a token. `/metrics` carries counts and route templates, no personal data
    /// (keep it off the public side of a reverse proxy all the same). A calendar feed is fetched by calendar apps, which cannot send
    /// headers: its URL carries a read-only feed key of its own (never an API token).
    static let publicRoutes: Set<String> = ["GET /health", "GET /metrics", "GET /openapi.yaml", "GET /v1/calendar/{key}",
                                             // A certificate's public check: its totals, nothing personal.
                                             "GET /v1/certificates/{number}",
                                             // 民情速递站: the building's form (limited per address), a tracking number's status only,
                                             // and the community's public board (no personal data on it).
                                             "POST /v1/intake/{code}", "GET /v1/requests/track/{number}", "GET /v1/communities/{id}/board"]

    /// Routes a browser may open by a signed link instead of a token (``DownloadLinks``): the
    /// link is checked as its token, against the route's rule below, when it is opened.
    static let downloads: Set<String> = ["GET /v1/events/{id}/sheet", "GET /v1/facilities/{id}/timetable", "GET /v1/rosters/{id}/csv"]

    private static func rule(_ object: OwnerRepository.Kind?, _ roles: [Principal.Role: Reach]) -> Rule {
        Rule(roles: roles, object: object)
    }

    static let adminOnly: [Principal.Role: Reach] = [.admin: .any]
    static let community: [Principal.Role: Reach] = [.admin: .any, .organiser: .own]
    static let communityOrUnitDirectory: [Principal.Role: Reach] = [.admin: .any, .organiser: .own, .liaison: .any]
    static let everyone: [Principal.Role: Reach] = [.admin: .any, .organiser: .any, .liaison: .any, .volunteer: .any]
    static let scopedLists: [Principal.Role: Reach] = [.admin: .any, .organiser: .any, .liaison: .any]
    /// The two sides of a joint project: its community's organisers and its unit's liaison.
    static let partners: [Principal.Role: Reach] = [.admin: .any, .organiser: .own, .liaison: .own]
    /// A roster: its community's organisers, and the liaisons of the units whose events it staffs.
    static let roster: [Principal.Role: Reach] = [.admin: .any, .organiser: .own, .liaison: .ownOrServed]

    /// Keyed by `METHOD /path` as the router spells it.
    static let rules: [String: Rule] = [
        "GET /v1/me": rule(nil, everyone),
        "GET /v1/skills": rule(nil, everyone),
        "GET /v1/holidays": rule(nil, everyone),
        "PUT /v1/holidays/{year}": rule(nil, adminOnly),
        "GET /v1/communities": rule(nil, scopedLists),
        "POST /v1/communities": rule(nil, adminOnly),
        "GET /v1/communities/{id}": rule(.community, community),
        "PUT /v1/communities/{id}": rule(.community, community),
        "GET /v1/communities/{id}/estates": rule(.community, community),
        "POST /v1/communities/{id}/estates": rule(.community, community),
        "GET /v1/units": rule(nil, scopedLists),
        "POST /v1/units": rule(nil, adminOnly),
        "GET /v1/units/{id}": rule(.unit, [.admin: .any, .organiser: .any, .liaison: .own]),
        "PUT /v1/units/{id}": rule(.unit, [.admin: .any, .liaison: .own]),
        "POST /v1/units/{id}/volunteers/import": rule(.unit, [.admin: .any, .liaison: .own]),
        "GET /v1/projects": rule(nil, scopedLists),
        "POST /v1/projects": rule(nil, scopedLists),
        "GET /v1/projects/{id}": rule(.project, [.admin: .any, .organiser: .own, .liaison: .own]),
        "PUT /v1/projects/{id}": rule(.project, [.admin: .any, .organiser: .own, .liaison: .own]),
        "GET /v1/volunteers": rule(nil, scopedLists),
        "POST /v1/volunteers": rule(nil, scopedLists),
        "GET /v1/volunteers/{id}": rule(.volunteer, [.admin: .any, .organiser: .ownOrServed, .liaison: .own, .volunteer: .own]),
        "PUT /v1/volunteers/{id}": rule(.volunteer, [.admin: .any, .organiser: .own, .liaison: .own, .volunteer: .own]),
        "GET /v1/communities/{id}/facilities": rule(.community, communityOrUnitDirectory),
        "POST /v1/communities/{id}/facilities": rule(.community, community),
        "GET /v1/facilities/{id}": rule(.facility, communityOrUnitDirectory),
        "GET /v1/facilities/{id}/windows": rule(.facility, communityOrUnitDirectory),
        "POST /v1/facilities/{id}/windows": rule(.facility, community),
        "POST /v1/facilities/{id}/bookings": rule(.facility, communityOrUnitDirectory),
        "GET /v1/facilities/{id}/timetable": rule(.facility, communityOrUnitDirectory),
        "POST /v1/facilities/{id}/layout": rule(.facility, community),
        "GET /v1/bookings/{id}": rule(.booking, [.admin: .any, .organiser: .own, .liaison: .own]),
        "DELETE /v1/bookings/{id}": rule(.booking, [.admin: .any, .organiser: .own, .liaison: .own]),
        "PUT /v1/bookings/{id}/bays": rule(.booking, community),
        "POST /v1/projects/{id}/plans": rule(.project, [.admin: .any, .organiser: .own, .liaison: .own]),
        "GET /v1/projects/{id}/plans": rule(.project, [.admin: .any, .organiser: .own, .liaison: .own]),
        "POST /v1/plans/{id}/generate": rule(.plan, community),
        "POST /v1/events": rule(nil, [.admin: .any, .organiser: .any]),
        "GET /v1/communities/{id}/events": rule(.community, community),
        "GET /v1/projects/{id}/events": rule(.project, partners),
        "GET /v1/events/{id}": rule(.event, partners),
        "PUT /v1/events/{id}": rule(.event, community),
        "POST /v1/events/{id}/cancel": rule(.event, community),
        "GET /v1/events/{id}/participants": rule(.event, community),
        "POST /v1/events/{id}/participants": rule(.event, community),
        "DELETE /v1/events/{id}/participants/{resident}": rule(.event, community),
        "GET /v1/events/{id}/attendance": rule(.event, community),
        "POST /v1/events/{id}/attendance": rule(.event, community),
        // A correction is the recording organisation's: the volunteer's own or a served community's organiser.
        "POST /v1/volunteers/{id}/hours/corrections": rule(.volunteer, [.admin: .any, .organiser: .ownOrServed]),
        "GET /v1/volunteers/{id}/hours": rule(.volunteer, [.admin: .any, .organiser: .ownOrServed, .liaison: .own, .volunteer: .own]),
        "GET /v1/events/{id}/checkin-code": rule(.event, community),
        "POST /v1/events/{id}/checkin-code": rule(.event, community),
        // The QR code is printed on the sheet, which both partners read.
        "GET /v1/events/{id}/checkin-qr": rule(.event, partners),
        // A volunteer signs themselves in; the code and the roster decide (``CheckInRepository``).
        "POST /v1/events/{id}/checkin": rule(nil, [.volunteer: .any]),
        "GET /v1/events/{id}/hours": rule(.event, community),
        "POST /v1/events/{id}/hours/confirm": rule(.event, community),
        "POST /v1/events/{id}/hours/disputes": rule(nil, [.volunteer: .any]),
        "GET /v1/volunteers/{id}/identity": rule(.volunteer, [.admin: .any, .organiser: .own, .liaison: .own, .volunteer: .own]),
        "PUT /v1/volunteers/{id}/identity": rule(.volunteer, [.admin: .any, .organiser: .own, .liaison: .own, .volunteer: .own]),
        // The issuer is the caller's own organisation (``CertificateController/issuer(for:_:asked:)``).
        "GET /v1/volunteers/{id}/certificate": rule(.volunteer, [.admin: .any, .organiser: .ownOrServed, .liaison: .own, .volunteer: .own]),
        "GET /v1/projects/{id}/pledges": rule(.project, partners),
        "POST /v1/projects/{id}/pledges": rule(.project, partners),
        // Narrowed to the liaison's unit or the organiser's community by the handler.
        "GET /v1/reports/pledges": rule(nil, scopedLists),
        "GET /v1/communities/{id}/requests": rule(.community, community),
        "POST /v1/communities/{id}/requests": rule(.community, community),
        "GET /v1/communities/{id}/buildings": rule(.community, community),
        "GET /v1/buildings/{id}/poster": rule(.building, community),
        "GET /v1/communities/{id}/issues": rule(.community, community),
        "GET /v1/communities/{id}/issues/suggestions": rule(.community, community),
        "POST /v1/communities/{id}/issues": rule(.community, community),
        "GET /v1/issues/{id}": rule(.issue, community),
        "POST /v1/issues/{id}/transitions": rule(.issue, community),
        "POST /v1/issues/{id}/requests": rule(.issue, community),
        "DELETE /v1/issues/{id}/requests/{request}": rule(.issue, community),
        "POST /v1/issues/{id}/links": rule(.issue, community),
        // What a project or a facility answers: its partners read it (no resident's data in an issue).
        "GET /v1/projects/{id}/issues": rule(.project, partners),
        "GET /v1/facilities/{id}/issues": rule(.facility, communityOrUnitDirectory),
        // Narrowed to the organiser's own community by the handler.
        "GET /v1/reports/requests": rule(nil, [.admin: .any, .organiser: .any]),
        "GET /v1/communities/{id}/residents": rule(.community, community),
        "POST /v1/communities/{id}/residents": rule(.community, community),
        "POST /v1/rosters/generate": rule(nil, [.admin: .any, .organiser: .any]),
        "GET /v1/rosters/{id}": rule(.roster, roster),
        "GET /v1/rosters/{id}/problem": rule(.roster, community),
        "GET /v1/rosters/{id}/roster": rule(.roster, community),
        "POST /v1/rosters/{id}/publish": rule(.roster, community),
        "POST /v1/rosters/{id}/edits": rule(.roster, community),
        "GET /v1/jobs/{id}": rule(.job, community),
        // The night is district-wide; why a run failed is shown to admins only (``NightlyController``).
        "GET /v1/runs": rule(nil, [.admin: .any, .organiser: .any]),
        "GET /v1/runs/{id}": rule(nil, [.admin: .any, .organiser: .any]),
        // Narrowed to the organiser's own community by the handler; phones masked for all.
        "GET /v1/notifications": rule(nil, [.admin: .any, .organiser: .any]),
        // Narrowed to the organiser's own community by the handler.
        "GET /v1/rosters": rule(nil, [.admin: .any, .organiser: .any]),
        "GET /v1/communities/{id}/roster": rule(.community, community),
        "GET /v1/volunteers/{id}/assignments": rule(.volunteer, [.admin: .any, .organiser: .ownOrServed, .liaison: .own, .volunteer: .own]),
        "POST /v1/volunteers/{id}/assignments/{role}/confirm": rule(.volunteer, [.admin: .any, .organiser: .ownOrServed, .volunteer: .own]),
        "POST /v1/volunteers/{id}/assignments/{role}/decline": rule(.volunteer, [.admin: .any, .organiser: .ownOrServed, .volunteer: .own]),
        "GET /v1/rosters/{id}/csv": rule(.roster, roster),
        "GET /v1/volunteers/{id}/calendar.ics": rule(.volunteer, [.admin: .any, .organiser: .own, .liaison: .own, .volunteer: .own]),
        "POST /v1/volunteers/{id}/calendar-key": rule(.volunteer, [.admin: .any, .organiser: .own, .liaison: .own, .volunteer: .own]),
        "DELETE /v1/volunteers/{id}/calendar-key": rule(.volunteer, [.admin: .any, .organiser: .own, .liaison: .own, .volunteer: .own]),
        "POST /v1/events/{id}/groups": rule(.event, community),
        // The liaison's sheet masks the residents (``EventSheet/shown(to:residentsOf:)``).
        "GET /v1/events/{id}/sheet": rule(.event, partners),
        // Everyone; the route the link opens decides (``AccessCheck`` on it as the caller).
        "POST /v1/downloads": rule(nil, everyone),
        "GET /v1/tokens": rule(nil, adminOnly),
        "POST /v1/tokens": rule(nil, adminOnly),
        "DELETE /v1/tokens/{id}": rule(.token, adminOnly),
        "GET /v1/audit": rule(nil, adminOnly),
    ]
}
