import Foundation

/// A facility's bays over a day or a week: who holds which bay when. Rendered as JSON,
/// CSV and a printable picture (bays as rows, time as columns, coloured by class).
public struct Timetable: Codable, Sendable {
    public struct Block: Codable, Sendable, Equatable {
        public var bay: String
        public var bookingID: Booking.ID
        public var userClass: UserClass.Kind
        /// The partner unit's name for `unit` bookings.
        public var unit: String?
        /// The partner unit's id for `unit` bookings: who may see the holder is decided on this,
        /// never on the name, which another unit could take. Not written to the JSON.
        public var unitID: PartnerUnit.ID? = nil
        public var holder: String
        public var start: Date
        public var end: Date

        public init(bay: String, bookingID: Booking.ID, userClass: UserClass.Kind, unit: String?, unitID: PartnerUnit.ID? = nil,
                    holder: String, start: Date, end: Date) {
            self.bay = bay
            self.bookingID = bookingID
            self.userClass = userClass
            self.unit = unit
            self.unitID = unitID
            self.holder = holder
            self.start = start
            self.end = end
        }

        enum CodingKeys: String, CodingKey {
            case bay, unit, holder, start, end
            case bookingID = "booking_id"
            case userClass = "user_class"
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(bay, forKey: .bay)
            try c.encode(bookingID, forKey: .bookingID)
            try c.encode(userClass, forKey: .userClass)
            try c.encode(unit, forKey: .unit)
            try c.encode(holder, forKey: .holder)
            try c.encode(start.rfc3339, forKey: .start)
            try c.encode(end.rfc3339, forKey: .end)
        }
    }

    public var facility: String
    public var timeZone: String
    public var from: LocalDate
    public var days: Int
    public var bays: [String]
    public var blocks: [Block]
    /// The sharing windows in force during the period, printed under the picture. Not written to
    /// the JSON (`GET /v1/facilities/{id}/windows` has them).
    public var rules: [Rule] = []

    public init(facility: String, timeZone: String, from: LocalDate, days: Int, bays: [String], blocks: [Block], rules: [Rule] = []) {
        self.facility = facility
        self.timeZone = timeZone
        self.from = from
        self.days = days
        self.bays = bays
        self.blocks = blocks
        self.rules = rules
    }

    enum CodingKeys: String, CodingKey {
        case facility, from, days, bays, blocks
        case timeZone = "time_zone"
    }

    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }
    public var start: Date { from.at(LocalTime(minutes: 0), in: zone) }
    public var end: Date { from.adding(days: days).at(LocalTime(minutes: 0), in: zone) }

    /// Local `YYYY-MM-DD HH:MM`.
    func local(_ t: Date) -> String { "\(LocalDate(t, in: zone)) \(LocalTime(t, in: zone))" }

    /// One line per bay and booking, for Excel or WPS: UTF-8 with a byte-order mark, CRLF,
    /// Chinese headers unless `english`.
    public func csv(english: Bool = false) -> Data {
        let header = english
            ? ["Bay", "Start", "End", "Class", "Partner unit", "Holder"]
            : ["车位", "开始", "结束", "类别", "联建单位", "用途"]
        var rows = [header]
        for b in blocks.sorted(by: { ($0.bay, $0.start) < ($1.bay, $1.start) }) {
            rows.append([b.bay, local(max(b.start, start)), local(min(b.end, end)),
                         english ? b.userClass.rawValue : Self.chineseName[b.userClass] ?? b.userClass.rawValue,
                         b.unit ?? "", b.holder])
        }
        return CSVTable.write(rows)
    }

    static let chineseName: [UserClass.Kind: String] = [.residents: "居民", .unit: "联建单位", .events: "活动", .public: "公众"]
    static let colour: [UserClass.Kind: String] = [.residents: "#4e79a7", .unit: "#f28e2b", .events: "#59a14f", .public: "#b07aa1"]
}
