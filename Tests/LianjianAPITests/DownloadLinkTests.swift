import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Synchronization
import TestSupport
import Testing

/// A clock the tests move on instead of waiting.
final class TestClock: Sendable {
    private let time = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date { time.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { time.withLock { $0 += seconds } }
    var settings: DownloadLinks.Settings { .init(lifetimeSeconds: 600, now: { [self] in now }) }
}

/// Issue 15 #8: sheets, timetables and roster CSVs opened in a browser by a signed link.
@Suite("Download links")
struct DownloadLinkTests {
    /// A link to `path` made by `client`; `nil` when refused.
    static func link(_ client: APIClient, _ path: String) async throws -> String? {
        let r = try await client.post("/v1/downloads", ["path": path])
        return r.status == .created ? r.string("url") : nil
    }

    /// `url` with its link's `part` (0 token, 1 expiry, 2 MAC) changed by `change`.
    static func tamper(_ url: String, part: Int, _ change: (String) -> String) -> String {
        let (base, link) = (url.components(separatedBy: "link=")[0], url.components(separatedBy: "link=")[1])
        var parts = link.components(separatedBy: ".")
        parts[part] = change(parts[part])
        return base + "link=" + parts.joined(separator: ".")
    }

    @Test func aLinkOpensItsDownloadWithoutATokenUntilItExpires() async throws {
        let clock = TestClock()
        try await withAPI(downloads: clock.settings) { api in
            let f = try await AccessFixture.make(api)
            let organiser = api.as(f.tokens[.organiser]!)
            let sheet = "/v1/events/\(f.id(.event, "a"))/sheet"
            let made = try await organiser.post("/v1/downloads", ["path": sheet])
            #expect(made.status == .created, "\(made.text)")
            #expect(made.string("expires_at").flatMap { ISO8601DateFormatter().date(from: $0) } == Date(timeIntervalSince1970: 1_800_000_600))
            let url = made.string("url") ?? "-"
            #expect(url.hasPrefix("\(sheet)?link="))
            #expect(!url.contains("lj_"), "never a token in a URL")
            let opened = try await api.as(nil).get(url)
            #expect(opened.status == .ok, "\(opened.text)")
            #expect(opened.headers[.contentType] == "text/html; charset=utf-8")
            #expect(opened.text == (try await organiser.get(sheet)).text)
            // With their query, which the link covers: a printable timetable, an English CSV.
            let timetable = try await Self.link(organiser, "/v1/facilities/\(f.id(.facility, "a"))/timetable?date=2026-12-01&format=html") ?? "-"
            let page = try await api.as(nil).get(timetable)
            #expect(page.status == .ok && page.text.contains("<html"), "\(page.text.prefix(200))")
            let csv = try await api.as(nil).get(try await Self.link(organiser, "/v1/rosters/\(f.id(.roster, "a"))/csv?lang=en") ?? "-")
            #expect(csv.status == .ok && csv.text.hasPrefix("\u{FEFF}Date,"), "\(csv.text.prefix(200))")
            // Ten minutes, then no more.
            clock.advance(599)
            #expect(try await api.as(nil).get(url).status == .ok)
            clock.advance(2)
            let late = try await api.as(nil).get(url)
            #expect(late.status == .unauthorized)
            #expect(late.error["code"] as? String == "link_expired" && late.error["field"] as? String == "link")
        }
    }

    @Test func aLinkOpensOneResourceOnlyAndCannotBeAltered() async throws {
        try await withAPI { api in
            let f = try await AccessFixture.make(api)
            let organiser = api.as(f.tokens[.organiser]!)
            let url = try await Self.link(organiser, "/v1/rosters/\(f.id(.roster, "a"))/csv") ?? "-"
            let link = url.components(separatedBy: "?")[1]
            #expect(try await api.as(nil).get(url).status == .ok)
            let elsewhere = ["/v1/rosters/\(f.id(.roster, "b"))/csv?\(link)", "/v1/events/\(f.id(.event, "a"))/sheet?\(link)",
                             "/v1/rosters/\(f.id(.roster, "a"))/csv?lang=en&\(link)", "/v1/events/\(f.id(.event, "a"))?\(link)",
                             "/v1/rosters/\(f.id(.roster, "a"))?\(link)"]
            for other in elsewhere {
                #expect(try await api.as(nil).get(other).status == .unauthorized, "\(other)")
            }
            let admin = try await api.get("/v1/me").string("token_id")!
            let altered = [
                Self.tamper(url, part: 2) { mac in (mac.first == "A" ? "B" : "A") + mac.dropFirst() },
                Self.tamper(url, part: 2) { mac in String(mac.dropLast()) },
                Self.tamper(url, part: 1) { expiry in String(Int(expiry)! + 86_400) },
                Self.tamper(url, part: 0) { _ in admin },
                url.replacingOccurrences(of: "link=", with: "link=x"),
            ]
            for bad in altered {
                let r = try await api.as(nil).get(bad)
                #expect(r.status == .unauthorized && r.error["field"] as? String == "link", "\(bad): \(r.status)")
            }
        }
    }

