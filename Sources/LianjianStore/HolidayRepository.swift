import Foundation
import LianjianDomain
import PostgresNIO

/// The table of public holidays and made working days, year by year.
public struct HolidayRepository: Sendable {
    let db: Database

    public init(_ db: Database) { self.db = db }

    /// The days of `from…to` (inclusive), as a table plans can apply.
    public func table(from: LocalDate, to: LocalDate) async throws(StoreError) -> PublicHolidays {
        PublicHolidays(try await days("day BETWEEN $1::date AND $2::date", [from.description, to.description]))
    }

    /// The days of `year`, in date order.
    public func list(year: Int) async throws(StoreError) -> [PublicHolidays.Day] {
        try await days("extract(year FROM day) = $1", [year])
    }

    /// The years the table has any day of.
    public func years() async throws(StoreError) -> [Int] {
        try await db.withConnection { c in
            try await c.query("SELECT DISTINCT extract(year FROM day)::int FROM public_holidays ORDER BY 1", logger: db.logger).all(Int.self)
        }
    }

    /// Replaces `year`'s days with `days` (all within that year), in one transaction.
    public func replace(year: Int, with days: [PublicHolidays.Day]) async throws(StoreError) {
        try await db.transaction { c in
            _ = try await c.query("DELETE FROM public_holidays WHERE extract(year FROM day) = \(year)", logger: db.logger)
            _ = try await c.query("""
                INSERT INTO public_holidays (day, kind, name)
                SELECT * FROM unnest(\(days.map(\.date.description))::date[], \(days.map(\.kind.rawValue))::text[], \(days.map(\.name))::text[])
                """, logger: db.logger)
        }
    }

    /// Loads the years of `days` the table has none of (an admin's replacement is kept); returns them.
    public func loadMissingYears(_ days: [PublicHolidays.Day]) async throws(StoreError) -> [Int] {
        let present = Set(try await years())
        let byYear = Dictionary(grouping: days, by: \.date.year).filter { !present.contains($0.key) }
        for (year, days) in byYear.sorted(by: { $0.key < $1.key }) { try await replace(year: year, with: days) }
        return byYear.keys.sorted()
    }

    private func days(_ condition: String, _ binds: [any PostgresEncodable & Sendable]) async throws(StoreError) -> [PublicHolidays.Day] {
        let rows = try await db.withConnection { c in
            var bindings = PostgresBindings()
            for b in binds { try bindings.append(b) }
            return try await c.query(PostgresQuery(unsafeSQL: "SELECT day::text, kind, name FROM public_holidays WHERE \(condition) ORDER BY day",
                                                   binds: bindings), logger: db.logger).all((String, String, String).self)
        }
        return rows.compactMap { r in
            guard let date = LocalDate(r.0), let kind = PublicHolidays.Day.Kind(rawValue: r.1) else { return nil }
            return PublicHolidays.Day(date: date, kind: kind, name: r.2)
        }
    }
}
