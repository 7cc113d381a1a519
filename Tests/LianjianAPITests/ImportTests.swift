import Foundation
import Testing

@Suite("CSV import of a unit's volunteers")
struct ImportTests {
    static let bom = "\u{FEFF}"

    @Test func chineseHeadersWithBOMAndQuotedCells() async throws {
        try await withAPI { api in
            _ = try await api.community()
            let unit = try await api.unit()
            let csv = Self.bom + "姓名,手机号,社区,技能,每周最多分钟\r\n"
                + "王芳,13900000001,ershilipu,陪护、医生,300\r\n"
                + "\"李, 娜\",13900000002,二十里铺社区,companion;driver,\r\n"
                + "\"张\"\"伟\"\"\",13900000003,ershilipu,,\r\n"
            let r = try await api.send(.post, "/v1/units/\(unit)/volunteers/import", body: csv)
            #expect(r.status == .ok, "\(r.text)")
            #expect(r.json["imported"] as? Int == 3)
            let listed = try await api.get("/v1/volunteers?unit=\(unit)").items
            #expect(Set(listed.map { $0["name"] as! String }) == ["王芳", "李, 娜", "张\"伟\""])
            #expect(try await api.get("/v1/volunteers?skill=doctor").items.count == 1)
            #expect(listed.first { $0["name"] as? String == "王芳" }?["max_minutes_per_week"] as? Int == 300)
        }
    }

    @Test func badRowsAreAllReportedAndNothingIsWritten() async throws {
        try await withAPI { api in
            let community = try await api.community()
            let unit = try await api.unit()
            _ = try await api.volunteer("已有", phone: "13900000009", community: community, unit: unit)
            let csv = "name,phone,community,skills\n"
                + "Good One,13900000001,ershilipu,companion\n"
                + ",13900000002,ershilipu,\n"
                + "Bad Phone,abc,ershilipu,\n"
                + "Nowhere,13900000003,atlantis,\n"
                + "Juggler,13900000004,ershilipu,juggling\n"
                + "Taken,13900000009,ershilipu,\n"
                + "Twin A,13900000005,ershilipu,\n"
                + "Twin B,13900000005,ershilipu,\n"
            let r = try await api.send(.post, "/v1/units/\(unit)/volunteers/import", body: csv)
            #expect(r.status == .unprocessableContent)
            let errors = (r.json["errors"] as? [[String: Any]] ?? []).map { "\($0["row"]!):\($0["column"]!)" }
            #expect(errors == ["3:name", "4:phone", "5:community", "6:skills", "7:phone", "8:phone", "9:phone"])
            #expect(try await api.get("/v1/volunteers").items.count == 1, "nothing written")
        }
    }

    @Test func missingHeaderIsNamed() async throws {
        try await withAPI { api in
            let unit = try await api.unit()
            let r = try await api.send(.post, "/v1/units/\(unit)/volunteers/import", body: "name,community\nx,y\n")
            #expect(r.status == .unprocessableContent)
            #expect(r.error["field"] as? String == "phone")
        }
    }
}
