import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianDomain
import LianjianStore
import Testing

/// A partner unit's console page (issue 17): its projects and volunteers, and the CSV import
/// by upload with every bad row shown in Chinese and nothing written.
@Suite("Console unit page")
struct ConsoleUnitTests {
    /// A `multipart/form-data` upload as a browser sends the import form.
    static func upload(_ client: inout ConsoleClient, csv: String, csrf: String?) async throws -> Reply {
        let boundary = "----lianjian\(UUID().uuidString)"
        var body = ""
        if let csrf { body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n" }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"名单.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        return try await client.send(.post, "/unit/import", body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    @Test func badRowsAreShownInChineseAndNothingIsWrittenThenAGoodFileIsImported() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "liaison", .liaison)
            var liaison = ConsoleClient(api)
            #expect(try await liaison.signIn("liaison", "a-good-password").headers[.location] == "/")
            #expect(try await liaison.get("/").headers[.location] == "/unit")
            let page = try await liaison.get("/unit")
            #expect(page.status == .ok && page.text.contains("王秀英") && page.text.contains("13900000201"), "its own volunteers, phones in full")
            #expect(page.text.contains(#"enctype="multipart/form-data""#))
            let csrf = ConsoleClient.csrf(in: page.text)
            let before = try await api.database.count("SELECT count(*) FROM volunteers")

            let bad = "姓名,手机号,社区\n好人,13900000301,香园街社区\n坏号码,abc,香园街社区\n,13900000302,亚特兰蒂斯\n"
            let refused = try await Self.upload(&liaison, csv: bad, csrf: csrf)
            #expect(refused.status == .unprocessableContent, "\(refused.text)")
            #expect(refused.text.contains("没有导入任何一行") && refused.text.contains("<td>3</td>") && refused.text.contains(#"<td class="nowrap">手机号</td>"#)
                    && refused.text.contains("不是已有社区的代码或名称"), "\(refused.text)")
            #expect(try await api.database.count("SELECT count(*) FROM volunteers") == before)
            // Without the form token nothing is read at all.
            #expect(try await Self.upload(&liaison, csv: bad, csrf: nil).status == .forbidden)

            let good = "\u{FEFF}姓名,手机号,社区,技能\r\n刘芳,13900000303,香园街社区,陪护\r\n陈静,13900000304,xiangyuanjie,\r\n"
            let done = try await Self.upload(&liaison, csv: good, csrf: csrf)
            #expect(done.status == .seeOther && done.headers[.location] == "/unit?imported=2", "\(done.status) \(done.text.components(separatedBy: "<table").dropFirst().first?.prefix(600) ?? "")")
            let after = try await liaison.get("/unit?imported=2")
            #expect(after.text.contains("已导入 2 名志愿者") && after.text.contains("刘芳"))
            #expect(try await api.database.count("SELECT count(*) FROM volunteers") == before + 2)
        }
    }

    @Test func anOrganiserCannotOpenAUnitsPageOrImport() async throws {
        try await withAPI { api in
            let f = try await ConsoleFixture.make(api)
            try await f.account(api, "organiser", .organiser)
            var organiser = ConsoleClient(api)
            _ = try await organiser.signIn("organiser", "a-good-password")
            #expect(try await organiser.get("/unit?unit=\(f.unit)").status == .forbidden)
            let csrf = ConsoleClient.csrf(in: try await organiser.get("/week").text)
            #expect(try await Self.upload(&organiser, csv: "姓名,手机号,社区\n某人,13900000305,xiangyuanjie\n", csrf: csrf).status == .forbidden)
        }
    }
}
