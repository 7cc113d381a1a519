import Foundation
import LianjianDomain
import Testing

@Suite("Bay layout")
struct BayLayoutTests {
    func id(_ n: Int) -> Booking.ID { .init(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!) }

    @Test func aStandingBookingKeepsItsBayFromDayToDay() {
        // Three residents each night for a week, and daytime visitors in between.
        var items: [BayLayout.Item] = []
        var n = 0
        for day in 0..<7 {
            let date = LocalDate("2026-11-30")!.adding(days: day)
            for r in 0..<3 {
                n += 1
                items.append(.init(id: id(n), span: TimeSpan(date.at(.init("18:00")!, in: shanghai), date.adding(days: 1).at(.init("08:00")!, in: shanghai)),
                                   count: 1, key: "resident \(r)"))
            }
            for v in 0..<2 {
                n += 1
                items.append(.init(id: id(n), span: TimeSpan(date.at(.init("09:00")!, in: shanghai), date.at(.init("11:00")!, in: shanghai)),
                                   count: 1, key: "visitor \(day) \(v)"))
            }
        }
        let result = BayLayout(bays: 4).layout(items)
        #expect(result.unplaced.isEmpty)
        for r in 0..<3 {
            let bays = Set(items.filter { $0.key == "resident \(r)" }.map { result.bays[$0.id]! })
            #expect(bays.count == 1, "resident \(r) moved between \(bays)")
        }
        #expect(Self.noBayDoubleBooked(items, result))
    }

    @Test func aNewBookingTakesAFreeBayRatherThanAnotherBookingsBay() {
        let a = BayLayout.Item(id: id(1), span: span("2026-11-30T08:00", "2026-11-30T10:00"), count: 1, current: [0], key: "a")
        let b = BayLayout.Item(id: id(2), span: span("2026-11-30T10:00", "2026-11-30T12:00"), count: 1, current: [1], key: "b")
        let c = BayLayout.Item(id: id(3), span: span("2026-11-30T08:00", "2026-11-30T12:00"), count: 1, key: "c")
        let result = BayLayout(bays: 3).layout([a, b, c])
        #expect(result.bays == [id(1): [0], id(2): [1], id(3): [2]])
        #expect(result.moved == 0)
    }

    @Test func whenNoBayIsFreeThroughoutOneBookingMoves() {
        // 08–10 on bay 0 and 10–12 on bay 1: a new 08–12 booking needs one bay for the whole
        // time, so one of the two moves onto the other's bay; nothing else changes.
        let a = BayLayout.Item(id: id(1), span: span("2026-11-30T08:00", "2026-11-30T10:00"), count: 1, current: [0], key: "a")
        let b = BayLayout.Item(id: id(2), span: span("2026-11-30T10:00", "2026-11-30T12:00"), count: 1, current: [1], key: "b")
        let c = BayLayout.Item(id: id(3), span: span("2026-11-30T08:00", "2026-11-30T12:00"), count: 1, key: "c")
        let result = BayLayout(bays: 2).layout([a, b, c])
        #expect(result.unplaced.isEmpty)
        #expect(result.moved == 1)
        #expect(result.bays[id(1)] == result.bays[id(2)])
        #expect(Self.noBayDoubleBooked([a, b, c], result))
    }

    @Test func aValidLayoutIsReproducedExactly() {
        // Bay i % 4 in hour i / 4: nothing overlaps, and the layout changes nothing.
        let items = (0..<20).map { i in
            BayLayout.Item(id: id(i), span: span("2026-11-30T08:00", "2026-11-30T09:00").shifted(hours: i / 4), count: 1,
                           current: [3 - i % 4], key: "k\(i)")
        }
        let result = BayLayout(bays: 4).layout(items)
        #expect(result.unplaced.isEmpty)
        #expect(result.moved == 0)
        #expect(items.allSatisfy { result.bays[$0.id] == $0.current })
    }

    @Test func fixedAllocationsBlockTheirBays() {
        let item = BayLayout.Item(id: id(1), span: span("2026-11-30T08:00", "2026-11-30T10:00"), count: 2, key: "x")
        let result = BayLayout(bays: 3).layout([item], fixed: [.init(bay: 0, span: span("2026-11-30T09:00", "2026-11-30T09:30"))])
        #expect(result.bays[id(1)].map(Set.init) == [1, 2])
        let none = BayLayout(bays: 2).layout([item], fixed: [.init(bay: 0, span: span("2026-11-30T09:00", "2026-11-30T09:30"))])
        #expect(none.unplaced == [id(1)])
    }

    @Test func overlapsUpToTheBaysAlwaysFit() {
        // 200 random intervals on 10 bays, thinned so that at most 10 overlap anywhere.
        var rng = SystemRandomNumberGenerator()
        var items: [BayLayout.Item] = []
        for i in 0..<200 {
            let start = Int.random(in: 0..<(24 * 12), using: &rng) * 5
            let length = Int.random(in: 1...36, using: &rng) * 5
            let s = TimeSpan(Date(timeIntervalSince1970: Double(start * 60)), Date(timeIntervalSince1970: Double((start + length) * 60)))
            let candidate = BayLayout.Item(id: id(i), span: s, count: Int.random(in: 1...2, using: &rng), key: "k\(i)")
            let peak = (items + [candidate]).map { a in (items + [candidate]).filter { $0.span.contains(a.span.start) }.reduce(0) { $0 + $1.count } }.max()!
            if peak <= 10 { items.append(candidate) }
        }
        let result = BayLayout(bays: 10).layout(items)
        #expect(result.unplaced.isEmpty)
        #expect(Self.noBayDoubleBooked(items, result))
    }

    static func noBayDoubleBooked(_ items: [BayLayout.Item], _ result: BayLayout.Result) -> Bool {
        for a in items { for b in items where a.id < b.id && a.span.overlaps(b.span) {
            if !Set(result.bays[a.id] ?? []).isDisjoint(with: result.bays[b.id] ?? []) { return false }
        } }
        return items.allSatisfy { result.bays[$0.id]?.count == $0.count }
    }
}

extension TimeSpan {
    func shifted(hours: Int) -> TimeSpan {
        TimeSpan(start.addingTimeInterval(Double(hours) * 3600), end.addingTimeInterval(Double(hours) * 3600))
    }
}
