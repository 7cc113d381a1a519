import Crypto
import Foundation
import RosterSolver

/// What a night's roster was planned from: the problem (without its pins and previous roster,
/// which only restate what is published) and the published pairs it left. When the next night
/// reads the same again, nothing that the roster depends on has changed, and solving again
/// could only move people for a marginal gain in score — churn that people were told to expect
/// would not happen. The night then keeps the roster as it stands.
struct RosterFingerprint: Equatable {
    let text: String

    init(problem: Problem, published: some Collection<Pair>) {
        var bare = problem
        bare.pinned = []
        bare.previous = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Problems are plain values; encoding one cannot fail.
        let document = (try? encoder.encode(bare)) ?? Data()
        let pairs = published.map { "\($0.shift)|\($0.volunteer)" }.sorted().joined(separator: "\n")
        text = Self.hex(SHA256.hash(data: document)) + "." + Self.hex(SHA256.hash(data: Data(pairs.utf8)))
    }

    static func hex(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }
}
