import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// 民情速递站 (issue 19): every channel in, the public form's limits, tracking that shows the
/// status only, grouping, 一征三议两公开 with every forbidden move refused by state, the board
/// without any personal data, and links both ways.
@Suite("Residents' requests and issues")
struct RequestTests {
    struct Estate {
        var community: String
        /// Building name → (id, code).
        var buildings: [String: (id: String, code: String)]
    }

    /// 二十里铺 with 陇海安居小区's five buildings.
    static func estate(_ api: APIClient) async throws -> Estate {
        let community = try await api.community("ershilipu", name: "二十里铺社区")
        let estate = try await api.post("/v1/communities/\(community)/estates", ["name": "陇海安居小区", "households": 224,
                                                                                "buildings": (1...5).map { "\($0)号楼" }])
        #expect(estate.status == .created, "\(estate.text)")
        let list = try await api.get("/v1/communities/\(community)/buildings").items
        #expect(list.count == 5)
        var buildings: [String: (id: String, code: String)] = [:]
        for b in list { buildings[b["name"] as? String ?? ""] = (b["id"] as? String ?? "", b["code"] as? String ?? "") }
        return Estate(community: community, buildings: buildings)
    }

    static func form(_ api: APIClient, _ code: String, _ body: [String: Any]) async throws -> Reply {
        try await api.as(nil).post("/v1/intake/\(code)", body)
    }

