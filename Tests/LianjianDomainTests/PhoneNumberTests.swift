import LianjianDomain
import Testing

@Suite("Phone numbers in one spelling")
struct PhoneNumberTests {
    @Test(arguments: ["13937100001", "139 3710 0001", "139-3710-0001", "+8613937100001", "+86 139 3710 0001",
                      "008613937100001", "１３９３７１００００１", "(139) 3710-0001"])
    func oneMobileManySpellings(_ text: String) {
        #expect(PhoneNumber.normalised(text) == "13937100001")
    }

    @Test func landlinesAndServiceNumbers() {
        #expect(PhoneNumber.normalised("0371-67891234") == "037167891234")
        #expect(PhoneNumber.normalised("(0371) 6789 1234") == "037167891234")
        #expect(PhoneNumber.normalised("+86 371 6789 1234") == "037167891234")
        #expect(PhoneNumber.normalised("010-12345678") == "01012345678")
        #expect(PhoneNumber.normalised("400-123-4567") == "4001234567")
    }

    @Test(arguments: ["12345", "call me", "23937100001", "1293710000", "139371000011", "+1 415 555 0100", "00-12345678", "1393710000１x"])
    func notAChineseNumber(_ text: String) {
        #expect(PhoneNumber.normalised(text) == nil)
    }
}
