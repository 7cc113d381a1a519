import Foundation
import HTTPTypes
import NIOCore
import Testing

/// Smaller input gaps of the hostile-user review (issue 14, item 12): every one a 4xx naming the field.
@Suite("Input gaps: NUL, numbers that are not integers, unprintable text, reversed ranges")
struct InputGapTests {
    func expect(_ r: Reply, _ status: HTTPResponse.Status, field: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == status, "\(r.text)", sourceLocation: sourceLocation)
        #expect(r.error["field"] as? String == field, "\(r.text)", sourceLocation: sourceLocation)
    }

    @Test func aNulByteInABodyOrAQueryNamesTheField() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let body = #"{"name": "王\u0000芳", "phone": "13900000001", "community_id": "\#(community)"}"#
            expect(try await api.send(.post, "/v1/volunteers", body: body), .unprocessableContent, field: "name")
            let nested = #"{"name": "王芳", "phone": "13900000001", "community_id": "\#(community)", "skills": [{"skill": "a\u0000"}]}"#
            expect(try await api.send(.post, "/v1/volunteers", body: nested), .unprocessableContent, field: "skills[0].skill")
            expect(try await api.get("/v1/volunteers?skill=a%00b"), .unprocessableContent, field: "skill")
            expect(try await api.get("/v1/communities/\(community)/events?from=2026-12-01%00"), .unprocessableContent, field: "from")
        }
    }

    @Test func aNumberThatIsNotAnIntegerNamesTheField() async throws {
        try await withAPI { api in
            let community = try await api.community()
            for number in ["480.5", "1e400", "9223372036854775808"] {
                let body = #"{"name": "王芳", "phone": "13900000001", "community_id": "\#(community)", "max_minutes_per_week": \#(number)}"#
                let r = try await api.send(.post, "/v1/volunteers", body: body)
                expect(r, .badRequest, field: "max_minutes_per_week")
                #expect((r.error["message"] as? String)?.contains("之间的整数") == true, "\(number): \(r.text)")
            }
        }
    }

    @Test func namesRefuseCharactersNobodyTypes() async throws {
        try await withAPI { api in
            let community = try await api.community()
            for bad in ["王\u{7}芳", "\u{FEFF}", "王\u{FFFF}", "王\u{E000}芳", "王\u{202E}芳", "王\n芳"] {
                let r = try await api.post("/v1/volunteers", ["name": bad, "phone": "13900000001", "community_id": community])
                expect(r, .unprocessableContent, field: "name")
            }
            // Ordinary Chinese names, with a middle dot, still pass.
            #expect(try await api.volunteer("阿依古丽·买买提", phone: "13900000009", community: community, unit: nil).status == .created)
        }
    }

    @Test func eventsListedFromAfterToAreRefused() async throws {
        try await withAPI { api in
            let community = try await api.community()
            expect(try await api.get("/v1/communities/\(community)/events?from=2026-12-10&to=2026-12-01"), .unprocessableContent, field: "to")
        }
    }

    @Test func aCSVNamingACommunityByASharedNameIsRefusedAsAmbiguous() async throws {
        try await withAPI { api in
            _ = try await api.community("ershilipu", name: "幸福社区")
            _ = try await api.community("xiangyuanjie", name: "幸福社区")
            let unit = try await api.unit()
            let csv = "姓名,手机号,社区,技能\n王芳,13900000001,幸福社区,陪护\n李明,13900000002,ershilipu,陪护\n"
            let r = try await api.send(.post, "/v1/units/\(unit)/volunteers/import", body: csv, headers: [.contentType: "text/csv"])
            #expect(r.status == .unprocessableContent, "\(r.text)")
            let errors = r.json["errors"] as? [[String: Any]] ?? (r.error["errors"] as? [[String: Any]] ?? [])
            #expect(r.text.contains("community") && r.text.contains("code"), "\(r.text)")
            #expect(errors.isEmpty || errors.allSatisfy { $0["row"] as? Int == 2 }, "\(r.text)")
            #expect(try await api.get("/v1/volunteers?unit=\(unit)").items.isEmpty)
        }
    }
}

