import Foundation

/// Where an issue stands in 一征三议两公开: collected (征), proposed by the party branch (提议),
/// discussed by the community committees (商议), resolved by residents' representatives with a
/// vote (决议), the decision published (决议公开), in progress, the result published (结果公开),
/// closed; or declined with the reason (published too) before the work starts.
public enum IssueState: String, Codable, Sendable, CaseIterable {
    case collected, proposed, discussed, resolved
    case decisionPublished = "decision_published", inProgress = "in_progress", resultPublished = "result_published"
    case closed, declined

    /// The one step forward from here, if any.
    public var next: IssueState? {
        switch self {
        case .collected: .proposed
        case .proposed: .discussed
        case .discussed: .resolved
        case .resolved: .decisionPublished
        case .decisionPublished: .inProgress
        case .inProgress: .resultPublished
        case .resultPublished: .closed
        case .closed, .declined: nil
        }
    }

    /// Whether an issue here may move to `target`: one step forward, or declined before any
    /// decision is published.
    public func allows(_ target: IssueState) -> Bool {
        target == next || (target == .declined && [.collected, .proposed, .discussed, .resolved].contains(self))
    }

    /// Whether the state is a publication, which puts a notice on the community's board.
    public var notice: String? {
        switch self {
        case .decisionPublished: "decision"
        case .resultPublished: "result"
        case .declined: "declined"
        default: nil
        }
    }

    public var chinese: String {
        switch self {
        case .collected: "征集"
        case .proposed: "支部提议"
        case .discussed: "两委商议"
        case .resolved: "居民代表决议"
        case .decisionPublished: "决议公开"
        case .inProgress: "实施中"
        case .resultPublished: "结果公开"
        case .closed: "已办结"
        case .declined: "不予采纳"
        }
    }

    public var english: String {
        switch self {
        case .collected: "collected"
        case .proposed: "proposed by the branch"
        case .discussed: "discussed by the committees"
        case .resolved: "resolved by representatives"
        case .decisionPublished: "decision published"
        case .inProgress: "in progress"
        case .resultPublished: "result published"
        case .closed: "closed"
        case .declined: "declined"
        }
    }
}

/// What an organiser sends to move an issue on.
public struct IssueTransition: Codable, Sendable, Equatable {
    public struct Vote: Codable, Sendable, Equatable {
        public var inFavour: Int
        public var against: Int
        public var abstaining: Int
        public init(inFavour: Int, against: Int, abstaining: Int) {
            self.inFavour = inFavour
            self.against = against
            self.abstaining = abstaining
        }
        enum CodingKeys: String, CodingKey {
            case against, abstaining
            case inFavour = "for"
        }
    }

    public var to: IssueState
    public var note: String?
    public var vote: Vote?
    public var minutes: String?
    public var decision: String?
    public var result: String?
    public var reason: String?

    public init(to: IssueState, note: String? = nil, vote: Vote? = nil, minutes: String? = nil, decision: String? = nil,
                result: String? = nil, reason: String? = nil) {
        self.to = to
        self.note = note
        self.vote = vote
        self.minutes = minutes
        self.decision = decision
        self.result = result
        self.reason = reason
    }

    /// What each move needs: a resolution its vote and decision, a result its text, a decline its reason.
    /// - Throws: ``DomainError`` naming the field.
    public func validate(from state: IssueState) throws(DomainError) {
        guard state.allows(to) else {
            throw DomainError(field: "to", reason: "cannot follow the issue's state \(state.rawValue); next is \(state.next?.rawValue ?? "nothing")")
        }
        try Check.text(note ?? "", "note", max: 2000, allowEmpty: true, multiline: true)
        try Check.text(minutes ?? "", "minutes", max: 10_000, allowEmpty: true, multiline: true)
        switch to {
        case .resolved:
            guard let vote else { throw DomainError(field: "vote", reason: "is needed to resolve: for, against and abstaining") }
            for (name, n) in [("vote.for", vote.inFavour), ("vote.against", vote.against), ("vote.abstaining", vote.abstaining)] {
                try Check.range(n, name, 0...100_000)
            }
            try Check.text(decision ?? "", "decision", max: 2000, multiline: true)
        case .resultPublished:
            try Check.text(result ?? "", "result", max: 2000, multiline: true)
        case .declined:
            try Check.text(reason ?? "", "reason", max: 2000, multiline: true)
        default:
            break
        }
    }
}
