import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// Volunteers checking themselves in with an event's code (issue 18): a right code signs in
/// and then out, every wrong one (mistyped, replaced, expired, too early, not rostered) is a 4xx
/// naming its field with nothing written; the QR code on the sheet decodes to the check-in
/// address; confirmed hours are final, and disputes come before that.
@Suite("Check-in codes, confirmation and disputes")
struct CheckInTests {
    /// The fixture's outing moved to `startOffset` seconds from now, for `hours` hours.
    static func outingNow(_ api: APIClient, _ f: ConsoleFixture, startOffset: Int = -1800, hours: Int = 3) async throws -> String {
        let event = try await AttendanceTests.outing(api, f)
        try await api.database.execute("""
            UPDATE events SET starts_at = now() + interval '\(startOffset) seconds',
                ends_at = now() + interval '\(startOffset) seconds' + interval '\(hours) hours' WHERE id = '\(event)'
            """)
        return event
    }

    @Test func aVolunteerSignsInAndOutWithTheCode() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outingNow(api, f)
            let code = try await api.get("/v1/events/\(event)/checkin-code")
            #expect(code.status == .ok, "\(code.text)")
            let typed = try #require(code.string("code"))
            #expect(typed.count == 6 && (code.string("url") ?? "").hasSuffix("/checkin/\(event)/\(typed)"), "\(code.text)")
            #expect(try await api.get("/v1/events/\(event)/checkin-code").string("code") == typed, "asking again gives the same code")

