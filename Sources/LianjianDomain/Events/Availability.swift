import Foundation

/// A volunteer's availability over dates: the weekly pattern, with dated exceptions (a day off,
/// or extra hours on a date) applied, in the community's time zone.
public enum Availability {
    /// A dated exception: `slot == nil` means not available that day.
    public struct Exception: Sendable {
        public var date: LocalDate
        public var slot: (LocalTime, LocalTime)?
        public init(date: LocalDate, slot: (LocalTime, LocalTime)?) {
            self.date = date
            self.slot = slot
        }
    }

    /// Intervals from `from` to `to` (inclusive dates), in date order, with touching and
    /// overlapping ones joined: a shift must fit inside one interval, so 08:00–12:00 and
    /// 12:00–18:00 (or a weekly slot and an "extra hours" exception beside it) are one 08:00–18:00.
    public static func expand(weekly: [WeeklySlot], exceptions: [Exception], from: LocalDate, to: LocalDate, zone: TimeZone) -> [TimeSpan] {
        let byDate = Dictionary(grouping: exceptions, by: \.date)
        var result: [TimeSpan] = []
        var day = from
        while day <= to {
            let special = byDate[day] ?? []
            if !special.contains(where: { $0.slot == nil }) {
                for slot in weekly where slot.weekday == day.isoWeekday {
                    result.append(TimeSpan(day.at(slot.start, in: zone), day.at(slot.end, in: zone)))
                }
            }
            for e in special { if let (s, t) = e.slot { result.append(TimeSpan(day.at(s, in: zone), day.at(t, in: zone))) } }
            day = day.adding(days: 1)
        }
        return merged(result)
    }

    /// `spans` sorted, with every pair that touches or overlaps joined into one.
    public static func merged(_ spans: [TimeSpan]) -> [TimeSpan] {
        var result: [TimeSpan] = []
        for span in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where span.end > span.start {
            if let last = result.last, span.start <= last.end {
                result[result.count - 1].end = max(last.end, span.end)
            } else {
                result.append(span)
            }
        }
        return result
    }

    /// `spans` with `hole` cut out (a declined shift's time is no longer offered).
    public static func removing(_ hole: TimeSpan, from spans: [TimeSpan]) -> [TimeSpan] {
        spans.flatMap { s -> [TimeSpan] in
            guard s.overlaps(hole) else { return [s] }
            return [TimeSpan(s.start, hole.start), TimeSpan(hole.end, s.end)].filter { $0.end > $0.start }
        }
    }
}
