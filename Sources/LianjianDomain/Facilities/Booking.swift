import Foundation

/// A booking of some bays of a facility for a time interval, by a class of users:
/// an event (the screening's clinic van), a partner unit (the hospital's patients),
/// residents (a standing overnight bay) or the public.
public struct Booking: Encodable, Sendable, Equatable {
    public typealias ID = Identifier<Booking>
    public var id: ID
    public var facilityID: Facility.ID
    public var userClass: UserClass
    /// What the timetable shows, e.g. `义诊医疗车` or `3号楼 固定车位`.
    public var holder: String
    public var bayCount: Int
    public var span: TimeSpan
    /// Occurrences booked together (a standing booking) share a series.
    public var seriesID: UUID?
    /// The bays laid out for it, by label.
    public var bays: [String]

    public init(id: ID, facilityID: Facility.ID, userClass: UserClass, holder: String, bayCount: Int, span: TimeSpan,
                seriesID: UUID?, bays: [String]) {
        self.id = id
        self.facilityID = facilityID
        self.userClass = userClass
        self.holder = holder
        self.bayCount = bayCount
        self.span = span
        self.seriesID = seriesID
        self.bays = bays
    }

    enum CodingKeys: String, CodingKey {
        case id, holder, start, end, bays
        case facilityID = "facility_id"
        case userClass = "user_class"
        case unitID = "unit_id"
        case bayCount = "bay_count"
        case seriesID = "series_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(facilityID, forKey: .facilityID)
        try c.encode(userClass.kind, forKey: .userClass)
        try c.encode(userClass.unitID, forKey: .unitID)
        try c.encode(holder, forKey: .holder)
        try c.encode(bayCount, forKey: .bayCount)
        try c.encode(span.start.rfc3339, forKey: .start)
        try c.encode(span.end.rfc3339, forKey: .end)
        try c.encodeID(seriesID, forKey: .seriesID)
        try c.encode(bays, forKey: .bays)
    }
}
