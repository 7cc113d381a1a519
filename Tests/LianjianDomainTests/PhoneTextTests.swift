import Foundation
import LianjianDomain
import Testing

@Suite("Phone numbers in free text")
struct PhoneTextTests {
    @Test func findsAndMasksPhonesHoweverWritten() {
        let cases: [(String, String)] = [
            ("王 13800138000", "王 *******8000"),
            ("王 138-0013-8001 就诊", "王 *******8001 就诊"),
            ("138 0013 8002", "*******8002"),
            ("１３８００１３８００３", "*******８００３"),
            ("+86 138 0013 8004", "*********8004"),
            ("＋８６ １３８ ００１３ ８００４", "*********８００４"),
            ("0086-138-0013-8006", "***********8006"),
            ("138.0013.8005", "*******8005"),
            ("(0371) 6789-1234", "********1234"),
            ("（0371）67891234", "********1234"),
            ("138 - 0013 - 8009", "*******8009"),
        ]
        for (text, masked) in cases {
            #expect(PhoneText.contains(text), "\(text)")
            #expect(Mask.phones(in: text) == masked, "\(text)")
        }
    }

    @Test func leavesOtherNumbersAlone() {
        for text in ["2026-12-05 08:00 复诊", "2026.12.05", "3号楼 2单元 501", "豫A·12345", "1-3号楼", "P01–P40", "08:00-17:30", "123456"] {
            #expect(!PhoneText.contains(text), "\(text)")
            #expect(Mask.phones(in: text) == text)
        }
    }
}
