import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// Volunteer-service certificates (issue 18): the fields the record rules name, the ID number
/// never whole anywhere, numbers unique and sequential under concurrent requests, the same
/// record giving the same number, and a public check that shows nothing personal.
@Suite("Service certificates")
struct CertificateTests {
    /// A valid resident ID number (GB 11643 check character X).
    static let idNumber = "11010519491231002X"

    /// Signs the fixture's three volunteers in and out of the outing: 3.5, 2.5 and 3 hours.
    static func served(_ api: APIClient, _ f: ConsoleFixture) async throws -> String {
        let event = try await AttendanceTests.outing(api, f)
        let times = [("13:30", "17:00"), ("13:30", "16:00"), ("14:00", "17:00")]
        var entries: [[String: Any]] = []
        for (i, (from, to)) in times.enumerated() {
            entries.append(AttendanceTests.entry(f.volunteers[i], "sign_in", "\(f.day)T\(from)"))
            entries.append(AttendanceTests.entry(f.volunteers[i], "sign_out", "\(f.day)T\(to)"))
        }
        let r = try await api.post("/v1/events/\(event)/attendance", ["entries": entries])
        #expect(r.status == .ok, "\(r.text)")
        return event
    }

    @Test func theCertificateNamesWhatTheRulesAskAndMasksTheID() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            _ = try await Self.served(api, f)
            let a = f.volunteers[0]
            let bad = try await api.put("/v1/volunteers/\(a)/identity", ["id_type": "resident_id", "id_number": "110105194912310021"])
            #expect(bad.status == .unprocessableContent && bad.error["field"] as? String == "id_number", "a wrong check character: \(bad.text)")
            let set = try await api.put("/v1/volunteers/\(a)/identity", ["id_type": "resident_id", "id_number": Self.idNumber.lowercased(),
                                                                          "volunteer_number": "41010220190001"])
            #expect(set.status == .ok && set.string("id_number") == "**************002X", "\(set.text)")
            _ = try await api.database.execute("UPDATE communities SET contact_name = '李主任', contact_phone = '0371-67891234' WHERE id = '\(f.community)'")