            let me = api.as(try await api.token(.volunteer, volunteer: f.volunteers[0]))
            // Typed as people type it off a sheet: lower case, with a space.
            let sloppy = typed.prefix(3).lowercased() + " " + typed.dropFirst(3).lowercased()
            let signIn = try await me.post("/v1/events/\(event)/checkin", ["code": sloppy])
            #expect(signIn.status == .ok && signIn.string("status") == "present" && signIn.json["signed_out_at"] is NSNull, "\(signIn.text)")
            let signOut = try await me.post("/v1/events/\(event)/checkin", ["code": typed])
            #expect(signOut.status == .ok && signOut.string("signed_out_at") != nil, "the second check-in signs out: \(signOut.text)")
            let again = try await me.post("/v1/events/\(event)/checkin", ["code": typed, "action": "sign_in"])
            #expect(again.status == .conflict && again.error["field"] as? String == "action", "\(again.text)")
            #expect(try await api.database.count("SELECT count(*) FROM service_hours WHERE kind = 'credit'") == 1)
        }
    }

    @Test func everyWrongCheckInNamesItsFieldAndWritesNothing() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outingNow(api, f)
            let old = try #require(try await api.get("/v1/events/\(event)/checkin-code").string("code"))
            let renewed = try await api.post("/v1/events/\(event)/checkin-code", [:])
            let code = try #require(renewed.string("code"), "\(renewed.text)")
            #expect(renewed.status == .created && code != old)
            let me = api.as(try await api.token(.volunteer, volunteer: f.volunteers[0]))
            let stranger = try await api.post("/v1/volunteers", ["name": "赵国强", "phone": "13900000288", "community_id": f.community,
                                                                 "skills": [["skill": "companion"]]])
            let outsider = api.as(try await api.token(.volunteer, volunteer: try #require(stranger.string("id"))))
            let cases: [(APIClient, [String: Any], String)] = [
                (me, ["code": "ABCDEF"], "code"),
                (me, ["code": old], "code"),
                (me, ["code": "12"], "code"),
                (me, ["code": code, "action": "no_show"], "action"),
                (outsider, ["code": code], "volunteer_id"),
                (outsider, ["code": code, "role_id": UUID().uuidString.lowercased()], "role_id"),
            ]
            for (who, body, field) in cases {
                let r = try await who.post("/v1/events/\(event)/checkin", body)
                #expect(r.status.code >= 400 && r.status.code < 500 && r.error["field"] as? String == field, "\(body): \(r.status) \(r.text)")
            }
            let organiser = try await api.post("/v1/events/\(event)/checkin", ["code": code])
            #expect(organiser.status == .notFound, "an organiser's token is nobody to check in: \(organiser.status)")
            #expect(try await api.database.count("SELECT count(*) FROM attendance") == 0, "a refused check-in writes nothing")

            // An event that ended three hours ago: its code has expired.
            try await api.database.execute("UPDATE events SET starts_at = now() - interval '6 hours', ends_at = now() - interval '3 hours' WHERE id = '\(event)'")
            let late = try await me.post("/v1/events/\(event)/checkin", ["code": try #require(try await api.get("/v1/events/\(event)/checkin-code").string("code"))])
            #expect(late.status == .unprocessableContent && late.error["field"] as? String == "code", "\(late.text)")
            #expect((late.error["message"] as? String)?.contains("已过期") == true, "\(late.text)")
            // An afternoon event five hours from now: too early to sign in.
            try await api.database.execute("UPDATE events SET starts_at = now() + interval '5 hours', ends_at = now() + interval '8 hours' WHERE id = '\(event)'")
            let current = try #require(try await api.get("/v1/events/\(event)/checkin-code").string("code"))
            let early = try await me.post("/v1/events/\(event)/checkin", ["code": current])
            #expect(early.status == .unprocessableContent && early.error["field"] as? String == "at", "\(early.text)")
            #expect(try await api.database.count("SELECT count(*) FROM attendance") == 0)
        }
    }

    @Test(.enabled(if: ExternalProgram.available("zbarimg", "rsvg-convert"), "needs zbar-tools and librsvg2-bin (scripts/test-tools)"))
    func theQRCodeOnTheSheetDecodesToTheCheckInAddress() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outingNow(api, f)
            let code = try await api.get("/v1/events/\(event)/checkin-code")
            let url = try #require(code.string("url"))
            let svg = try await api.get("/v1/events/\(event)/checkin-qr")
            #expect(svg.status == .ok && svg.headers[.contentType] == "image/svg+xml", "\(svg.status)")
            let sheet = try await api.get("/v1/events/\(event)/sheet")
            let typed = try #require(code.string("code"))
            #expect(sheet.text.contains("志愿者自助签到") && sheet.text.contains(typed), "the sheet prints the code")

            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try Data(svg.text.utf8).write(to: dir.appendingPathComponent("qr.svg"))
            let png = dir.appendingPathComponent("qr.png").path
            try await ExternalProgram("rsvg-convert")!.run(["-w", "400", "-b", "white", "-o", png, dir.appendingPathComponent("qr.svg").path], home: dir)
            let decoded = try await ExternalProgram("zbarimg")!.run(["--quiet", "--raw", png], home: dir)
            #expect(decoded.trimmingCharacters(in: .whitespacesAndNewlines) == url, "zbarimg read \(decoded)")
        }
    }

    @Test func confirmedHoursAreFinalAndDisputesComeFirst() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            let event = try await Self.outingNow(api, f)
            let (a, b) = (f.volunteers[0], f.volunteers[1])
            _ = try await api.post("/v1/events/\(event)/attendance", ["entries": [["volunteer_id": a, "action": "sign_in"], ["volunteer_id": b, "action": "sign_in"]]])
            let early = try await api.post("/v1/events/\(event)/hours/confirm", [:])
            #expect(early.status == .conflict && early.error["field"] as? String == "event", "not before it ends: \(early.text)")

            let mine = api.as(try await api.token(.volunteer, volunteer: a))
            let dispute = try await mine.post("/v1/events/\(event)/hours/disputes", ["note": "我 13:00 就到了，签到晚了"])
            #expect(dispute.status == .created, "\(dispute.text)")
            let blank = try await mine.post("/v1/events/\(event)/hours/disputes", ["note": "  "])
            #expect(blank.status == .unprocessableContent && blank.error["field"] as? String == "note")
            let stranger = try await api.post("/v1/volunteers", ["name": "赵国强", "phone": "13900000288", "community_id": f.community])
            let outsider = api.as(try await api.token(.volunteer, volunteer: try #require(stranger.string("id"))))
            let notThere = try await outsider.post("/v1/events/\(event)/hours/disputes", ["note": "x"])
            #expect(notThere.status == .unprocessableContent && notThere.error["field"] as? String == "volunteer_id", "\(notThere.text)")
            let state = try await api.get("/v1/events/\(event)/hours")
            #expect(state.json["confirmed"] as? Bool == false && (state.json["disputes"] as? [[String: Any]])?.first?["note"] as? String == "我 13:00 就到了，签到晚了")

            // The event ends; one person is still signed in, so confirming waits for their sign-out.
            try await api.database.execute("UPDATE events SET starts_at = now() - interval '4 hours', ends_at = now() - interval '1 hour' WHERE id = '\(event)'")
            _ = try await api.post("/v1/events/\(event)/attendance", ["entries": [["volunteer_id": a, "action": "sign_out"]]])
            let open = try await api.post("/v1/events/\(event)/hours/confirm", [:])
            #expect(open.status == .conflict && open.error["field"] as? String == "attendance", "\(open.text)")
            _ = try await api.post("/v1/events/\(event)/attendance", ["entries": [["volunteer_id": b, "action": "sign_out"]]])
            let confirmed = try await api.post("/v1/events/\(event)/hours/confirm", [:])
            #expect(confirmed.status == .ok && confirmed.json["confirmed"] as? Bool == true, "\(confirmed.text)")

            let after = try await api.post("/v1/events/\(event)/attendance", ["entries": [["volunteer_id": f.volunteers[2], "action": "no_show"]]])
            #expect(after.status == .conflict && after.error["field"] as? String == "event", "final: \(after.text)")
            #expect(try await mine.post("/v1/events/\(event)/hours/disputes", ["note": "还是不对"]).status == .conflict)
            #expect(try await api.post("/v1/events/\(event)/hours/confirm", [:]).status == .conflict, "confirmed once")
            // The backstop: even a write around the API is refused by PostgreSQL.
            await #expect(throws: StoreError.self) {
                try await api.database.execute("UPDATE attendance SET signed_out_at = signed_out_at + interval '1 hour' WHERE event_id = '\(event)'")
            }
        }
    }
}
