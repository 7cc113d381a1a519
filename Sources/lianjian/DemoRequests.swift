import Foundation
import LianjianDomain
import LianjianStore

/// The demo's 民情速递站 (issue 19), after the Shangjie report: 陇海安居's 28 requests across its
/// five buildings — leaking roofs, blocked drains, no street lights, no greenery, and most often
/// no parking — grouped into issues; the parking issue taken through 一征三议两公开 to its result,
/// linked to the car park and the TCM hospital's 错时停车 project, and published on the board.
struct DemoRequests {
    let db: Database
    let community: Community.ID
    let hospital: PartnerUnit.ID

    /// (category, building, channel, text); residents' names and numbers are invented.
    static let requests: [(String, Int, ResidentRequest.Channel, String)] = {
        var all: [(String, Int, ResidentRequest.Channel, String)] = []
        let parking = ["晚上回来没有地方停车，车只能停在路边", "小区没有停车位，消防通道也被占了", "希望把西侧空地改成停车场"]
        for (i, b) in [1, 2, 2, 3, 3, 3, 4, 4, 5, 5, 2].enumerated() { all.append(("parking", b, i % 3 == 0 ? .form : .card, parking[i % 3])) }
        for b in [1, 3, 4, 5, 5] { all.append(("roof_leak", b, .card, "顶楼下雨就漏水，墙皮都泡掉了")) }
        for b in [1, 2, 4, 4] { all.append(("drains", b, .card, "下水管网经常堵，楼道里有味道")) }
        for (i, b) in [2, 3, 5].enumerated() { all.append(("lighting", b, i == 0 ? .meeting : .form, "小区里没有路灯，老人晚上不敢出门")) }
        for b in [1, 3, 4] { all.append(("greening", b, .card, "没有绿化，废弃的门球场可以改成小游园")) }
        all.append(("sanitation", 2, .card, "私搭乱建的车棚堆满杂物"))
        all.append(("other", 5, .form, "希望小区里有家电维修点"))
        return all
    }()

    func load() async throws {
        let requests = RequestRepository(db)
        let buildings = try await requests.buildings(of: community)
        let byName = Dictionary(buildings.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        for (i, (category, building, channel, text)) in Self.requests.enumerated() {
            _ = try await requests.create(in: community, .init(
                category: category, text: text, buildingID: byName["\(building)号楼"],
                residentName: i % 4 == 0 ? "\(DemoRegistry.surnames[i % 12])阿姨" : nil,
                residentPhone: i % 4 == 0 ? "1350000\(String(format: "%04d", i))" : nil), channel: channel, actor: "demo")
        }
        let issues = IssueRepository(db)
        // Each category of the estate as one issue, as an organiser would merge the suggestions.
        let suggestions = try await issues.suggestions(community, since: Date().addingTimeInterval(-86_400))
        let grouped = Dictionary(grouping: suggestions, by: \.category)
        let titles = ["parking": "小区没有停车位", "roof_leak": "顶楼漏水", "drains": "下水管网堵塞", "lighting": "小区没有路灯",
                      "greening": "没有绿化", "sanitation": "乱搭车棚", "other": "家电维修"]
        var ids: [String: Issue.ID] = [:]
        for (category, parts) in grouped {
            ids[category] = try await issues.create(in: community, title: titles[category] ?? category, category: category,
                                                   requests: parts.flatMap(\.requestIDs).compactMap(UUID.init(uuidString:)), actor: "demo")
        }
        try await parking(ids["parking"]!, issues)
        try await steps(ids["greening"]!, [.init(to: .proposed), .init(to: .discussed),
                                            .init(to: .resolved, vote: .init(inFavour: 21, against: 0, abstaining: 2),
                                                  decision: "把废弃多年的门球场改造成供居民休闲纳凉的小游园。"),
                                            .init(to: .decisionPublished), .init(to: .inProgress)], issues)
        try await steps(ids["roof_leak"]!, [.init(to: .proposed, note: "纳入楼房整体改造")], issues)
    }

    /// The parking issue, as the report tells it: the branch proposes the old warehouses' land,
    /// the committees talk it through with the village group, the representatives vote, and the
    /// car park opens, shared off-peak with the hospital.
    private func parking(_ id: Issue.ID, _ issues: IssueRepository) async throws {
        try await steps(id, [
            .init(to: .proposed, note: "居民代表提出把小区西侧废旧仓库周围的空地改造成停车场"),
            .init(to: .discussed, note: "社区两委对接村组，逐户走访做工作"),
            .init(to: .resolved, vote: .init(inFavour: 26, against: 1, abstaining: 1), minutes: "居民代表沟通会纪要：同意改建停车场。",
                  decision: "小区西侧废旧仓库空地改建为停车场；与上街区中医院签约党建联建项目，白天为就诊群众错时停车。"),
            .init(to: .decisionPublished), .init(to: .inProgress),
            .init(to: .resultPublished, result: "停车场已建成，共 40 个车位：夜间居民停车，白天为中医院就诊群众错时停车。"),
        ], issues)
        let projects = try await ProjectRepository(db).list(RegistryFilter(), PageRequest(limit: 500)).items
        if let project = projects.first(where: { $0.unitID == hospital && $0.communityID == community && $0.title == "错时停车" }) {
            _ = try await issues.link(id, to: .project(project.id.uuid), actor: "demo")
        }
        if let park = try await FacilityRepository(db).list(in: community).first(where: { $0.code == "longhai-car-park" }) {
            _ = try await issues.link(id, to: .facility(park.id.uuid), actor: "demo")
        }
    }

    private func steps(_ id: Issue.ID, _ moves: [IssueTransition], _ issues: IssueRepository) async throws {
        for move in moves { _ = try await issues.move(id, move, actor: "demo") }
    }
}
