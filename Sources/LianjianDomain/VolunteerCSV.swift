/// The columns of a partner unit's volunteer list, by English or Chinese header.
public enum VolunteerCSV {
    /// Canonical column → accepted headers (case-insensitive, spaces ignored).
    public static let headers: [(column: String, names: [String], required: Bool)] = [
        ("name", ["name", "姓名", "名字"], true),
        ("phone", ["phone", "mobile", "手机", "手机号", "手机号码", "电话", "联系电话"], true),
        ("community", ["community", "社区", "所属社区"], true),
        ("skills", ["skills", "技能", "专长"], false),
        ("max_minutes_per_week", ["max_minutes_per_week", "每周最多分钟", "每周时长上限"], false),
        // `周六 09:00-12:00；周日 14:00-17:00` (see ``WeeklyText``).
        ("availability", ["availability", "weekly_availability", "每周可服务时间", "可服务时间", "服务时间"], false),
    ]

    /// One data row, as text; checked in the database.
    public struct Row: Sendable, Equatable {
        /// The row's line number as a spreadsheet shows it (the header is row 1).
        public var number: Int
        public var name: String
        public var phone: String
        public var community: String
        public var skills: String
        public var maxMinutesPerWeek: String
        public var availability: String = ""
    }

    /// Maps a parsed table to rows.
    /// - Throws: ``DomainError`` naming a required header that is missing.
    public static func rows(_ table: [[String]]) throws(DomainError) -> [Row] {
        guard let header = table.first else { throw DomainError(field: "file", reason: "is empty") }
        let normalized = header.map { $0.lowercased().filter { !$0.isWhitespace } }
        var index: [String: Int] = [:]
        for spec in headers {
            if let i = normalized.firstIndex(where: { spec.names.contains($0) }) {
                index[spec.column] = i
            } else if spec.required {
                throw DomainError(field: spec.column, reason: "column is missing; expected one of \(spec.names.joined(separator: ", "))")
            }
        }
        return table.dropFirst().enumerated().map { offset, cells in
            func cell(_ column: String) -> String {
                guard let i = index[column], i < cells.count else { return "" }
                return cells[i].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return Row(
                number: offset + 2, name: cell("name"), phone: cell("phone"), community: cell("community"),
                skills: cell("skills"), maxMinutesPerWeek: cell("max_minutes_per_week"), availability: cell("availability"))
        }
    }
}

import Foundation
