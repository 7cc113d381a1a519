import Foundation
import Hummingbird
import Testing

@Suite("Exports: CSV, iCalendar, printable sheet, companion groups")
struct ExportTests {
    /// The film outing: 6 companions (one from another community), 7 residents (one with a
    /// mobility aid), one companion per 3; rostered and published.
    static func filmOuting(_ api: APIClient) async throws -> (community: String, event: String, roster: String, volunteers: [String]) {
        let f = try await ClinicFixture.make(api)
        let elsewhere = try await api.community("zhuzhai", name: "朱寨社区")
        var volunteers: [String] = []
        for i in 0..<6 {
            let v = try await api.post("/v1/volunteers", [
                "name": i == 0 ? "王, \"小\"明" : "志愿者\(i)", "phone": "1390000010\(i)", "community_id": i == 5 ? elsewhere : f.community,
                "unit_id": f.unit, "skills": [["skill": "companion"]], "availability": [["weekday": 6, "start": "08:00", "end": "18:00"]],
            ])
            volunteers.append(v.string("id")!)
        }
        let e = try await api.post("/v1/events", ["project_id": f.project, "title": "我陪老人看电影, \"专场\"", "venue": "上街影院",
                                                  "start": "2026-12-05T13:30", "end": "2026-12-05T17:00",
                                                  "roles": [["skill": "companion", "per_participants": 3, "needs": ["mobility_aid": 1]]]])
        let event = e.string("id")!
        for i in 0..<7 {
            let r = try await api.post("/v1/communities/\(f.community)/residents", ["name": "老人\(i)", "building": i < 3 ? "1号楼" : "2号楼",
                                                                                    "phone": "1380000020\(i)", "needs": i == 6 ? ["mobility_aid"] : []])
            _ = try await api.post("/v1/events/\(event)/participants", ["resident_id": r.string("id")!])
        }
        let g = try await api.generate(["community_id": f.community, "from": "2026-12-01", "to": "2026-12-07", "time_limit_seconds": 0.5])
        let roster = (g.json["version"] as! [String: Any])["id"] as! String
        _ = try await api.post("/v1/rosters/\(roster)/publish", [:])
        return (f.community, event, roster, volunteers)
    }

