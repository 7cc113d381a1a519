/// Assigns an accompaniment event's participants to its rostered companions: at most `ratio`
/// residents per companion, residents with an overriding need (a mobility aid) a companion of
/// their own, residents of one building kept together, and last time's pairings kept wherever
/// they still fit.
public struct CompanionGroups: Sendable {
    public struct Participant: Sendable {
        public var id: String
        public var building: String
        public var needs: [String]
        public init(id: String, building: String, needs: [String]) {
            self.id = id
            self.building = building
            self.needs = needs
        }
    }

    public struct Result: Sendable, Equatable {
        /// Companion → residents, in the order of `companions`.
        public var groups: [String: [String]]
        /// Residents no companion could take (too few companions rostered).
        public var unassigned: [String]
    }

    public let ratio: Int
    /// Need → companions of their own (from the staffing rule).
    public let overrides: [String: Int]

    public init(ratio: Int, overrides: [String: Int]) {
        self.ratio = max(1, ratio)
        self.overrides = overrides
    }

    public func assign(companions: [String], participants: [Participant], previous: [String: String] = [:]) -> Result {
        var groups: [String: [String]] = Dictionary(uniqueKeysWithValues: companions.map { ($0, []) })
        var dedicated = Set<String>()
        var unassigned: [String] = []
        let own = participants.filter { p in (p.needs.compactMap { overrides[$0] }.max() ?? 0) > 0 }
        let ordinary = participants.filter { p in (p.needs.compactMap { overrides[$0] }.max() ?? 0) == 0 }
        // Residents who need their own companion first: their last companion if free.
        for p in own {
            let want = p.needs.compactMap { overrides[$0] }.max() ?? 1
            var mine: [String] = []
            let order = [previous[p.id]].compactMap { $0 } + companions
            for c in order where mine.count < want && groups[c]?.isEmpty == true && !dedicated.contains(c) {
                mine.append(c)
                dedicated.insert(c)
            }
            guard let first = mine.first else { unassigned.append(p.id); continue }
            groups[first, default: []].append(p.id)
        }
        let shared = companions.filter { !dedicated.contains($0) }
        func room(_ c: String) -> Int { ratio - (groups[c]?.count ?? 0) }
        // Then last time's pairings, then building by building, largest first.
        var waiting: [Participant] = []
        for p in ordinary {
            if let c = previous[p.id], shared.contains(c), room(c) > 0 { groups[c, default: []].append(p.id) } else { waiting.append(p) }
        }
        let byBuilding = Dictionary(grouping: waiting, by: \.building).sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }
        let buildingOf = Dictionary(uniqueKeysWithValues: participants.map { ($0.id, $0.building) })
        for (building, residents) in byBuilding {
            for p in residents {
                let best = shared.filter { room($0) > 0 }.max { a, b in
                    let (sa, sb) = (groups[a]!.filter { buildingOf[$0] == building }.count, groups[b]!.filter { buildingOf[$0] == building }.count)
                    if sa != sb { return sa < sb }
                    let (ea, eb) = (groups[a]!.isEmpty, groups[b]!.isEmpty)
                    if ea != eb { return !ea }
                    return shared.firstIndex(of: a)! > shared.firstIndex(of: b)!
                }
                if let best { groups[best, default: []].append(p.id) } else { unassigned.append(p.id) }
            }
        }
        return Result(groups: groups, unassigned: unassigned)
    }
}
