import Foundation
import LianjianDomain
import LianjianStore

/// What a facility's page shows of a day's timetable: one line per booking (its time, class,
/// holder and bays), and the booking form's choices.
struct FacilityView {
    let timetable: Timetable
    let language: Language

    init(_ timetable: Timetable, language: Language) {
        self.timetable = timetable
        self.language = language
    }

    var t: [String: String] { ConsoleText.strings(language) }

    var dayText: String {
        let names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        return "\(timetable.from) \(t[names[timetable.from.isoWeekday - 1]] ?? "")"
    }

    /// The day's bookings, earliest first. Bookings of one class over the same hours (forty
    /// households' night bays) are one line with their count, the holders folded away.
    var bookings: [[String: Any]] {
        let zone = timetable.zone
        struct Line { var start: Date; var end: Date; var kind: UserClass.Kind; var unit: String?; var holders: [String]; var bays: [String] }
        var lines: [String: Line] = [:]
        for (_, blocks) in Dictionary(grouping: timetable.blocks, by: \.bookingID) {
            guard let first = blocks.first else { continue }
            let start = blocks.map(\.start).min() ?? first.start, end = blocks.map(\.end).max() ?? first.end
            let key = "\(start.timeIntervalSince1970) \(end.timeIntervalSince1970) \(first.userClass.rawValue) \(first.unit ?? "")"
            lines[key, default: Line(start: start, end: end, kind: first.userClass, unit: first.unit, holders: [], bays: [])].holders.append(first.holder)
            lines[key]?.bays += blocks.map(\.bay)
        }
        return lines.values.sorted { ($0.start, $0.kind.rawValue) < ($1.start, $1.kind.rawValue) }.map { line in
            let bays = line.bays.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            let holders = line.holders.sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            let many = holders.count > 3
            return [
                "time": "\(Self.clock(line.start, zone, day: timetable.from))–\(Self.clock(line.end, zone, day: timetable.from))",
                "class": t["class_\(line.kind.rawValue)"] ?? line.kind.rawValue, "kind": line.kind.rawValue,
                "holder": many ? ConsoleText.fill(t["booking_count"], ["n": "\(holders.count)"])
                    : (line.unit.map { "\($0) · " } ?? "") + holders.joined(separator: "、"),
                "many": many, "holders": holders.joined(separator: "、"),
                "bays": ConsoleText.fill(t["bay_count"], ["n": "\(bays.count)"]),
                "bay_list": bays.count > 6 ? "\(bays[0]) … \(bays[bays.count - 1])" : bays.joined(separator: " "),
            ]
        }
    }

    /// `08:00`, or `12-06 07:00` when the time is on another day than the one shown.
    static func clock(_ instant: Date, _ zone: TimeZone, day: LocalDate) -> String {
        let date = LocalDate(instant, in: zone), time = LocalTime(instant, in: zone)
        return date == day ? time.description : String(format: "%02d-%02d ", date.month, date.day) + time.description
    }

    /// The booking form's choices, with what `chosen` holds marked.
    func form(_ chosen: BookingForm.Chosen, units: [(PartnerUnit.ID, String)]) -> [String: Any] {
        let classes = UserClass.Kind.allCases.map { ($0.rawValue, t["class_\($0.rawValue)"] ?? $0.rawValue) }
        let days = ConsolePages.weekdays(t)
        return [
            "class_options": ConsolePages.options(classes, [chosen.userClass]),
            "unit_options": ConsolePages.options([("", t["no_unit"] ?? "")] + units.map { ($0.0.uuid.uuidString.lowercased(), $0.1) }, [chosen.unit]),
            "repeat_options": ConsolePages.options(days, chosen.weekdays), "form": chosen.text,
        ]
    }
}

/// The booking form, read into the API's own ``Booking/Request``: a date, a start and end time
/// (an end at or before the start is the next morning, as residents' night parking is), and
/// optionally the weekdays it repeats on until a date.
struct BookingForm {
    let form: Form?
    let chosen: Chosen

    struct Chosen {
        var text: [String: String]
        var userClass: String
        var unit: String
        var weekdays: Set<String>
    }

    init(_ form: Form) {
        self.form = form
        let names = ["holder", "bays", "date", "start", "end", "until"]
        chosen = Chosen(text: Dictionary(uniqueKeysWithValues: names.map { ($0, form[$0]) }), userClass: form["user_class"],
                        unit: form["unit"], weekdays: Set(form.all("weekday")))
    }

    static func defaults(_ day: LocalDate) -> Chosen {
        Chosen(text: ["date": day.description, "start": "08:00", "end": "12:00", "bays": "1"], userClass: "events", unit: "", weekdays: [])
    }

    /// - Throws: ``DomainError`` naming the field that cannot be read.
    func request() throws(DomainError) -> Booking.Request {
        guard let form else { throw DomainError(field: "date", reason: "is required") }
        guard let date = LocalDate(form["date"]) else { throw DomainError(field: "date", reason: "must be a date (YYYY-MM-DD)") }
        guard let start = LocalTime(form["start"]) else { throw DomainError(field: "start", reason: "must be a time (HH:MM)") }
        guard let end = LocalTime(form["end"]) else { throw DomainError(field: "end", reason: "must be a time (HH:MM)") }
        let endDate = end.minutes <= start.minutes ? date.adding(days: 1) : date
        guard let bays = Int(form["bays"]) else { throw DomainError(field: "bays", reason: "must be a whole number") }
        let weekdays = form.all("weekday").compactMap(Int.init)
        var rule: Booking.Request.Repeat?
        if !weekdays.isEmpty {
            guard let until = LocalDate(form["until"]) else { throw DomainError(field: "repeat.until", reason: "is required") }
            rule = .init(weekdays: weekdays, until: until)
        }
        return Booking.Request(userClass: form["user_class"], unitID: UUID(uuidString: form["unit"]).map(PartnerUnit.ID.init),
                               holder: form["holder"].trimmingCharacters(in: .whitespaces), bays: bays,
                               start: "\(date)T\(start)", end: "\(endDate)T\(end)", repeat: rule)
    }
}

/// A refused booking or form in the reader's words: which time does not fit and why.
struct BookingWords {
    let language: Language

    func refusal(_ refusal: PoolCheck.Refusal, occurrence: Int, zone: TimeZone) -> String {
        let t = ConsoleText.strings(language)
        let at = "\(LocalDate(refusal.at, in: zone)) \(LocalTime(refusal.at, in: zone))"
        let which = occurrence > 0 ? ConsoleText.fill(t["booking_occurrence"], ["n": "\(occurrence + 1)"]) : ""
        return which + ConsoleText.fill(t["refused_\(refusal.reason.rawValue)"], ["at": at])
    }

    func invalid(_ error: DomainError) -> String {
        let t = ConsoleText.strings(language)
        let field = t["booking_field_\(error.field.replacingOccurrences(of: ".", with: "_"))"] ?? error.field
        return "\(field)：\(Messages.localise(error.reason, to: language))"
    }
}