    @Test func theRosterCSVOpensInExcel() async throws {
        try await withAPI { api in
            let film = try await Self.filmOuting(api)
            let csv = try await api.get("/v1/rosters/\(film.roster)/csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("roster-2026-12-01-2026-12-07.csv") == true)
            let bytes = Array(csv.text.utf8)
            #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(csv.text.hasPrefix("\u{FEFF}日期,开始,结束,活动,地点,技能,志愿者,联建单位,手机,确认情况\r\n"))
            // Skills as people say them: Chinese in the Chinese file, English in the English one.
            #expect(csv.text.contains("2026-12-05,13:30,17:00,\"我陪老人看电影, \"\"专场\"\"\",上街影院,陪护,"), "\(csv.text)")
            let english = try await api.get("/v1/rosters/\(film.roster)/csv?lang=en")
            #expect(english.text.contains(",上街影院,companion,"), "\(english.text)")
            let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            // The header and three companions: two for six residents at one per three, one for the mobility aid.
            #expect(lines.count == 1 + 3)
            #expect(try await api.get("/v1/rosters/\(film.roster)/csv?lang=en").text.hasPrefix("\u{FEFF}Date,Start,End,Event,Venue,Skill,Volunteer"))
            // An organiser sees full phones of their community's volunteers, masked ones of others.
            let organiser = api.as(try await api.token(.organiser, community: film.community))
            let theirs = try await organiser.get("/v1/rosters/\(film.roster)/csv").text
            #expect(!theirs.contains("13900000105"))
            if theirs.contains("志愿者5") { #expect(theirs.contains("*******0105")) }
        }
    }

    @Test func theCalendarFeedIsValidICalendar() async throws {
        try await withAPI { api in
            let film = try await Self.filmOuting(api)
            let assigned = try await api.get("/v1/rosters/\(film.roster)")
            let someone = ((assigned.json["assignments"] as? [[String: Any]])?.first?["volunteer_id"] as? String)!
            // Ids are compared as strings by clients: every id the API writes is in lower case.
            #expect(film.volunteers.contains(someone))
            let token = try await api.token(.volunteer, volunteer: someone)
            // A calendar app subscribes by URL, with a read-only feed key in it (never the token).
            let url = try await api.as(token).post("/v1/volunteers/\(someone)/calendar-key", [:]).string("url") ?? "-"
            let feed = try await api.as(nil).get(url)
            #expect(feed.status == .ok && feed.headers[.contentType] == "text/calendar; charset=utf-8")
            let events = try ICalendarParser.parse(feed.text)
            #expect(events.count == 1)
            #expect(events[0]["DTSTART"] == "20261205T053000Z" && events[0]["DTEND"] == "20261205T090000Z")
            #expect(events[0]["SUMMARY"] == "我陪老人看电影, \"专场\"（陪护）")
            // The calendar's display zone is the community's, not a fixed one.
            #expect(feed.text.contains("X-WR-TIMEZONE:Asia/Shanghai\r\n"))
            #expect(events[0]["LOCATION"] == "上街影院")
            #expect(try await api.as(nil).get("/v1/volunteers/\(someone)/calendar.ics?token=lj_wrong").status == .unauthorized)
            let other = film.volunteers.first { $0 != someone }!
            let theirs = try await api.as(token).get("/v1/volunteers/\(other)/calendar.ics")
            #expect(theirs.status == .notFound, "\(theirs.status)")
            #expect(try await api.as(nil).get("/v1/calendar/cal_wrong.ics").status == .notFound)
        }
    }

    @Test func companionGroupsAndThePrintableSheet() async throws {
        try await withAPI { api in
            let film = try await Self.filmOuting(api)
            let g = try await api.post("/v1/events/\(film.event)/groups", [:])
            #expect(g.status == .ok, "\(g.text)")
            let groups = g.json["groups"] as? [[String: Any]] ?? []
            #expect(groups.map { ($0["resident_ids"] as? [String] ?? []).count }.sorted() == [1, 3, 3])
            #expect((g.json["unassigned"] as? [Any])?.isEmpty == true)
            let sheet = try await api.get("/v1/events/\(film.event)/sheet")
            #expect(sheet.headers[.contentType] == "text/html; charset=utf-8")
            #expect(sheet.text.contains("<h2>陪同分组</h2>") && sheet.text.contains("老人6（2号楼）"))
            #expect(sheet.text.contains("*******0206") && !sheet.text.contains("13800000206"))
            #expect(sheet.text.contains("助行器"))
            #expect(sheet.text.contains("王, &quot;小&quot;明") || !sheet.text.contains("王,"))
        }
    }
}

/// A strict reader of the iCalendar subset the feed uses (RFC 5545): CRLF line ends, lines of
/// at most 75 octets, folding, balanced BEGIN/END, required properties, TEXT unescaping.
enum ICalendarParser {
    struct Invalid: Error, CustomStringConvertible { var description: String }

    static func parse(_ text: String) throws -> [[String: String]] {
        guard text.hasSuffix("\r\n") else { throw Invalid(description: "must end with CRLF") }
        let raw = text.components(separatedBy: "\r\n").dropLast()
        for line in raw {
            if line.contains("\n") || line.contains("\r") { throw Invalid(description: "bare line break in \(line)") }
            if line.utf8.count > 75 { throw Invalid(description: "line over 75 octets: \(line)") }
        }
        var lines: [String] = []
        for line in raw {
            if line.hasPrefix(" ") { guard !lines.isEmpty else { throw Invalid(description: "fold at start") }; lines[lines.count - 1] += line.dropFirst() } else { lines.append(line) }
        }
        var stack: [String] = []
        var events: [[String: String]] = []
        var calendar: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw Invalid(description: "no colon: \(line)") }
            let name = String(line[..<colon]).split(separator: ";")[0].uppercased()
            let value = String(line[line.index(after: colon)...])
            switch name {
            case "BEGIN": stack.append(value); if value == "VEVENT" { events.append([:]) }
            case "END": guard stack.popLast() == value else { throw Invalid(description: "unbalanced END:\(value)") }
            default:
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { throw Invalid(description: "bad name \(name)") }
                let text = try unescape(value)
                if stack.last == "VEVENT" { events[events.count - 1][name] = text } else { calendar[name] = text }
            }
        }
        guard stack.isEmpty, calendar["VERSION"] == "2.0", calendar["PRODID"] != nil else { throw Invalid(description: "not a VCALENDAR 2.0") }
        for e in events {
            for required in ["UID", "DTSTAMP", "DTSTART"] where e[required] == nil { throw Invalid(description: "VEVENT without \(required)") }
            for key in ["DTSTART", "DTEND", "DTSTAMP"] {
                if let v = e[key], v.range(of: #"^\d{8}T\d{6}Z$"#, options: .regularExpression) == nil { throw Invalid(description: "\(key) \(v)") }
            }
        }
        return events
    }

    static func unescape(_ value: String) throws -> String {
        var out = ""
        var escaped = false
        for ch in value {
            if escaped {
                switch ch {
                case "n", "N": out.append("\n")
                case "\\", ";", ",": out.append(ch)
                default: throw Invalid(description: "bad escape \\\(ch)")
                }
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                if ch == "," || ch == ";" { throw Invalid(description: "unescaped \(ch) in \(value)") }
                out.append(ch)
            }
        }
        return out
    }
}
