import Foundation
import Hummingbird
import LianjianDomain
import LianjianSettings
import LianjianStore
import Logging
import Prometheus
import ServiceLifecycle

/// Builds the HTTP server: the router with every endpoint, as a service to run beside the database.
public func buildServer(settings: AppSettings, database: Database, logger: Logger) -> any Service {
    Application(
        router: buildRouter(database: database, requestsPerSecond: settings.requestsPerSecond, burst: settings.burst,
                            language: Language(rawValue: settings.locale) ?? .chinese, zone: settings.zone,
                            downloads: .init(key: settings.downloadKey, lifetimeSeconds: settings.downloadLinkSeconds),
                            secureCookies: settings.behindTLS, roundingMinutes: settings.roundingMinutes,
                            boardDays: settings.boardDays, signInWindowMinutes: settings.signInWindowMinutes),
        configuration: .init(address: .hostname(settings.httpHost, port: settings.httpPort), serverName: "lianjian"),
        logger: logger)
}

/// The router: `/health`, `/metrics`, `/openapi.yaml` and the `/v1` API; `downloads` says how
/// download links are signed and how long they work; `metrics` is the registry `/metrics` writes
/// out (``Telemetry/bootstrap()`` sends swift-metrics there).
public func buildRouter(database: Database, requestsPerSecond: Int = 20, burst: Int = 100,
                        language: Language = .chinese, zone: TimeZone = DisplayZone.standard,
                        downloads: DownloadLinks.Settings = .init(),
                        metrics: PrometheusCollectorRegistry = Telemetry.registry, secureCookies: Bool = false,
                        consoleSolveSeconds: Double = 8, roundingMinutes: Int = 30, boardDays: Int = 7,
                        signInWindowMinutes: Int = 120) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    // Outermost, so that error messages are written in the reader's language too.
    router.add(middleware: LocaleMiddleware(language: language, zone: zone))
    // Outside the error middleware, so that a refusal is counted with the status it answered.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: QueryCheckMiddleware())
    let check = AccessCheck(owners: OwnerRepository(database))
    let links = DownloadLinks(database: database, settings: downloads)
    // Before every route, so an endpoint added later is closed until it has an access rule.
    router.add(middleware: AccessMiddleware(
        tokens: TokenRepository(database), check: check, links: links,
        limiter: RateLimiter(perSecond: requestsPerSecond, burst: burst)))
    // After access: the key is per caller, and a refused caller never claims one.
    router.add(middleware: IdempotencyMiddleware(store: IdempotencyRepository(database)))
    HealthController(database: database).register(on: router)
    MetricsController(database: database, registry: metrics).register(on: router)
    let v1 = router.group("v1")
    RegistryController(database: database).register(on: v1)
    ImportController(database: database).register(on: v1)
    FacilityController(database: database).register(on: v1)
    AccessController(database: database).register(on: v1)
    EventController(database: database).register(on: v1)
    AttendanceController(database: database, rounding: roundingMinutes, window: signInWindowMinutes).register(on: v1)
    CheckInController(database: database, rounding: roundingMinutes, window: signInWindowMinutes, secure: secureCookies).register(on: v1)
    CertificateController(database: database, secure: secureCookies).register(on: v1)
    PledgeController(database: database).register(on: v1)
    RequestController(database: database, secure: secureCookies).register(on: v1)
    IssueController(database: database, boardDays: boardDays).register(on: v1)
    RosterController(database: database).register(on: v1)
    JobController(database: database).register(on: v1)
    NightlyController(database: database).register(on: v1)
    NotificationController(database: database).register(on: v1)
    ExportController(database: database, secure: secureCookies, window: signInWindowMinutes).register(on: v1)
    HolidayController(database: database).register(on: v1)
    DownloadController(check: check, links: links).register(on: v1)
    ConsoleController(database: database, check: check, pages: .bundled, secureCookies: secureCookies, solveSeconds: consoleSolveSeconds,
                      rounding: roundingMinutes, window: signInWindowMinutes, boardDays: boardDays)
        .register(on: router, limiter: RateLimiter(perSecond: requestsPerSecond, burst: burst))
    return router
}

/// The routes of a router as `METHOD /path` lines, for the OpenAPI consistency test; the
/// console's pages (``ConsolePolicy``) are left out unless `console` is set.
public func routeList(_ router: Router<AppContext>, console: Bool = false) -> [String] {
    router.routes.map { "\($0.method.rawValue) \($0.path)" }.filter { console || ConsolePolicy.pages[$0] == nil }
}
