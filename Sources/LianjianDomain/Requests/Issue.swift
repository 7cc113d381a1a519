import Foundation

/// An issue of residents' requests, as its community's organisers read it: where it stands in
/// 一征三议两公开, how many requests it gathers from which buildings, the vote and the texts,
/// every step with who and when, and what answers it.
public struct Issue: Sendable, Encodable, Equatable {
    public typealias ID = Identifier<Issue>

    public struct Step: Sendable, Encodable, Equatable {
        public var from: String?
        public var to: String
        public var note: String
        public var actor: String
        public var at: Date
        public init(from: String?, to: String, note: String, actor: String, at: Date) {
            self.from = from
            self.to = to
            self.note = note
            self.actor = actor
            self.at = at
        }
        enum CodingKeys: String, CodingKey { case from, to, note, actor, at }
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(note, forKey: .note)
            try c.encode(actor, forKey: .actor)
            try c.encode(at.rfc3339, forKey: .at)
        }
    }

    /// What answers the issue: `project`, `plan`, `event` or `facility`, with its name.
    public struct Link: Sendable, Encodable, Equatable {
        public var kind: String
        public var id: String
        public var name: String
        public init(kind: String, id: String, name: String) {
            self.kind = kind
            self.id = id
            self.name = name
        }
    }

    public var id: ID
    public var communityID: Community.ID
    public var category: String
    public var categoryName: String
    public var title: String
    public var state: IssueState
    public var requests: Int
    /// Buildings with their number of requests: `[("2号楼", 4), ("3号楼", 3)]`.
    public var buildings: [(name: String, count: Int)]
    public var vote: IssueTransition.Vote?
    public var minutes: String
    public var decision: String
    public var result: String
    public var declinedReason: String
    public var steps: [Step]
    public var links: [Link]

    public init(id: ID, communityID: Community.ID, category: String, categoryName: String, title: String, state: IssueState, requests: Int,
                buildings: [(name: String, count: Int)], vote: IssueTransition.Vote?, minutes: String, decision: String, result: String,
                declinedReason: String, steps: [Step], links: [Link]) {
        self.id = id
        self.communityID = communityID
        self.category = category
        self.categoryName = categoryName
        self.title = title
        self.state = state
        self.requests = requests
        self.buildings = buildings
        self.vote = vote
        self.minutes = minutes
        self.decision = decision
        self.result = result
        self.declinedReason = declinedReason
        self.steps = steps
        self.links = links
    }

    public static func == (a: Issue, b: Issue) -> Bool {
        a.id == b.id && a.state == b.state && a.requests == b.requests && a.steps == b.steps && a.links == b.links
    }

    /// 「11 件：停车难（2号楼 4、3号楼 3……）」: what the deliberation sees.
    public var summary: String {
        let from = buildings.map { "\($0.name) \($0.count)" }.joined(separator: "、")
        return "\(requests) 件：\(categoryName)" + (from.isEmpty ? "" : "（\(from)）")
    }

    struct BuildingCount: Encodable {
        var name: String
        var count: Int
    }

    enum CodingKeys: String, CodingKey {
        case id, category, title, state, requests, buildings, vote, minutes, decision, result, steps, links, summary
        case communityID = "community_id", categoryName = "category_name", stateName = "state_name", declinedReason = "declined_reason"
        case next
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(communityID, forKey: .communityID)
        try c.encode(category, forKey: .category)
        try c.encode(categoryName, forKey: .categoryName)
        try c.encode(title, forKey: .title)
        try c.encode(state.rawValue, forKey: .state)
        try c.encode(state.chinese, forKey: .stateName)
        try c.encode(state.next?.rawValue, forKey: .next)
        try c.encode(requests, forKey: .requests)
        try c.encode(buildings.map { BuildingCount(name: $0.name, count: $0.count) }, forKey: .buildings)
        try c.encode(summary, forKey: .summary)
        try c.encode(vote, forKey: .vote)
        try c.encode(minutes, forKey: .minutes)
        try c.encode(decision, forKey: .decision)
        try c.encode(result, forKey: .result)
        try c.encode(declinedReason, forKey: .declinedReason)
        try c.encode(steps, forKey: .steps)
        try c.encode(links, forKey: .links)
    }
}
