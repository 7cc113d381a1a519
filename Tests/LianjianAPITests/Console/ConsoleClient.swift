import Foundation
import Hummingbird
import HummingbirdTesting
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import NIOCore
import Testing

/// A browser's side of the console over the test client: it keeps cookies, reads the form
/// token out of each page and sends forms as a browser does.
struct ConsoleClient: Sendable {
    let api: APIClient
    var cookies: [String: String] = [:]

    init(_ api: APIClient) { self.api = api.as(nil) }

    /// `GET`, keeping the cookies it sets.
    mutating func get(_ uri: String) async throws -> Reply {
        let r = try await api.send(.get, uri, headers: cookieHeader())
        keep(r)
        return r
    }

    /// A form post with the given fields; `csrf` is added unless it is `nil`.
    mutating func post(_ uri: String, _ fields: [String: String], csrf: String?) async throws -> Reply {
        var all = fields
        if let csrf { all[ConsoleMiddleware.csrfField] = csrf }
        let body = all.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        var headers = cookieHeader()
        headers[.contentType] = "application/x-www-form-urlencoded"
        let r = try await api.send(.post, uri, body: body, headers: headers)
        keep(r)
        return r
    }

    /// A request with a body of its own type (an upload), keeping the cookies it sets.
    mutating func send(_ method: HTTPRequest.Method, _ uri: String, body: String, contentType: String) async throws -> Reply {
        var headers = cookieHeader()
        headers[.contentType] = contentType
        let r = try await api.send(method, uri, body: body, headers: headers)
        keep(r)
        return r
    }

    /// Signs in with a password through the form; the reply to the post.
    mutating func signIn(_ login: String, _ password: String) async throws -> Reply {
        let page = try await get("/login")
        return try await post("/login", ["login": login, "password": password], csrf: Self.csrf(in: page.text))
    }

    /// Signs a volunteer in with a code made as the CLI makes it.
    mutating func signIn(phone: String) async throws -> Reply {
        let code = ConsoleCodes.newCode()
        #expect(try await SignInCodeRepository(api.database).issue(phone: phone, code: code) == .sent)
        let page = try await get("/login/code")
        return try await post("/login/code/verify", ["phone": phone, "code": code], csrf: Self.csrf(in: page.text))
    }

    /// The form token in a page's first form.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: #"name="_csrf" value=""#) else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func setCookies(_ r: Reply) -> [String] { r.headers[values: .setCookie] }

    private func cookieHeader() -> HTTPFields {
        cookies.isEmpty ? [:] : [.cookie: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
    }

    private mutating func keep(_ r: Reply) {
        for line in Self.setCookies(r) {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2 else { continue }
            if line.contains("Max-Age=0") || pair[1].isEmpty { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
        }
    }

    static func encode(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "" }
}

/// A community with a clinic project, volunteers and a published roster a week from now.
struct ConsoleFixture {
    let community: String
    let unit: String
    let project: String
    let volunteers: [String]
    /// The event's date, `YYYY-MM-DD`.
    let day: String

    static let phones = ["13900000201", "13900000202", "13900000203"]

    static func make(_ api: APIClient, names: [String] = ["王秀英", "李建国", "张桂兰"]) async throws -> ConsoleFixture {
        let f = try await ClinicFixture.make(api)
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let day = LocalDate(Date().addingTimeInterval(7 * 86_400), in: zone)
        var volunteers: [String] = []
        for (i, name) in names.enumerated() {
            let v = try await api.post("/v1/volunteers", [
                "name": name, "phone": phones[i], "community_id": f.community, "unit_id": f.unit, "skills": [["skill": "companion"]],
                "availability": (1...7).map { ["weekday": $0, "start": "08:00", "end": "18:00"] },
            ])
            volunteers.append(try #require(v.string("id"), "\(v.text)"))
        }
        let e = try await api.post("/v1/events", ["project_id": f.project, "title": "我陪老人看电影", "venue": "上街区影剧院",
                                                  "start": "\(day)T13:30", "end": "\(day)T17:00", "roles": [["skill": "companion", "count": names.count]]])
        #expect(e.status == .created, "\(e.text)")
        let version = try await PublishTests.generate(api, f.community, from: day.description, to: day.description)
        #expect(try await api.post("/v1/rosters/\(version)/publish", [:]).status == .ok)
        return ConsoleFixture(community: f.community, unit: f.unit, project: f.project, volunteers: volunteers, day: day.description)
    }

    /// An account of `role` with `password`, scoped to the fixture's community or unit.
    func account(_ api: APIClient, _ login: String, _ role: Principal.Role, password: String = "a-good-password") async throws {
        let scope = Principal(tokenID: UUID(), role: role, community: role == .organiser ? Community.ID(community) : nil,
                              unit: role == .liaison ? PartnerUnit.ID(unit) : nil)
        _ = try await AccountRepository(api.database).create(login: login, displayName: "\(login) 的名字", passwordHash: try await Passwords.hash(password), scope: scope)
    }
}
