import Foundation
import LianjianDomain
import Logging
import PostgresNIO

/// Keyset pagination: at most `limit` items after the cursor (an id).
public struct PageRequest: Sendable {
    public var after: UUID?
    public var limit: Int

    public init(after: UUID? = nil, limit: Int = 50) {
        self.after = after
        self.limit = max(1, min(limit, 500))
    }
}

/// Filters of the volunteer and project lists; `nil` means any.
public struct RegistryFilter: Sendable {
    public var community: Community.ID?
    public var unit: PartnerUnit.ID?
    public var skill: String?

    public init(community: Community.ID? = nil, unit: PartnerUnit.ID? = nil, skill: String? = nil) {
        self.community = community
        self.unit = unit
        self.skill = skill
    }
}

extension PostgresRowSequence {
    /// Decodes every row; PostgresNIO has no `collect()` on decoded sequences.
    func all<each T: PostgresDecodable>(_ types: (repeat each T).Type) async throws -> [(repeat each T)] {
        var result: [(repeat each T)] = []
        for try await row in self.decode((repeat each T).self) { result.append(row) }
        return result
    }
}

extension Array {
    /// Splits a fetched `limit + 1` rows into a page and its next cursor.
    func page<Item>(limit: Int, id: (Element) -> UUID, map: (Element) throws -> Item) rethrows -> Page<Item> {
        let items = try prefix(limit).map(map)
        let next = count > limit ? self[limit - 1] : nil
        return Page(items: items, nextCursor: next.map { id($0).uuidString.lowercased() })
    }
}

extension StoreError {
    static func notFound(_ what: String) -> StoreError { StoreError(.notFound, message: "\(what) not found") }
}
