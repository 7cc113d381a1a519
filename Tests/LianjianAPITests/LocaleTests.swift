import Foundation
import HTTPTypes
@testable import LianjianAPI
import LianjianDomain
import Testing

@Suite("Messages follow Accept-Language; times carry the community's offset")
struct LocaleTests {
    @Test("Accept-Language picks the best language Lianjian speaks, else the configured one")
    func negotiation() {
        #expect(Language.negotiate(nil, fallback: .chinese) == .chinese)
        #expect(Language.negotiate(nil, fallback: .english) == .english)
        #expect(Language.negotiate("en-US,en;q=0.9", fallback: .chinese) == .english)
        #expect(Language.negotiate("zh-Hans-CN, en;q=0.8", fallback: .english) == .chinese)
        #expect(Language.negotiate("fr-FR, en;q=0.5, zh;q=0.7", fallback: .english) == .chinese)
        #expect(Language.negotiate("fr, de;q=0.9", fallback: .english) == .english)
        #expect(Language.negotiate("en;q=0, zh", fallback: .english) == .chinese)
        #expect(Language.negotiate("*", fallback: .chinese) == .chinese)
    }

    @Test("templates translate their values too, and English stays English")
    func templates() {
        #expect(Messages.localise("roster not found", to: .chinese) == "未找到该排班表")
        #expect(Messages.localise("roster not found", to: .english) == "roster not found")
        #expect(Messages.localise("phone is already taken", to: .chinese) == "phone 已被占用")
        #expect(Messages.localise("must be between 1 and 200", to: .chinese) == "须在 1 到 200 之间")
        #expect(Messages.localise("this draft is stale: 王芳 declined 「观影」 at 2026-12-05T09:00:00+08:00; generate it again", to: .chinese)
                == "此草稿已过时：王芳 已于 2026-12-05T09:00:00+08:00 谢绝「观影」；请重新生成")
        #expect(Messages.localise("no sharing window for 上街区中医院's visitors is open at 2026-12-05 09:00", to: .chinese)
                == "2026-12-05 09:00 没有对上街区中医院的来访者开放的共享时段")
        // Something the catalogue does not know is passed through rather than garbled.
        #expect(Messages.localise("a brand-new message", to: .chinese) == "a brand-new message")
    }

    @Test("matching never fails on odd text: empty values, repeated separators, combining marks")
    func oddTextIsPassedThroughOrTranslated() {
        let samples = ["", " not found", "not found", "  not found not found", "is  but the facility has  bays",
                       "bay  is held by another booking from  to ", "e\u{301} not found", "🇨🇳 declined 「」 at ", "{} not found"]
        for s in samples { #expect(!Messages.localise(s, to: .chinese).isEmpty || s.isEmpty) }
        #expect(Messages.match("a-b-c", ["a", "-", ""]) == ["-b", "c"])
        #expect(Messages.match("ab", ["a", "b"]) == nil)
    }

    @Test("every message written in the API, store and domain sources has a Chinese translation")
    func catalogueCoversTheSources() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let missing = try MessageLiterals.scan(root.appendingPathComponent("Sources"), targets: ["LianjianAPI", "LianjianStore", "LianjianDomain", "LianjianJobs"])
            .filter { template in
                let sample = template.replacingOccurrences(of: "{}", with: "7")
                let chinese = Messages.localise(sample, to: .chinese)
                return chinese == sample || chinese.contains("{")
            }
        #expect(missing.isEmpty, "no zh-CN entry in Sources/LianjianAPI/Messages for: \(missing.sorted())")
    }

    @Test("errors are Chinese by default and English when asked; JSON times are local with an offset")
    func overHTTP() async throws {
        try await withAPI { api in
            let missing = "/v1/events/\(UUID().uuidString.lowercased())"
            let zh = try await api.get(missing)
            #expect(zh.status == .notFound && zh.error["message"] as? String == "未找到该活动", "\(zh.text)")
            #expect(zh.headers[.contentLanguage] == "zh-CN")
            let en = try await api.send(.get, missing, headers: [.acceptLanguage: "en-GB,en;q=0.9"])
            #expect(en.error["message"] as? String == "event not found" && en.headers[.contentLanguage] == "en")
            // A field's rule, translated, still names the field.
            let bad = try await api.post("/v1/communities", ["code": "X", "name": "上街"])
            #expect(bad.status == .unprocessableContent && bad.error["field"] as? String == "code", "\(bad.text)")
            #expect((bad.error["message"] as? String)?.hasPrefix("须为 2–63 个小写字母") == true, "\(bad.text)")
        }
    }
}
