import Foundation
import LianjianDomain
import PostgresNIO

/// The append-only audit log that the database's triggers write.
public struct AuditRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    public struct Entry: Sendable, Encodable {
        public var id: Int
        public var at: Date
        public var actor: String
        public var table: String
        public var operation: String
        public var rowID: String?
        /// The row before and after, as JSON text.
        public var before: String?
        public var after: String?

        enum CodingKeys: String, CodingKey {
            case id, at, actor, table, operation, before, after
            case rowID = "row_id"
        }
    }

    /// Newest first, `limit` entries before the entry `before` (a cursor), optionally one table or row.
    public func list(limit: Int, before: Int?, table: String?, rowID: String?) async throws(StoreError) -> [Entry] {
        let rows = try await db.withConnection { c in
            try await c.query("""
                SELECT id, at, actor, table_name, operation, row_id, before::text, after::text FROM audit_log
                WHERE (\(before)::bigint IS NULL OR id < \(before)) AND (\(table)::text IS NULL OR table_name = \(table))
                  AND (\(rowID)::text IS NULL OR row_id = \(rowID))
                ORDER BY id DESC LIMIT \(limit)
                """, logger: db.logger).all((Int, Date, String, String, String, String?, String?, String?).self)
        }
        return rows.map { Entry(id: $0.0, at: $0.1, actor: $0.2, table: $0.3, operation: $0.4, rowID: $0.5, before: $0.6, after: $0.7) }
    }
}
