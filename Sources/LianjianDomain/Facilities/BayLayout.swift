import Foundation

/// Assigns concrete bays to bookings over time: one bay (per bay booked) for the whole
/// interval, the same bays from day to day for a standing booking or a recurring holder,
/// and a booking's current bays kept wherever they are still free.
///
/// Bookings are placed in order of start time, each on bays free from its start; in that
/// order a free bay is never needed later by an earlier booking, so whenever no more than
/// `bays` bookings overlap (the pool check guarantees it) everything is placed.
public struct BayLayout: Sendable {
    public struct Item: Sendable {
        public var id: Booking.ID
        public var span: TimeSpan
        public var count: Int
        /// Bays (indices) it holds now; kept when free.
        public var current: [Int]
        /// Bookings with the same key prefer each other's bays (a series, or one holder).
        public var key: String

        public init(id: Booking.ID, span: TimeSpan, count: Int, current: [Int] = [], key: String) {
            self.id = id
            self.span = span
            self.count = count
            self.current = current
            self.key = key
        }
    }

    /// A bay held by something this layout does not move.
    public struct Fixed: Sendable {
        public var bay: Int
        public var span: TimeSpan
        public init(bay: Int, span: TimeSpan) {
            self.bay = bay
            self.span = span
        }
    }

    public struct Result: Sendable {
        /// Bay indices per booking, in the order chosen.
        public var bays: [Booking.ID: [Int]]
        /// Bookings that found too few free bays (only when overlaps exceed the bays).
        public var unplaced: [Booking.ID]
        /// Bookings that held bays before and now hold different ones.
        public var moved: Int
    }

    public let bayCount: Int

    public init(bays: Int) { self.bayCount = bays }

    public func layout(_ items: [Item], fixed: [Fixed] = []) -> Result {
        let order = items.indices.sorted { a, b in
            let (x, y) = (items[a], items[b])
            if x.span.start != y.span.start { return x.span.start < y.span.start }
            if x.span.end != y.span.end { return x.span.end > y.span.end }
            return x.id < y.id
        }
        var fixedByBay = [[TimeSpan]](repeating: [], count: bayCount)
        for f in fixed where f.bay < bayCount { fixedByBay[f.bay].append(f.span) }
        var busyUntil = [Date](repeating: .distantPast, count: bayCount)
        var lastUsed: [String: [Int]] = [:]
        // Bays that bookings hold now, so a booking without bays avoids taking another's.
        var claims = [[(Booking.ID, TimeSpan)]](repeating: [], count: bayCount)
        for item in items { for b in item.current where b < bayCount { claims[b].append((item.id, item.span)) } }
        var placed = Set<Booking.ID>()
        var result = Result(bays: [:], unplaced: [], moved: 0)
        for i in order {
            let item = items[i]
            let free = (0..<bayCount).filter { b in
                busyUntil[b] <= item.span.start && !fixedByBay[b].contains { $0.overlaps(item.span) }
            }
            let claimed = Set(free.filter { b in claims[b].contains { $0.0 != item.id && !placed.contains($0.0) && $0.1.overlaps(item.span) } })
            let chosen = choose(item, free: free, remembered: lastUsed[item.key] ?? [], claimed: claimed, busyUntil: busyUntil)
            placed.insert(item.id)
            guard chosen.count == item.count else {
                result.unplaced.append(item.id)
                continue
            }
            for b in chosen { busyUntil[b] = item.span.end }
            lastUsed[item.key] = chosen
            result.bays[item.id] = chosen
            if !item.current.isEmpty && Set(item.current) != Set(chosen) { result.moved += 1 }
        }
        return result
    }

    /// Current bays first, then the bays this holder used last, then bays no other booking
    /// holds now, most recently freed first (packing tightly keeps long runs free), lowest first.
    private func choose(_ item: Item, free: [Int], remembered: [Int], claimed: Set<Int>, busyUntil: [Date]) -> [Int] {
        let freeSet = Set(free)
        var chosen: [Int] = []
        var taken = Set<Int>()
        let keep = item.current + remembered.filter { !claimed.contains($0) }
        for b in keep where chosen.count < item.count && freeSet.contains(b) && !taken.contains(b) {
            chosen.append(b)
            taken.insert(b)
        }
        guard chosen.count < item.count else { return chosen }
        let rest = free.filter { !taken.contains($0) }.sorted { a, b in
            let (ca, cb) = (claimed.contains(a), claimed.contains(b))
            if ca != cb { return !ca }
            return busyUntil[a] != busyUntil[b] ? busyUntil[a] > busyUntil[b] : a < b
        }
        return chosen + rest.prefix(item.count - chosen.count)
    }
}