            let year = String(f.day.prefix(4))
            let q = "from=\(year)-01-01&to=\(year)-12-31&issuer=community"
            let admin = try await api.get("/v1/volunteers/\(a)/certificate?\(q)")
            #expect(admin.status == .ok, "\(admin.text)")
            let number = try #require(admin.string("number"), "\(admin.text)")
            #expect(number.hasSuffix("-\(year)-00001"), "\(number)")
            let person = admin.json["volunteer"] as? [String: Any] ?? [:]
            #expect(person["name"] as? String == "王秀英" && person["id_number"] as? String == "**************002X"
                    && person["id_type"] as? String == "resident_id" && person["volunteer_number"] as? String == "41010220190001", "\(admin.text)")
            let services = admin.json["services"] as? [[String: Any]] ?? []
            #expect(services.count == 1 && services.first?["content"] as? String == "我陪老人看电影" && services.first?["place"] as? String == "上街区影剧院"
                    && services.first?["date"] as? String == f.day && services.first?["hours"] as? Double == 3.5, "\(admin.text)")
            let organisation = admin.json["organisation"] as? [String: Any] ?? [:]
            #expect(organisation["person_in_charge"] as? String == "李主任" && organisation["contact"] as? String == "0371-67891234", "\(admin.text)")
            #expect(admin.json["total_minutes"] as? Int == 210 && admin.string("issued_on") != nil)

            // The same record asked for again is the same certificate, in every format.
            let again = try await api.get("/v1/volunteers/\(a)/certificate?\(q)")
            #expect(again.string("number") == number)
            let csv = try await api.get("/v1/volunteers/\(a)/certificate?\(q)&format=csv")
            #expect(csv.status == .ok && csv.text.contains(number) && csv.text.contains("**************002X") && csv.text.contains("3.5"), "\(csv.text)")
            let page = try await api.get("/v1/volunteers/\(a)/certificate?\(q)&format=html")
            #expect(page.text.contains("志愿服务记录证明") && page.text.contains(number) && page.text.contains("/verify/\(number)"))
            for text in [admin.text, csv.text, page.text, set.text, try await api.get("/v1/volunteers/\(a)/identity").text,
                         try await api.get("/v1/audit?table=volunteer_identities").text] {
                #expect(!text.contains(Self.idNumber) && !text.contains("110105194912"), "the whole ID number never leaves")
            }
            #expect(try await api.database.count("SELECT count(*) FROM audit_log WHERE coalesce(after::text, '') || coalesce(before::text, '') LIKE '%110105194912%'") == 0)

            // The public check: totals and the issuer, nothing of the volunteer.
            let check = try await api.as(nil).get("/v1/certificates/\(number)")
            #expect(check.status == .ok && check.json["minutes"] as? Int == 210 && check.json["services"] as? Int == 1, "\(check.text)")
            for personal in ["王秀英", "002X", "139", "volunteer", "41010220190001"] { #expect(!check.text.contains(personal), "\(personal): \(check.text)") }
            #expect(try await api.as(nil).get("/v1/certificates/NOPE-2026-00001").status == .notFound)
            // The page the printed QR code opens, for people: the same facts in words.
            let words = try await api.as(nil).get("/verify/\(number)")
            #expect(words.status == .ok && words.text.contains("这份证明真实有效") && words.text.contains(number) && words.text.contains("3.5"), "\(words.text)")
            for personal in ["王秀英", "002X", "41010220190001"] { #expect(!words.text.contains(personal), "\(personal) on the public page") }
            #expect(try await api.as(nil).get("/verify/NOPE-2026-00001").status == .notFound)
        }
    }

    @Test func twentyConcurrentRequestsGetTwentyDistinctSequentialNumbers() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            _ = try await Self.served(api, f)
            let year = String(f.day.prefix(4))
            // Twenty different periods of three volunteers, and the same one asked for five times at once.
            let asks: [(String, String)] = (0..<20).map { i in (f.volunteers[i % 3], "from=\(year)-01-\(String(format: "%02d", i + 1))&to=\(year)-12-31&issuer=unit") }
                + (0..<5).map { _ in (f.volunteers[0], "from=\(year)-01-01&to=\(year)-12-30&issuer=unit") }
            let numbers = try await withThrowingTaskGroup(of: String?.self) { group in
                for (volunteer, q) in asks {
                    group.addTask { try await api.get("/v1/volunteers/\(volunteer)/certificate?\(q)").string("number") }
                }
                var all: [String?] = []
                for try await n in group { all.append(n) }
                return all.compactMap { $0 }
            }
            #expect(numbers.count == 25)
            let distinct = Set(numbers)
            #expect(distinct.count == 21, "20 periods and one more, asked five times: \(numbers.sorted())")
            let sequences = distinct.compactMap { Int($0.suffix(5)) }.sorted()
            #expect(sequences == Array(1...21), "sequential, no gaps: \(sequences)")
        }
    }

    @Test func scopesIssuersAndBadInput() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            _ = try await Self.served(api, f)
            let (a, b) = (f.volunteers[0], f.volunteers[1])
            let liaison = api.as(try await api.token(.liaison, unit: f.unit))
            let theirs = try await liaison.get("/v1/volunteers/\(a)/certificate?to=\(f.day)")
            #expect(theirs.status == .ok && (theirs.json["organisation"] as? [String: Any])?["kind"] as? String == "unit", "\(theirs.text)")
            let own = api.as(try await api.token(.volunteer, volunteer: a))
            #expect(try await own.get("/v1/volunteers/\(a)/certificate?to=\(f.day)").status == .ok)
            #expect(try await own.get("/v1/volunteers/\(b)/certificate").status == .notFound)
            #expect(try await own.get("/v1/volunteers/\(b)/identity").status == .notFound)
            let other = try await api.community("zhuzhai", name: "朱寨社区")
            let stranger = api.as(try await api.token(.organiser, community: other))
            #expect(try await stranger.get("/v1/volunteers/\(a)/certificate").status == .notFound)
            for (q, field) in [("format=pdf", "format"), ("from=2026-13-01", "from"), ("from=2026-12-01&to=2026-11-01", "to"), ("issuer=district", "issuer")] {
                let r = try await own.get("/v1/volunteers/\(a)/certificate?\(q)")
                #expect(r.status.code >= 400 && r.status.code < 500 && r.error["field"] as? String == field, "\(q): \(r.text)")
            }
            let nothing = try await own.get("/v1/volunteers/\(a)/certificate?from=2020-01-01&to=2020-12-31")
            #expect(nothing.status == .ok && nothing.json["number"] is NSNull, "no service, no number: \(nothing.text)")
            #expect(try await api.database.count("SELECT count(*) FROM certificates") == 1, "the liaison and the volunteer asked for the same record: one certificate")
            for (body, field) in [(["id_type": "passport", "id_number": "E1"] as [String: Any], "id_number"), (["id_type": "licence", "id_number": "E12345678"], "id_type"),
                                  (["id_type": "passport", "id_number": "E12345678", "volunteer_number": "no spaces"], "volunteer_number")] {
                let r = try await own.put("/v1/volunteers/\(a)/identity", body)
                #expect(r.status.code >= 400 && r.status.code < 500 && r.error["field"] as? String == field, "\(field): \(r.text)")
            }
            #expect(try await api.database.count("SELECT count(*) FROM volunteer_identities") == 0, "nothing written on a refusal")
        }
    }
}
