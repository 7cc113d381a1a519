import Foundation

/// A typed identifier: `Volunteer.ID` and `Community.ID` cannot be mixed up.
public struct Identifier<Entity>: Hashable, Codable, Sendable, CustomStringConvertible, Comparable {
    public let uuid: UUID

    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Parses the canonical text form; `nil` when it is not a UUID.
    public init?(_ text: String) {
        guard let uuid = UUID(uuidString: text) else { return nil }
        self.uuid = uuid
    }

    public var description: String { uuid.uuidString.lowercased() }

    public static func < (a: Self, b: Self) -> Bool { a.description < b.description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let uuid = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an id")
        }
        self.uuid = uuid
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension KeyedEncodingContainer {
    /// Encodes a UUID in the lower-case text form every id in the API has; Foundation's own
    /// encoding is upper case, and clients compare ids as strings.
    public mutating func encodeID(_ id: UUID?, forKey key: Key) throws {
        try encode(id?.uuidString.lowercased(), forKey: key)
    }
}
