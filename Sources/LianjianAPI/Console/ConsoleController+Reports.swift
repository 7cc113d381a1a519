import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// The pledge report as a page (a liaison's unit, an organiser's community, the district for an
/// admin) with its printable and CSV forms, and a volunteer's own certificate (issue 18); both
/// through the API's own rules and code.
extension ConsoleController {
    func registerReports(on console: RouterGroup<AppContext>) {
        console.get("reports/pledges") { request, context in
            let caller = try context.caller
            try await check.authorize("GET /v1/reports/pledges", caller, id: nil, logger: context.logger)
            let controller = PledgeController(database: database)
            if request.uri.queryParameters.get("format") != nil { return try await controller.report(for: caller, request) }
            let report = try await controller.read(for: caller, request.uri.queryParameters)
            return pages.page("report", Self.reportValues(report), session: context.session)
        }
        // The public check a certificate's QR code opens: that it exists, and its totals.
        console.get("verify/:number") { _, context in
            let t = ConsoleText.strings(Language.current)
            let number = String((context.parameters.get("number") ?? "").prefix(80))
            do {
                let found = try await CertificateRepository(database).verify(number)
                return pages.page("verify", [
                    "found": true, "number": found.number, "issuer": found.issuer, "issued": found.issuedOn,
                    "period": "\(found.from) – \(found.to)", "services": "\(found.services)",
                    "hours": ConsoleText.fill(t["hours_value"], ["h": Self.hoursText(found.minutes)]),
                ], session: context.session)
            } catch let error as StoreError where error.code == .notFound {
                return pages.page("verify", ["found": false, "number": number], session: context.session, status: .notFound)
            }
        }
        console.get("me/certificate") { request, context in
            let caller = try context.caller
            guard let volunteer = caller.volunteer else { throw ConsoleRefusal.forbidden }
            try await check.authorize("GET /v1/volunteers/{id}/certificate", caller, id: volunteer.uuid.uuidString, logger: context.logger)
            return try await CertificateController(database: database, secure: secureCookies).certificate(volunteer, for: caller, request)
        }
    }

    static func reportValues(_ report: PledgeReport) -> [String: Any] {
        let t = ConsoleText.strings(Language.current)
        let h = ServiceCertificate.hours
        let lines = report.lines.map { l -> [String: Any] in
            var line: [String: Any] = [
                "project": l.project, "community": l.community, "unit": l.unit,
                "hours": "\(h(l.deliveredMinutes)) / \(h(l.pledgedMinutes))", "events": "\(l.eventsHeld) / \(l.eventsPledged)",
                "positions": "\(l.positionsFilled) / \(l.positionsRequired)", "no_shows": "\(l.noShows)",
                "short": l.shortfalls.map { t["short_\($0)"] ?? $0 }.joined(separator: "、"), "is_short": !l.shortfalls.isEmpty,
            ]
            if let o = l.outlook { line["outlook"] = "\(o.month) " + (o.fulfillable ? (t["outlook_fine"] ?? "") : "\(t["outlook_risk"] ?? "")：\(o.reason)") }
            line["at_risk"] = l.outlook.map { !$0.fulfillable } ?? false
            return line
        }
        let total = report.total
        return ["month": report.month, "scope_name": report.scopeName, "lines": lines, "none": lines.isEmpty,
                "total_hours": "\(h(total.deliveredMinutes)) / \(h(total.pledgedMinutes))", "total_events": "\(total.eventsHeld) / \(total.eventsPledged)",
                "total_positions": "\(total.positionsFilled) / \(total.positionsRequired)", "total_no_shows": "\(total.noShows)",
                "query": "month=\(report.month)"]
    }
}
