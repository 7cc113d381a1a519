import Foundation
import LianjianDomain
import Testing

/// Service time is the time actually served: sign-in to sign-out, clipped to the event, rounded
/// to the nearest step (half up).
@Suite struct ServiceTimeTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    var end: Date { start.addingTimeInterval(3.5 * 3600) }

    func at(_ minutes: Double) -> Date { start.addingTimeInterval(minutes * 60) }

    @Test func clippedToTheEventAndRounded() {
        #expect(ServiceTime.credit(signedIn: at(-10), signedOut: at(220), start: start, end: end) == 210)
        #expect(ServiceTime.credit(signedIn: at(15), signedOut: at(170), start: start, end: end) == 150, "155 minutes round down to 150")
        #expect(ServiceTime.credit(signedIn: at(0), signedOut: at(45), start: start, end: end) == 60, "45 rounds half up to 60")
        #expect(ServiceTime.credit(signedIn: at(0), signedOut: at(44), start: start, end: end) == 30)
        #expect(ServiceTime.credit(signedIn: at(0), signedOut: at(44), start: start, end: end, step: 1) == 44)
        #expect(ServiceTime.credit(signedIn: at(-120), signedOut: at(-30), start: start, end: end) == 0, "all before the start")
    }

    @Test func nearMeansWithinTwoHours() {
        #expect(ServiceTime.near(at(-120), start: start, end: end))
        #expect(!ServiceTime.near(at(-121), start: start, end: end))
        #expect(ServiceTime.near(at(210 + 120), start: start, end: end))
        #expect(!ServiceTime.near(at(210 + 121), start: start, end: end))
    }
}
