import Foundation

extension PublicHolidays.Day {
    /// The days of a holiday file: CSV with the header `date,kind,name` (`kind` holiday or
    /// workday); lines starting with `#` are comments.
    /// - Throws: ``DomainError`` naming the line and column of the first bad cell.
    public static func parse(_ data: Data) throws(DomainError) -> [PublicHolidays.Day] {
        let text = String(decoding: data, as: UTF8.self)
        let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        let rows = try CSVTable.parse(Data(kept.utf8))
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces) }), header.prefix(3) == ["date", "kind", "name"] else {
            throw DomainError(field: "file", reason: "the first line must be date,kind,name")
        }
        var days: [PublicHolidays.Day] = []
        for (i, row) in rows.dropFirst().enumerated() {
            let cells = row.map { $0.trimmingCharacters(in: .whitespaces) } + ["", "", ""]
            let field = "rows[\(i + 1)]"
            guard let date = LocalDate(cells[0]) else { throw DomainError(field: "\(field).date", reason: "must be a date YYYY-MM-DD") }
            guard let kind = Kind(rawValue: cells[1]) else { throw DomainError(field: "\(field).kind", reason: "must be one of holiday, workday") }
            days.append(.init(date: date, kind: kind, name: cells[2]))
        }
        return days
    }

    /// Checks a year's table: every day in `year`, listed once, named, and a workday only on a weekend.
    public static func validate(_ days: [PublicHolidays.Day], year: Int) throws(DomainError) {
        var seen = Set<LocalDate>()
        for (i, day) in days.enumerated() {
            let field = "days[\(i)]"
            guard day.date.year == year else { throw DomainError(field: "\(field).date", reason: "is not in \(year)") }
            guard seen.insert(day.date).inserted else { throw DomainError(field: "\(field).date", reason: "is listed twice") }
            try Check.text(day.name, "\(field).name", max: 50)
            if day.kind == .workday, day.date.isoWeekday < 6 {
                throw DomainError(field: "\(field).kind", reason: "only a Saturday or a Sunday can be made a working day")
            }
        }
    }
}
