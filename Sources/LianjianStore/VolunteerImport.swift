import Foundation
import LianjianDomain
import NIOCore
import PostgresNIO

/// All-or-nothing import of a partner unit's volunteer list.
///
/// Rows are streamed with `COPY` into a temporary staging table, checked with set-based
/// SQL, and inserted only when no row is bad; otherwise every bad row is reported.
public struct VolunteerImport: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// A problem with one cell of the file.
    public struct RowError: Codable, Sendable, Equatable {
        public var row: Int
        public var column: String
        public var reason: String
    }

    /// What an import did: how many volunteers it created, or why it created none.
    public struct Report: Codable, Sendable, Equatable {
        public var imported: Int
        public var errors: [RowError]
        /// Rows imported that need attention, such as a volunteer with no weekly availability
        /// (who cannot be rostered until it is added).
        public var warnings: [RowError] = []
    }

    /// How long one import's statements may take (150,000 rows take a few seconds).
    public static let timeLimit: Duration = .seconds(120)

    public func run(unit: PartnerUnit.ID, rows: [VolunteerCSV.Row]) async throws(StoreError) -> Report {
        let logger = db.logger
        let slots = Self.availability(rows)
        // A large file takes longer than a request's limit; it gets a limit of its own.
        return try await db.transaction(limit: .long(Self.timeLimit)) { c in
            try await c.query("""
                CREATE TEMP TABLE volunteer_import (
                    row_no integer, name text, phone text, community text, skills text, max_minutes text,
                    id uuid DEFAULT gen_random_uuid()) ON COMMIT DROP
                """, logger: logger).collectCount()
            try await c.copyFrom(table: "volunteer_import", columns: ["row_no", "name", "phone", "community", "skills", "max_minutes"], logger: logger) { writer in
                var buffer = ByteBuffer()
                for (i, row) in rows.enumerated() {
                    buffer.writeString(Self.line(row))
                    if i % 2000 == 1999 { try await writer.write(buffer); buffer.clear() }
                }
                if buffer.readableBytes > 0 { try await writer.write(buffer) }
            }
            let errors = (try await Self.check(c, logger) + slots.errors).sorted { ($0.row, $0.column) < ($1.row, $1.column) }
            guard errors.isEmpty else { return Report(imported: 0, errors: errors) }
            let imported = try await Self.insert(unit: unit, c, logger)
            try await Self.insertAvailability(slots.slots, c, logger)
            let warnings = rows.filter { slots.slots[$0.number]?.isEmpty ?? true }.map {
                RowError(row: $0.number, column: "availability", reason: "has no weekly availability: this volunteer cannot be rostered until it is added")
            }
            return Report(imported: imported, errors: [], warnings: warnings)
        }
    }

    /// Each row's weekly slots by row number, and the rows whose cell cannot be read.
    static func availability(_ rows: [VolunteerCSV.Row]) -> (slots: [Int: [WeeklySlot]], errors: [RowError]) {
        var slots: [Int: [WeeklySlot]] = [:]
        var errors: [RowError] = []
        for row in rows {
            do { slots[row.number] = try WeeklyText.parse(row.availability) } catch {
                errors.append(RowError(row: row.number, column: "availability", reason: error.reason))
            }
        }
        return (slots, errors)
    }

    static func insertAvailability(_ slots: [Int: [WeeklySlot]], _ c: PostgresConnection, _ logger: Logger) async throws {
        let flat = slots.flatMap { row, list in list.map { (row, $0) } }
        guard !flat.isEmpty else { return }
        try await c.query("""
            INSERT INTO volunteer_availability (volunteer_id, weekday, starts_at, ends_at)
            SELECT i.id, t.w, t.s::time, t.e::time
            FROM unnest(\(flat.map(\.0)), \(flat.map(\.1.weekday)), \(flat.map(\.1.start.description)), \(flat.map(\.1.end.description))) AS t(r, w, s, e)
            JOIN volunteer_import i ON i.row_no = t.r
            ON CONFLICT DO NOTHING
            """, logger: logger).collectCount()
    }

    // COPY text format: tab-separated, with backslash escapes.
    static func line(_ r: VolunteerCSV.Row) -> String {
        func esc(_ s: String) -> String {
            var out = ""
            for ch in s.unicodeScalars {
                switch ch {
                case "\\": out += "\\\\"
                case "\t": out += "\\t"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                default: out.unicodeScalars.append(ch)
                }
            }
            return out
        }
        return [String(r.number), r.name, PhoneNumber.normalised(r.phone) ?? r.phone, r.community, r.skills, r.maxMinutesPerWeek].map(esc).joined(separator: "\t") + "\n"
    }

    // One query per rule; each returns (row, column, reason) for the rows that break it.
    static let checks: [String] = [
        "SELECT row_no, 'name', 'must not be empty' FROM volunteer_import WHERE name = ''",
        "SELECT row_no, 'name', 'must be at most 50 characters' FROM volunteer_import WHERE char_length(name) > 50",
        "SELECT row_no, 'phone', 'must be a Chinese mobile number (13912345678) or a landline with its area code (0371-67891234)' FROM volunteer_import WHERE phone !~ '^(1[3-9][0-9]{9}|0[1-9][0-9]{8,10}|[48]00[0-9]{7})$'",
        "SELECT row_no, 'phone', 'appears twice in the file' FROM (SELECT row_no, count(*) OVER (PARTITION BY phone) AS n FROM volunteer_import WHERE phone <> '') d WHERE n > 1",
        "SELECT i.row_no, 'phone', 'is already registered' FROM volunteer_import i JOIN volunteers v ON v.phone = i.phone",
        "SELECT i.row_no, 'community', 'is not a known community code or name' FROM volunteer_import i WHERE NOT EXISTS (SELECT 1 FROM communities c WHERE c.code = i.community OR c.name = i.community)",
        // A name two communities share names neither: the row must use the community's code.
        "SELECT i.row_no, 'community', 'names ' || count(*) || ' communities; use the community code instead' FROM volunteer_import i JOIN communities c ON c.name = i.community WHERE NOT EXISTS (SELECT 1 FROM communities k WHERE k.code = i.community) GROUP BY i.row_no HAVING count(*) > 1",
        "SELECT i.row_no, 'name', 'contains a character that cannot be printed' FROM volunteer_import i WHERE i.name ~ '[[:cntrl:]\\uFEFF\\uFFFE\\uFFFF\\u202A-\\u202E\\u2066-\\u2069\\uE000-\\uF8FF]'",
        "SELECT DISTINCT i.row_no, 'skills', 'unknown skill ' || s FROM volunteer_import i, regexp_split_to_table(i.skills, '[;,、；，[:space:]]+') AS s WHERE s <> '' AND NOT EXISTS (SELECT 1 FROM skills k WHERE k.code = s OR k.name_zh = s)",
        "SELECT row_no, 'max_minutes_per_week', 'must be a whole number from 0 to 10080' FROM volunteer_import WHERE max_minutes <> '' AND (max_minutes !~ '^[0-9]{1,5}$' OR max_minutes::integer > 10080)",
    ]

    static func check(_ c: PostgresConnection, _ logger: Logger) async throws -> [RowError] {
        var errors: [RowError] = []
        for sql in checks {
            for row in try await c.query(PostgresQuery(unsafeSQL: sql), logger: logger).all((Int, String, String).self) {
                errors.append(RowError(row: row.0, column: row.1, reason: row.2))
            }
        }
        return errors.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }

    static func insert(unit: PartnerUnit.ID, _ c: PostgresConnection, _ logger: Logger) async throws -> Int {
        let count = try await c.query("""
            INSERT INTO volunteers (id, name, phone, unit_id, community_id, max_minutes_per_week)
            SELECT i.id, i.name, i.phone, \(unit.uuid),
                   (SELECT c.id FROM communities c WHERE c.code = i.community OR c.name = i.community ORDER BY c.code = i.community DESC LIMIT 1),
                   COALESCE(NULLIF(i.max_minutes, '')::integer, 480)
            FROM volunteer_import i RETURNING 1
            """, logger: logger).collectCount()
        try await c.query("""
            INSERT INTO volunteer_skills (volunteer_id, skill)
            SELECT DISTINCT i.id, k.code FROM volunteer_import i,
                   regexp_split_to_table(i.skills, '[;,、；，[:space:]]+') AS s JOIN skills k ON k.code = s OR k.name_zh = s
            """, logger: logger).collectCount()
        return count
    }
}