@Suite("Phone numbers are normalised before they are stored and compared")
struct PhoneNormalisationTests {
    @Test func threeSpellingsAreOnePerson() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let first = try await api.volunteer("王芳", phone: "139 3710 0001", community: community, unit: nil)
            #expect(first.status == .created && first.string("phone") == "13937100001", "\(first.text)")
            for spelling in ["+8613937100001", "13937100001", "１３９-３７１０-０００１"] {
                let again = try await api.volunteer("王芳", phone: spelling, community: community, unit: nil)
                #expect(again.status == .conflict && again.error["field"] as? String == "phone", "\(spelling): \(again.text)")
            }
            let bad = try await api.volunteer("李明", phone: "12345", community: community, unit: nil)
            #expect(bad.status == .unprocessableContent && bad.error["field"] as? String == "phone")
        }
    }

    @Test func theImportComparesNormalisedNumbers() async throws {
        try await withAPI { api in
            _ = try await api.community()
            let unit = try await api.unit()
            let csv = "姓名,手机号,社区,技能\n王芳,139-3710-0002,ershilipu,陪护\n李明,+86 139 3710 0002,ershilipu,陪护\n赵强,6789,ershilipu,陪护\n"
            let r = try await api.send(.post, "/v1/units/\(unit)/volunteers/import", body: csv, headers: [.contentType: "text/csv"])
            #expect(r.status == .unprocessableContent, "\(r.text)")
            #expect(r.text.contains("appears twice"), "\(r.text)")
            #expect(r.text.contains("Chinese mobile"), "\(r.text)")
        }
    }
}

@Suite("Chinese Excel's CSV (GB18030) is imported")
struct GB18030ImportTests {
    /// `text` as Chinese Excel saves it, converted by the system's own `iconv` program.
    static func gb18030(_ text: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    @Test func namesArriveIntact() async throws {
        try await withAPI { api in
            _ = try await api.community()
            let unit = try await api.unit()
            let file = try Self.gb18030("姓名,手机号,社区,技能\n欧阳娜娜,13900000201,二十里铺社区,陪护\n䶮飞,13900000202,ershilipu,急救\n")
            #expect(String(data: file, encoding: .utf8) == nil, "the test file must not be UTF-8")
            let r = try await api.client.execute(uri: "/v1/units/\(unit)/volunteers/import", method: .post,
                                                 headers: [.authorization: "Bearer \(api.token!)", .contentType: "text/csv"],
                                                 body: ByteBuffer(bytes: file)) { r in Reply(status: r.status, headers: r.headers, text: String(buffer: r.body)) }
            #expect(r.status == .ok, "\(r.text)")
            let names = Set(try await api.get("/v1/volunteers?unit=\(unit)").items.compactMap { $0["name"] as? String })
            #expect(names == ["欧阳娜娜", "䶮飞"])
        }
    }
}

@Suite("Imported volunteers come with their weekly availability")
struct ImportAvailabilityTests {
    @Test func theAvailabilityColumnIsReadAndMissingOnesAreWarnedAbout() async throws {
        try await withAPI { api in
            _ = try await api.community()
            let unit = try await api.unit()
            let csv = "姓名,手机号,社区,技能,每周可服务时间\n王芳,13900000301,ershilipu,陪护,周六 09:00-12:00；周日 14:00-17:00\n李明,13900000302,ershilipu,陪护,\n"
            let r = try await api.send(.post, "/v1/units/\(unit)/volunteers/import", body: csv, headers: [.contentType: "text/csv"])
            #expect(r.status == .ok && r.json["imported"] as? Int == 2, "\(r.text)")
            let warnings = r.json["warnings"] as? [[String: Any]] ?? []
            #expect(warnings.count == 1 && warnings.first?["row"] as? Int == 3 && warnings.first?["column"] as? String == "availability", "\(r.text)")
            let wang = try #require(try await api.get("/v1/volunteers?unit=\(unit)").items.first { $0["name"] as? String == "王芳" })
            let slots = (wang["availability"] as? [[String: Any]] ?? []).map { "\($0["weekday"]!) \($0["start"]!)-\($0["end"]!)" }
            #expect(slots == ["6 09:00-12:00", "7 14:00-17:00"])
            // An unreadable cell is an error naming the row and column, and nothing is written.
            let bad = "姓名,手机号,社区,每周可服务时间\n赵强,13900000303,ershilipu,每天上午\n"
            let refused = try await api.send(.post, "/v1/units/\(unit)/volunteers/import", body: bad, headers: [.contentType: "text/csv"])
            #expect(refused.status == .unprocessableContent && refused.text.contains("availability"), "\(refused.text)")
            #expect(try await api.get("/v1/volunteers?unit=\(unit)").items.count == 2)
        }
    }
}
