import Foundation
@testable import LianjianDomain
import Testing

/// The pure parts of service records: ID numbers checked and masked, check-in codes as people
/// type them, and a quarter's pledge counted from the quarter's start.
@Suite("Service records: identity, codes, pledges")
struct ServiceRecordTests {
    @Test func residentIDNumbersAreCheckedAndOnlyTheLastFourKept() throws {
        let id = try IdentityDocument(kind: .residentID, number: " 11010519491231002x ")
        #expect(id.last4 == "002X" && IdentityDocument.masked(last4: id.last4, kind: .residentID) == "**************002X")
        for bad in ["110105194912310021", "1101051949123100", "11010519491231002Y", "A1010519491231002X"] {
            #expect(throws: DomainError.self) { try IdentityDocument(kind: .residentID, number: bad) }
        }
        #expect(try IdentityDocument(kind: .passport, number: "e12345678").last4 == "5678")
        #expect(throws: DomainError.self) { try IdentityDocument(kind: .passport, number: "E1-23") }
    }

    @Test func checkInCodesAreReadAsTyped() {
        let code = CheckInCode.make()
        #expect(code.count == 6 && code.allSatisfy(CheckInCode.alphabet.contains))
        #expect(CheckInCode.normalised("ab3-d e7") == "AB3DE7")
        #expect(CheckInCode.normalised("AB0DE7") == nil, "0 is not in the alphabet (it reads as O)")
        #expect(CheckInCode.normalised("ABCDE") == nil)
    }

    @Test func aQuarterlyPledgeCountsFromTheQuartersStartAndIsShortOnlyAtItsEnd() throws {
        let project = UUID()
        let pledge = Pledge(id: .init(UUID()), projectID: .init(project), minutesPerMonth: 0, events: 3, period: .quarter, roles: [],
                            from: LocalDate("2026-01-01")!, to: LocalDate("2026-12-31")!)
        let pledged = PledgeReport.Pledged(pledge: pledge, project: "普法讲座", category: "legal", community: "香园街社区", unitID: UUID(), unit: "司法局")
        let events = ["2026-10-10", "2026-11-14"].map { PledgeReport.Held(projectID: project, date: LocalDate($0)!, held: true, roles: []) }
        let november = PledgeReport.build(month: LocalDate("2026-11-01")!, scope: "district", scopeName: "全区", pledges: [pledged], events: events, delivered: [:])
        #expect(november.lines[0].eventsHeld == 2 && november.lines[0].periodFrom == "2026-10-01" && november.lines[0].periodTo == "2026-12-31")
        #expect(november.lines[0].shortfalls.isEmpty, "the quarter is not over in November")
        let december = PledgeReport.build(month: LocalDate("2026-12-01")!, scope: "district", scopeName: "全区", pledges: [pledged], events: events, delivered: [:])
        #expect(december.lines[0].shortfalls == ["events"], "two of three when the quarter ends")
    }
}