    @Test func theFormTakesARequestAndTrackingShowsItsStatusOnly() async throws {
        try await withAPI { api in
            let e = try await Self.estate(api)
            let code = try #require(e.buildings["2号楼"]?.code)
            let r = try await Self.form(api, code, ["category": "parking", "text": "小区没有停车位，晚上车只能停在路边", "place": "2号楼东侧",
                                                    "resident_name": "周桂香", "resident_phone": "13812345678"])
            #expect(r.status == .created && (r.string("message") ?? "").contains("查询号"), "\(r.text)")
            let tracking = try #require(r.string("tracking"))
            #expect(ResidentRequest.tracking(tracking) == tracking)
            let track = try await api.as(nil).get("/v1/requests/track/\(tracking.lowercased())")
            #expect(track.status == .ok && track.string("state") == "collected" && track.string("category") == "停车难", "\(track.text)")
            for secret in ["周桂香", "13812345678", "停车位", "2号楼"] { #expect(!track.text.contains(secret), "tracking shows \(secret)") }
            #expect(try await api.as(nil).get("/v1/requests/track/MQ-ZZZZZZZZ").status == .notFound)
            // The organisers see who left it; nobody else does.
            let mine = try await api.get("/v1/communities/\(e.community)/requests").items
            #expect(mine.first?["resident_phone"] as? String == "13812345678" && mine.first?["channel"] as? String == "form")
            let other = try await api.community("zhuzhai", name: "朱寨社区")
            let stranger = api.as(try await api.token(.organiser, community: other))
            #expect(try await stranger.get("/v1/communities/\(e.community)/requests").status == .notFound)
            let liaison = api.as(try await api.token(.liaison, unit: try await api.unit()))
            #expect(try await liaison.get("/v1/communities/\(e.community)/requests").status.code >= 400)
        }
    }

    @Test func theFormsLimitsAndBadInputNameTheirField() async throws {
        try await withAPI { api in
            let e = try await Self.estate(api)
            let code = try #require(e.buildings["3号楼"]?.code)
            let count = { try await api.database.count("SELECT count(*) FROM resident_requests") }
            for (body, field) in [
                (["category": "parking", "text": "   "] as [String: Any], "text"),
                (["category": "flying_cars", "text": "x"], "category"),
                (["category": "parking", "text": "x", "resident_phone": "not a phone"], "resident_phone"),
                (["category": "parking", "text": String(repeating: "漏", count: 3414)], "text"),
            ] {
                let r = try await Self.form(api, code, body)
                #expect(r.status == .unprocessableContent && r.error["field"] as? String == field, "\(field): \(r.status) \(r.text)")
            }
            let unknown = try await Self.form(api, "zzzzzzzz", ["category": "parking", "text": "x"])
            #expect(unknown.status == .notFound && unknown.error["field"] as? String == "building_code", "\(unknown.text)")
            #expect(try await count() == 0, "nothing written on a refusal")
            // 10 kB exactly is taken: 3,413 three-byte characters and one byte more.
            let full = String(repeating: "漏", count: 3413) + "x"
            #expect(full.utf8.count == ResidentRequest.maxTextBytes)
            #expect(try await Self.form(api, code, ["category": "roof_leak", "text": full]).status == .created)
            // A filled honeypot is thanked and dropped.
            let robot = try await Self.form(api, code, ["category": "other", "text": "buy now", "website": "http://spam.example"])
            #expect(robot.status == .created && robot.string("tracking") != nil)
            #expect(try await count() == 1)
            #expect(try await api.as(nil).get("/v1/requests/track/\(robot.string("tracking") ?? "")").status == .notFound)
            for i in 2...20 {
                #expect(try await Self.form(api, code, ["category": "drains", "text": "下水道堵了 \(i)"]).status == .created)
            }
            let limited = try await api.as(nil).send(.post, "/v1/intake/\(code)", body: #"{"category": "drains", "text": "第21条"}"#,
                                                       headers: [.contentType: "application/json", .acceptLanguage: "zh-CN"])
            #expect(limited.status == .tooManyRequests && limited.error["field"] as? String == "address", "\(limited.text)")
            #expect((limited.error["message"] as? String)?.contains("今天已经提交了 20 条") == true, "\(limited.text)")
            #expect(try await count() == 20)
        }
    }

    @Test func groupedDeliberatedPublishedAndLinked() async throws {
        try await withAPI { api in
            let e = try await Self.estate(api)
            let office = api.as(try await api.token(.organiser, community: e.community))
            for (building, category, n) in [("2号楼", "parking", 3), ("3号楼", "parking", 2), ("2号楼", "lighting", 1)] {
                for i in 0..<n {
                    let r = try await office.post("/v1/communities/\(e.community)/requests", [
                        "category": category, "text": "\(building) 意见卡 \(i)", "building_id": e.buildings[building]!.id,
                        "resident_name": "居民\(building)\(i)", "resident_phone": "1390000\(building.prefix(1))\(i)00", "channel": "card"])
                    #expect(r.status == .created, "\(r.text)")
                }
            }
            let meeting = try await office.post("/v1/communities/\(e.community)/requests", ["category": "parking", "text": "议事长廊上大家说停车难",
                                                                                            "channel": "meeting"])
            #expect(meeting.status == .created)
            let suggestions = try await office.get("/v1/communities/\(e.community)/issues/suggestions").items
            #expect(suggestions.map { "\($0["building"] as? String ?? "-") \($0["category"] as? String ?? "") \($0["count"] as? Int ?? 0)" }
                    == ["2号楼 parking 3", "3号楼 parking 2", "2号楼 lighting 1", "- parking 1"], "\(suggestions)")
            let parking = suggestions.prefix(2).flatMap { $0["request_ids"] as? [String] ?? [] }
            let created = try await office.post("/v1/communities/\(e.community)/issues", ["title": "小区没有停车位", "category": "parking",
                                                                                         "request_ids": Array(parking.prefix(4))])
            let issue = try #require(created.string("id"), "\(created.text)")
            // Merge the fifth, split one out, merge it back.
            _ = try await office.post("/v1/issues/\(issue)/requests", ["request_ids": [parking[4]]])
            let split = try await office.send(.delete, "/v1/issues/\(issue)/requests/\(parking[0])")
            #expect(split.status == .ok, "\(split.status) \(split.text)")
            let merged = try await office.post("/v1/issues/\(issue)/requests", ["request_ids": [parking[0]]])
            #expect(merged.json["requests"] as? Int == 5 && merged.string("summary") == "5 件：停车难（2号楼 3、3号楼 2）", "\(merged.text)")

            // Publishing a result before a decision is refused, naming the state.
            let early = try await office.post("/v1/issues/\(issue)/transitions", ["to": "result_published", "result": "建成了"])
            #expect(early.status == .conflict && early.error["field"] as? String == "to" && (early.error["message"] as? String)?.contains("collected") == true,
                    "\(early.text)")
            for step in ["proposed", "discussed"] {
                #expect(try await office.post("/v1/issues/\(issue)/transitions", ["to": step, "note": "\(step) 记录"]).status == .ok)
            }
            let noVote = try await office.post("/v1/issues/\(issue)/transitions", ["to": "resolved", "decision": "改建停车场"])
            #expect(noVote.status == .unprocessableContent && noVote.error["field"] as? String == "vote")
            let resolved = try await office.post("/v1/issues/\(issue)/transitions", [
                "to": "resolved", "vote": ["for": 23, "against": 2, "abstaining": 1], "minutes": "居民代表会议纪要……",
                "decision": "将小区西侧废旧仓库空地改建为停车场，并与上街区中医院签约错时停车。"])
            #expect(resolved.status == .ok && (resolved.json["vote"] as? [String: Any])?["for"] as? Int == 23, "\(resolved.text)")
            #expect(try await office.post("/v1/issues/\(issue)/transitions", ["to": "closed"]).status == .conflict)
            for step in ["decision_published", "in_progress"] {
                #expect(try await office.post("/v1/issues/\(issue)/transitions", ["to": step]).status == .ok)
            }
            #expect(try await office.post("/v1/issues/\(issue)/transitions", ["to": "declined", "reason": "太晚了"]).status == .conflict,
                    "no decline after the decision is public")
            let done = try await office.post("/v1/issues/\(issue)/transitions", ["to": "result_published", "result": "停车场建成，共 40 个车位。"])
            #expect(done.status == .ok && (done.json["steps"] as? [Any])?.count == 7, "\(done.text)")

