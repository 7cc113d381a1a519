import RosterSolver

/// Seeded generator of roster problems for tests and the benchmark.
///
/// Families:
/// - `ample`: plenty of volunteers for every skill;
/// - `tight`: fewer volunteers, scarce professional skills, sparse availability;
/// - `overlap`: shifts bunched at the same hours across many communities, so travel decides;
/// - `replan`: an ample problem with a previous roster, some of it pinned, after one volunteer left.
public struct InstanceGenerator: Sendable {
    public enum Family: String, CaseIterable, Sendable { case ample, tight, overlap, replan }

    public enum Size: String, CaseIterable, Sendable {
        case xs, s, m, l, xl
        /// (volunteers, shifts)
        public var counts: (Int, Int) {
            switch self {
            case .xs: (8, 6)
            case .s: (60, 40)
            case .m: (600, 400)
            case .l: (5_000, 3_500)
            case .xl: (20_000, 15_000)
            }
        }
    }

    public var family: Family
    public var volunteers: Int
    public var shifts: Int
    public var seed: UInt64
    public var days = 14

    public init(family: Family, size: Size, seed: UInt64) {
        self.family = family
        (volunteers, shifts) = size.counts
        self.seed = seed
        // Shifts per day stay realistic for a district: small problems cover a few days.
        days = switch size { case .xs: 1; case .s: 3; case .m: 7; case .l, .xl: 14 }
    }

    public init(family: Family, volunteers: Int, shifts: Int, seed: UInt64, days: Int = 14) {
        self.family = family
        self.volunteers = volunteers
        self.shifts = shifts
        self.seed = seed
        self.days = days
    }

    static let skills = ["companion", "steward", "driver", "first_aid", "nurse", "doctor", "lawyer", "notary"]
    // Relative frequency of each skill among volunteers; professional skills are rarer when tight.
    var skillWeights: [Int] { family == .tight ? [30, 20, 10, 8, 5, 3, 3, 2] : [30, 20, 12, 12, 8, 6, 6, 6] }
    // Relative demand for each skill among shifts.
    static let demandWeights = [34, 20, 8, 10, 8, 8, 6, 6]
    static let epoch: Int64 = 1_796_054_400  // 2026-12-01T00:00:00+08:00
    var communityCount: Int { max(3, min(40, volunteers / 50)) }
    var unitCount: Int { max(3, min(30, volunteers / 60)) }

    /// Generates the problem; the same parameters give the same problem.
    public func make() -> Problem {
        var rng = SplitMix64(seed: seed ^ 0x5EED_1A17)
        var vols = (0..<volunteers).map { makeVolunteer($0, &rng) }
        let shiftList = (0..<shifts).map { makeShift($0, &rng) }
        let horizon = Interval(start: Timestamp(epochSeconds: Self.epoch), end: Timestamp(epochSeconds: Self.epoch + Int64(days) * 86_400))
        var problem = Problem(
            horizon: horizon, travelMinutes: family == .overlap ? 45 : 30, weights: Weights(),
            volunteers: vols, shifts: shiftList)
        if family == .replan {
            problem.previous = SimpleRoster.greedy(problem)
            // One volunteer who was rostered leaves; a few of the remaining pairs are confirmed (pinned).
            if let leaver = problem.previous.first?.volunteer, let i = vols.firstIndex(where: { $0.id == leaver }) {
                vols[i].available = []
                problem.volunteers = vols
            }
            let kept = problem.previous.filter { $0.volunteer != problem.previous.first?.volunteer }
            problem.pinned = kept.enumerated().filter { $0.offset % 20 == 0 }.map(\.element)
        }
        return problem
    }

    private func pick(_ weights: [Int], _ rng: inout SplitMix64) -> Int {
        var r = rng.below(weights.reduce(0, +))
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    private func makeVolunteer(_ i: Int, _ rng: inout SplitMix64) -> Volunteer {
        var skills: Set<String> = [Self.skills[pick(skillWeights, &rng)]]
        let extra = family == .ample ? 2 : 1
        for _ in 0..<extra where rng.below(100) < 60 { skills.insert(Self.skills[pick(skillWeights, &rng)]) }
        if rng.below(100) < 15 { skills.insert(Self.skills[pick(skillWeights, &rng)]) }
        let dayChance = switch family { case .tight: 30; case .ample: 75; default: 55 }
        var available: [Interval] = []
        for day in 0..<days where rng.below(100) < dayChance {
            let base = Self.epoch + Int64(day) * 86_400
            let startHour = family == .overlap ? 7 : 7 + rng.below(family == .ample ? 3 : 6)
            let length = family == .overlap ? 13 : (family == .ample ? 10 : 5) + rng.below(family == .ample ? 4 : 8)
            available.append(Interval(
                start: Timestamp(epochSeconds: base + Int64(startHour) * 3600),
                end: Timestamp(epochSeconds: base + Int64(min(startHour + length, 22)) * 3600)))
        }
        let unit: String? = rng.below(100) < 85 ? "u-\(rng.below(unitCount))" : nil
        return Volunteer(
            id: "v-\(i)", unit: unit, community: "c-\(rng.below(communityCount))", skills: skills.sorted(),
            available: available, maxMinutes: [240, 480, 600, 720, 960][rng.below(5)])
    }

    private func makeShift(_ i: Int, _ rng: inout SplitMix64) -> Shift {
        let day = rng.below(days)
        let base = Self.epoch + Int64(day) * 86_400
        let startMinutes: Int
        if family == .overlap {
            startMinutes = [9 * 60, 10 * 60, 13 * 60 + 30, 15 * 60][rng.below(4)]
        } else {
            startMinutes = 8 * 60 + 30 * rng.below(20)
        }
        let minutes = [60, 90, 120, 180, 240][rng.below(5)]
        let skill = Self.skills[pick(Self.demandWeights, &rng)]
        let required = skill == "companion" && rng.below(100) < 10 ? 6 + rng.below(10) : 1 + rng.below(3)
        let units = rng.below(100) < 20 ? Array(Set((0..<(1 + rng.below(3))).map { _ in "u-\(rng.below(unitCount))" })).sorted() : []
        let start = base + Int64(startMinutes) * 60
        return Shift(
            id: "s-\(i)", event: "e-\(i / 3)", community: "c-\(rng.below(communityCount))",
            start: Timestamp(epochSeconds: start), end: Timestamp(epochSeconds: start + Int64(minutes) * 60),
            skill: skill, required: required, priority: 1 + rng.below(3), units: units)
    }
}