    @Test func aLinkIsCheckedAsItsTokenWhenOpened() async throws {
        try await withAPI { api in
            let f = try await AccessFixture.make(api)
            // The liaison's link opens the liaison's view of the sheet, not an organiser's.
            let liaison = api.as(f.tokens[.liaison]!)
            let sheet = try await Self.link(liaison, "/v1/events/\(f.id(.event, "a"))/sheet") ?? "-"
            #expect(try await api.as(nil).get(sheet).text == (try await liaison.get("/v1/events/\(f.id(.event, "a"))/sheet")).text)
            // The project passes to another unit: the liaison's link stops with their access.
            let project = "/v1/projects/\(f.id(.project, "a"))"
            let moved = try await api.put(project, ["community_id": f.id(.community, "a"), "unit_id": f.id(.unit, "b"), "title": "项目",
                                                    "category": "legal", "signed_on": "2026-01-01"])
            #expect(moved.status == .ok, "\(moved.text)")
            #expect(try await api.as(nil).get(sheet).status == .notFound)
            // Revoking the token ends every link it made.
            let organiser = api.as(try await api.token(.organiser, community: f.id(.community, "a")))
            let csv = try await Self.link(organiser, "/v1/rosters/\(f.id(.roster, "a"))/csv") ?? "-"
            #expect(try await api.as(nil).get(csv).status == .ok)
            let id = try await organiser.get("/v1/me").string("token_id")!
            #expect(try await api.send(.delete, "/v1/tokens/\(id)").status == .ok)
            let revoked = try await api.as(nil).get(csv)
            #expect(revoked.status == .unauthorized && revoked.error["field"] as? String == "link", "\(revoked.text)")
        }
    }

    @Test func nobodyMakesALinkToWhatTheyCannotRead() async throws {
        try await withAPI { api in
            let f = try await AccessFixture.make(api)
            let refusals: [(Principal.Role, String)] = [
                (.volunteer, "/v1/events/\(f.id(.event, "a"))/sheet"), (.volunteer, "/v1/rosters/\(f.id(.roster, "a"))/csv"),
                (.liaison, "/v1/events/\(f.id(.event, "b"))/sheet"), (.liaison, "/v1/rosters/\(f.id(.roster, "b"))/csv"),
                (.organiser, "/v1/events/\(f.id(.event, "b"))/sheet"), (.organiser, "/v1/facilities/\(f.id(.facility, "b"))/timetable?date=2026-12-01"),
            ]
            for (role, path) in refusals {
                let r = try await api.as(f.tokens[role]!).post("/v1/downloads", ["path": path])
                #expect(r.status == .notFound, "\(role) \(path): \(r.status)")
                #expect(r.error["code"] as? String == "not_found")
            }
            // Only downloads, by their address alone.
            let organiser = api.as(f.tokens[.organiser]!)
            for path in ["/v1/rosters/\(f.id(.roster, "a"))/problem", "/v1/events/\(f.id(.event, "a"))", "https://example.org/v1/rosters/x/csv",
                         "/v1/rosters/\(f.id(.roster, "a"))/csv?link=x", "/v1/events//sheet", "/v1/events/\(f.id(.event, "a"))/sheet#top"] {
                let r = try await organiser.post("/v1/downloads", ["path": path])
                #expect(r.status == .unprocessableContent && r.error["field"] as? String == "path", "\(path): \(r.status)")
            }
            #expect(try await organiser.post("/v1/downloads", [:]).status == .badRequest)
            #expect(try await api.as(nil).post("/v1/downloads", ["path": "/v1/rosters/\(f.id(.roster, "a"))/csv"]).status == .unauthorized)
        }
    }

    @Test func serversShareTheStoredKeyAndAConfiguredKeyReplacesIt() async throws {
        try await TestDatabase.with { db in
            let clock = TestClock()
            let uri = DownloadLinks.Address("/v1/rosters/\(UUID().uuidString.lowercased())/csv?lang=en")
            let token = UUID()
            let first = DownloadLinks(database: db, settings: clock.settings)
            let second = DownloadLinks(database: db, settings: clock.settings)
            let (url, _) = try await first.sign(uri, by: token)
            let link = DownloadLinks.link(in: DownloadLinks.Address(url)) ?? "-"
            #expect(try await second.check(link, for: uri) == .valid(tokenID: token))
            // The query is part of what was signed.
            #expect(try await second.check(link, for: DownloadLinks.Address(uri.path + "?lang=zh")) == .invalid)
            var configured = clock.settings
            configured.key = String(repeating: "k", count: 32)
            #expect(try await DownloadLinks(database: db, settings: configured).check(link, for: uri) == .invalid)
            // One key, made once; the audit log says so without holding it.
            #expect(try await db.count("SELECT count(*) FROM download_keys") == 1)
            #expect(try await db.count("SELECT count(*) FROM audit_log WHERE table_name = 'download_keys' AND NOT after ? 'signing_key'") == 1)
        }
    }
}
