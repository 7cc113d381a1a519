import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// The residents' side of 民情速递站 (issue 19), no sign-in: the form a building's poster opens
/// (`/intake/{code}`, the API's own limits and checks), its confirmation with the tracking
/// number, and `/track` for the status.
extension ConsoleController {
    func registerIntake(on console: RouterGroup<AppContext>) {
        console.get("intake/:code") { request, context in
            try await intakePage(request, context, [:])
        }
        console.post("intake/:code") { request, context in
            let form = try await Form.read(request)
            let ask = RequestController.Intake(category: form["category"], text: form["text"], place: form["place"],
                                               residentName: form["resident_name"], residentPhone: form["resident_phone"], website: form["website"])
            do {
                let received = try await RequestController.intake(database, code: String((context.parameters.get("code") ?? "").prefix(20)), ask,
                                                                  address: context.remoteAddress)
                return pages.page("intake", ["done": true, "tracking": received.tracking], session: context.session, status: .created)
            } catch let error as StoreError where error.code == .invalid {
                return try await intakePage(request, context, ["error": Messages.localise(error.message, to: Language.current), "field": error.field ?? "",
                                                      "text": form["text"], "place": form["place"], "resident_name": form["resident_name"],
                                                      "resident_phone": form["resident_phone"], "chosen": form["category"]], status: .unprocessableContent)
            } catch let error as APIError where error.status == .tooManyRequests {
                return try await intakePage(request, context, ["error": Messages.localise(error.message, to: Language.current)], status: .tooManyRequests)
            }
        }
        console.get("track") { request, context in
            let t = ConsoleText.strings(Language.current)
            guard let typed = request.uri.queryParameters.get("number") else { return pages.page("track", [:], session: context.session) }
            guard let number = ResidentRequest.tracking(typed), let found = try? await RequestRepository(database).track(number) else {
                return pages.page("track", ["error": t["track_unknown"] ?? "", "number": typed], session: context.session, status: .notFound)
            }
            let state = IssueState(rawValue: found.state)
            return pages.page("track", ["found": true, "number": found.tracking, "category": found.category, "received": found.receivedOn,
                                        "updated": found.updatedOn,
                                        "state": Language.current == .english ? (state?.english ?? found.state) : (state?.chinese ?? found.state)],
                              session: context.session)
        }
    }

    /// The form, with a form token of its own for a resident without a session (as the sign-in pages have).
    private func intakePage(_ request: Request, _ context: AppContext, _ extra: [String: Any], status: HTTPResponse.Status = .ok) async throws -> Response {
        let requests = RequestRepository(database)
        let building = try await requests.building(code: String((context.parameters.get("code") ?? "").prefix(20)))
        let chosen = extra["chosen"] as? String
        let categories = try await requests.categories().map { c -> [String: Any] in
            ["code": c.code, "name": Language.current == .english ? c.english : c.chinese, "selected": c.code == chosen]
        }
        var values: [String: Any] = ["code": building.code, "community": building.community, "estate": building.estate,
                                     "building": building.name, "categories": categories]
        values.merge(extra) { _, new in new }
        let token = context.session?.csrfToken ?? request.cookies[ConsoleMiddleware.formCookie]?.value ?? SessionRepository.randomText(bytes: 32)
        values["csrf"] = token
        var response = pages.page("intake", values, session: context.session, status: status)
        if context.session == nil {
            response.setCookie(Cookie(name: ConsoleMiddleware.formCookie, value: token, path: "/intake", secure: secureCookies, httpOnly: true,
                                      sameSite: .strict))
        }
        return response
    }
}
