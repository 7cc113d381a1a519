import Foundation
import Hummingbird
import LianjianDomain
import LianjianStore

/// Signing in: staff with a login and password (five wrong passwords lock the account for a
/// quarter of an hour), volunteers with their phone number and a code sent to it; twenty
/// failures from one address in a quarter of an hour stop that address for a while.
extension ConsoleController {
    static let addressLimit = 20
    static let addressWindow: Duration = .seconds(15 * 60)

    func registerSignIn(on console: RouterGroup<AppContext>) {
        console.get("login") { request, context in
            signInPage("login", ["next": request.uri.queryParameters.get("next") ?? ""], request: request, context: context)
        }
        console.post("login") { request, context in
            let form = try await Form.read(request)
            let login = form["login"].trimmingCharacters(in: .whitespaces)
            let values: [String: Any] = ["login": login, "next": form["next"]]
            if let refusal = try await signIn(login: login, password: form["password"], address: context.remoteAddress) {
                return signInPage("login", values.merging(["error": refusal]) { $1 }, request: request, context: context, status: .unauthorized)
            }
            guard let account = try await AccountRepository(database).forSignIn(login: login)?.0 else { throw ConsoleRefusal.signedOut }
            let (_, secret) = try await SessionRepository(database).open(account: account.id)
            return signedIn(secret, next: form["next"])
        }
        console.get("login/code") { request, context in
            signInPage("code", ["next": request.uri.queryParameters.get("next") ?? ""], request: request, context: context)
        }
        console.post("login/code") { request, context in
            let form = try await Form.read(request)
            let t = ConsoleText.strings(Language.current)
            guard let phone = PhoneNumber.normalised(form["phone"]), PhoneNumber.isValid(phone) else {
                return signInPage("code", ["error": t["wrong_code"] ?? "", "phone": form["phone"], "next": form["next"]], request: request, context: context,
                                  status: .unprocessableContent)
            }
            if try await addressLimited(context.remoteAddress) {
                return signInPage("code", ["error": t["address_limited"] ?? ""], request: request, context: context, status: .tooManyRequests)
            }
            // The same answer whether or not the number is a volunteer's, so the form tells nobody who is.
            _ = try await SignInCodeRepository(database).issue(phone: phone, code: ConsoleCodes.newCode())
            return signInPage("code", ["phone": phone, "sent": true, "notice": t["unknown_phone"] ?? "", "next": form["next"]], request: request,
                              context: context)
        }
        console.post("login/code/verify") { request, context in
            let form = try await Form.read(request)
            let t = ConsoleText.strings(Language.current)
            let phone = PhoneNumber.normalised(form["phone"]) ?? ""
            let codes = SignInCodeRepository(database)
            if try await addressLimited(context.remoteAddress) {
                return signInPage("code", ["error": t["address_limited"] ?? ""], request: request, context: context, status: .tooManyRequests)
            }
            let code = form["code"].filter(\.isNumber)
            guard code.count == 6, let volunteer = try await codes.redeem(phone: phone, code: code) else {
                try await codes.recordFailure(address: context.remoteAddress)
                return signInPage("code", ["phone": phone, "sent": true, "error": t["wrong_code"] ?? "", "next": form["next"]], request: request,
                                  context: context, status: .unauthorized)
            }
            let (_, secret) = try await SessionRepository(database).open(volunteer: volunteer)
            // Back to the page that asked for the sign-in (an event's check-in), or the volunteer's own.
            return signedIn(secret, next: form["next"].hasPrefix("/checkin/") ? form["next"] : "/me")
        }
        console.post("logout") { request, _ in
            if let secret = request.cookies[ConsoleMiddleware.sessionCookie]?.value { try await SessionRepository(database).close(secret: secret) }
            var response = ConsolePages.redirect("/login")
            response.setCookie(sessionCookie("", maxAge: 0))
            return response
        }
    }

    /// Checks a password; the refusal's words when it does not sign in, `nil` when it does.
    func signIn(login: String, password: String, address: String) async throws -> String? {
        let t = ConsoleText.strings(Language.current)
        let accounts = AccountRepository(database), failures = SignInCodeRepository(database)
        if try await addressLimited(address) { return t["address_limited"] }
        guard let (account, hash) = try await accounts.forSignIn(login: login), account.disabledAt == nil else {
            _ = try await Passwords.verify(password, hash: Passwords.decoy)
            try await failures.recordFailure(address: address)
            return t["wrong_password"]
        }
        if let until = account.lockedUntil, until > Date() {
            try await failures.recordFailure(address: address)
            return lockedText(until)
        }
        guard try await Passwords.verify(password, hash: hash) else {
            try await failures.recordFailure(address: address)
            if let until = try await accounts.recordFailure(account.id) { return lockedText(until) }
            return t["wrong_password"]
        }
        try await accounts.recordSuccess(account.id)
        return nil
    }

    func addressLimited(_ address: String) async throws -> Bool {
        try await SignInCodeRepository(database).failures(address: address, within: Self.addressWindow) >= Self.addressLimit
    }

    private func lockedText(_ until: Date) -> String {
        // `14:05` on a 24-hour clock in the display zone, whatever the server's locale.
        let time = String(WeekView.hours(until, until, DisplayZone.current).prefix(5))
        return (ConsoleText.strings(Language.current)["locked"] ?? "").replacingOccurrences(of: "{until}", with: time)
    }

    /// A sign-in form with its form token: the session's, or a cookie's made for it.
    private func signInPage(_ template: String, _ values: [String: Any], request: Request, context: AppContext,
                            status: HTTPResponse.Status = .ok) -> Response {
        let token = context.session?.csrfToken ?? request.cookies[ConsoleMiddleware.formCookie]?.value ?? SessionRepository.randomText(bytes: 32)
        var response = pages.page(template, values.merging(["csrf": token]) { $1 }, session: nil, status: status)
        if context.session == nil {
            response.setCookie(Cookie(name: ConsoleMiddleware.formCookie, value: token, path: "/login", secure: secureCookies, httpOnly: true, sameSite: .strict))
        }
        return response
    }

    /// Sets the session cookie and goes on to `next` when it is a page of this site.
    private func signedIn(_ secret: String, next: String) -> Response {
        let local = next.hasPrefix("/") && !next.hasPrefix("//") && !next.contains("\\") && !next.hasPrefix("/login")
        var response = ConsolePages.redirect(local ? next : "/")
        response.setCookie(sessionCookie(secret, maxAge: Int(SessionRepository.lifetime.components.seconds)))
        return response
    }
}

/// Volunteers' one-time sign-in codes.
public enum ConsoleCodes {
    /// Six random digits.
    public static func newCode() -> String {
        var rng = SystemRandomNumberGenerator()
        return String(format: "%06d", Int.random(in: 0..<1_000_000, using: &rng))
    }
}

/// The fields of a collected `application/x-www-form-urlencoded` body; a missing field is "".
struct Form {
    let body: String
    /// The body ``ConsoleMiddleware`` collected (so reading it again costs nothing).
    static func read(_ request: Request) async throws -> Form {
        var request = request
        return Form(body: String(buffer: try await request.collectBody(upTo: ConsoleMiddleware.maxForm)))
    }
    subscript(_ name: String) -> String { ConsoleMiddleware.field(name, in: body) ?? "" }
    /// Every value of a field that repeats (a group of checkboxes).
    func all(_ name: String) -> [String] { ConsoleMiddleware.fields(name, in: body) }
}