            // Linked both ways: the car park and the hospital's project.
            let unit = try await api.unit()
            let project = try await api.post("/v1/projects", ["community_id": e.community, "unit_id": unit, "title": "错时停车", "category": "parking",
                                                              "signed_on": "2021-02-25"])
            let projectID = try #require(project.string("id"))
            let park = try await api.post("/v1/communities/\(e.community)/facilities", ["code": "longhai", "name": "陇海安居停车场", "kind": "car_park", "bays": 40])
            let parkID = try #require(park.string("id"), "\(park.text)")
            #expect(try await office.post("/v1/issues/\(issue)/links", ["project_id": projectID]).status == .created)
            #expect(try await office.post("/v1/issues/\(issue)/links", ["facility_id": parkID]).status == .created)
            let both = try await office.post("/v1/issues/\(issue)/links", ["project_id": projectID, "facility_id": parkID])
            #expect(both.status == .unprocessableContent)
            let answers = try await api.get("/v1/projects/\(projectID)/issues").items
            #expect(answers.first?["summary"] as? String == "5 件：停车难（2号楼 3、3号楼 2）")
            #expect(try await api.get("/v1/facilities/\(parkID)/issues").items.count == 1)

            let board = try await api.as(nil).get("/v1/communities/\(e.community)/board")
            let notices = board.json["notices"] as? [[String: Any]] ?? []
            #expect(notices.map { $0["kind"] as? String ?? "" } == ["result", "decision"], "\(board.text)")
            #expect((notices.last?["body"] as? String)?.contains("赞成 23 票，反对 2 票，弃权 1 票") == true)
            #expect((notices.first?["answers"] as? [String])?.contains("共享场地「陇海安居停车场」") == true)
            let page = try await api.as(nil).get("/v1/communities/\(e.community)/board?format=html")
            #expect(page.text.contains("结果公开") && page.text.contains("停车场建成"))
            for text in [board.text, page.text] {
                #expect(!text.contains("居民2号楼") && !text.contains("13900002") && !text.contains("意见卡"), "no resident's name, phone or words")
            }
            let tracked = try await api.get("/v1/communities/\(e.community)/requests").items.first { ($0["issue_id"] as? String) == issue }
            let number = try #require(tracked?["tracking"] as? String)
            #expect(try await api.as(nil).get("/v1/requests/track/\(number)").string("state") == "result_published")
        }
    }

    @Test(.enabled(if: ExternalProgram.available("zbarimg", "rsvg-convert"), "needs zbar-tools and librsvg2-bin (scripts/test-tools)"))
    func thePostersQRCodeLeadsToTheForm() async throws {
        try await withAPI { api in
            let e = try await Self.estate(api)
            let b = try #require(e.buildings["5号楼"])
            let poster = try await api.get("/v1/buildings/\(b.id)/poster")
            #expect(poster.status == .ok && poster.text.contains("民情速递站") && poster.text.contains("5号楼"), "\(poster.status)")
            let start = try #require(poster.text.range(of: "<svg")), end = try #require(poster.text.range(of: "</svg>"))
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("poster-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            try Data(poster.text[start.lowerBound..<end.upperBound].utf8).write(to: dir.appendingPathComponent("qr.svg"))
            let png = dir.appendingPathComponent("qr.png").path
            try await ExternalProgram("rsvg-convert")!.run(["-w", "600", "-b", "white", "-o", png, dir.appendingPathComponent("qr.svg").path], home: dir)
            let decoded = try await ExternalProgram("zbarimg")!.run(["--quiet", "--raw", png], home: dir).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(decoded.hasSuffix("/intake/\(b.code)"), "zbarimg read \(decoded)")
            let form = try await api.as(nil).get(String(decoded[decoded.range(of: "/intake/")!.lowerBound...]))
            #expect(form.status == .ok && form.text.contains("陇海安居小区") && form.text.contains("name=\"website\""), "\(form.status) \(form.text.prefix(300))")
        }
    }

    @Test func theMonthlyReportMatchesAHandComputation() async throws {
        try await withAPI { api in
            let e = try await Self.estate(api)
            let month = PledgeReportTests.month
            // Four issues, their requests all received on the 1st at 08:00: three resolved after 2, 4
            // and 10 days, one of them with its result after 20 days; the fourth still open.
            var issues: [String] = []
            for (i, category) in ["parking", "lighting", "drains", "greening"].enumerated() {
                let channel = i == 0 ? "meeting" : "card"
                _ = try await api.post("/v1/communities/\(e.community)/requests", ["category": category, "text": "诉求 \(i)", "channel": channel,
                                                                                  "building_id": e.buildings["1号楼"]!.id])
                let id = try #require(try await api.get("/v1/communities/\(e.community)/issues/suggestions").items.first { $0["category"] as? String == category }?["request_ids"] as? [String])
                issues.append(try #require(try await api.post("/v1/communities/\(e.community)/issues", ["title": category, "category": category, "request_ids": id]).string("id")))
            }
            _ = try await Self.form(api, e.buildings["2号楼"]!.code, ["category": "parking", "text": "扫码反映"])
            try await api.database.execute("UPDATE resident_requests SET received_at = '\(month)-01 08:00+08'")
            for (issue, days) in zip(issues.prefix(3), [2, 4, 10]) {
                for step in ["proposed", "discussed"] { _ = try await api.post("/v1/issues/\(issue)/transitions", ["to": step]) }
                _ = try await api.post("/v1/issues/\(issue)/transitions", ["to": "resolved", "vote": ["for": 5, "against": 0, "abstaining": 0], "decision": "办"])
                try await api.database.execute("UPDATE issue_steps SET at = '\(month)-01 08:00+08'::timestamptz + interval '\(days) days' WHERE issue_id = '\(issue)' AND to_state = 'resolved'")
            }
            for step in ["decision_published", "in_progress"] { _ = try await api.post("/v1/issues/\(issues[0])/transitions", ["to": step]) }
            _ = try await api.post("/v1/issues/\(issues[0])/transitions", ["to": "result_published", "result": "办好了"])
            try await api.database.execute("UPDATE issue_steps SET at = '\(month)-01 08:00+08'::timestamptz + interval '20 days' WHERE issue_id = '\(issues[0])' AND to_state = 'result_published'")

            let report = try await api.get("/v1/reports/requests?month=\(month)&community=\(e.community)")
            #expect(report.status == .ok && report.json["received"] as? Int == 5, "\(report.text)")
            let decision = report.json["to_decision"] as? [String: Any] ?? [:], result = report.json["to_result"] as? [String: Any] ?? [:]
            // By hand: 2, 4, 10 days → median 4, 90th percentile by nearest rank ⌈0.9 × 3⌉ = 3rd → 10.
            #expect(decision["issues"] as? Int == 3 && decision["median_days"] as? Double == 4 && decision["p90_days"] as? Double == 10, "\(decision)")
            #expect(result["issues"] as? Int == 1 && result["median_days"] as? Double == 20 && result["p90_days"] as? Double == 20, "\(result)")
            let channels = Dictionary(uniqueKeysWithValues: (report.json["by_channel"] as? [[String: Any]] ?? []).map { ($0["key"] as? String ?? "", $0["count"] as? Int ?? 0) })
            #expect(channels == ["card": 3, "meeting": 1, "form": 1])
            let categories = (report.json["by_category"] as? [[String: Any]] ?? []).first
            #expect(categories?["key"] as? String == "parking" && categories?["count"] as? Int == 2)
            let open = (report.json["open_by_age"] as? [[String: Any]] ?? []).reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
            #expect(open == 3, "two resolved and one collected are still open")
            let csv = try await api.get("/v1/reports/requests?month=\(month)&community=\(e.community)&format=csv")
            #expect(csv.text.contains("征集到决议,3,4,10"), "\(csv.text)")
            let office = api.as(try await api.token(.organiser, community: e.community))
            #expect(try await office.get("/v1/reports/requests?month=\(month)").json["received"] as? Int == 5)
            let other = try await api.community("zhuzhai", name: "朱寨社区")
            #expect(try await office.get("/v1/reports/requests?month=\(month)&community=\(other)").status == .notFound)
        }
    }
}
