import Foundation

/// A solved roster in the `roster/1` format.
public struct Roster: Codable, Sendable, Equatable {
    public var format: String
    public var assignments: [Pair]
    public var unfilled: [Unfilled]
    public var score: Score
    /// A proven lower bound on `score.total`, when the solver has one.
    public var lowerBound: Int?
    /// Free-form statistics (solve time, iterations, …).
    public var stats: [String: Int]?

    public static let formatTag = "roster/1"

    public init(assignments: [Pair], unfilled: [Unfilled], score: Score, lowerBound: Int? = nil, stats: [String: Int]? = nil) {
        self.format = Self.formatTag
        self.assignments = assignments
        self.unfilled = unfilled
        self.score = score
        self.lowerBound = lowerBound
        self.stats = stats
    }

    enum CodingKeys: String, CodingKey {
        case format, assignments, unfilled, score, stats
        case lowerBound = "lower_bound"
    }

    /// A shift left short of volunteers.
    public struct Unfilled: Codable, Sendable, Equatable {
        public var shift: String
        public var missing: Int

        public init(shift: String, missing: Int) {
            self.shift = shift
            self.missing = missing
        }
    }

    /// Decodes a roster from JSON, naming the JSON path of any malformed value.
    public static func decode(_ data: Data) throws(ProblemError) -> Roster {
        do {
            return try JSONDecoder().decode(Roster.self, from: data)
        } catch let error as DecodingError {
            throw ProblemError.from(error)
        } catch {
            throw ProblemError(.malformed, path: "$", reason: "not valid JSON")
        }
    }

    /// The roster as pretty, key-sorted JSON.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }
}

/// The four score terms and their total; lower is better.
public struct Score: Codable, Sendable, Equatable, Comparable, CustomStringConvertible {
    public var unfilled: Int
    public var away: Int
    public var fairness: Int
    public var change: Int
    public var total: Int

    public init(unfilled: Int, away: Int, fairness: Int, change: Int) {
        self.unfilled = unfilled
        self.away = away
        self.fairness = fairness
        self.change = change
        self.total = unfilled + away + fairness + change
    }

    public static func < (a: Score, b: Score) -> Bool { a.total < b.total }

    public var description: String {
        "total \(total) (unfilled \(unfilled), away \(away), fairness \(fairness), change \(change))"
    }
}
