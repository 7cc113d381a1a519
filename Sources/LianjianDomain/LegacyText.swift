import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text in the encodings Chinese office software writes when it does not write UTF-8: Chinese
/// Excel's and WPS's default "CSV (逗号分隔)" is GB18030 (a superset of GBK and GB2312).
/// Decoded with the C library's `iconv` (glibc ships the tables), not a table of our own.
public enum LegacyText {
    /// `data` decoded from GB18030, or `nil` if it is not valid GB18030 throughout.
    public static func gb18030(_ data: Data) -> String? { decode(data, from: "GB18030") }

    static func decode(_ data: Data, from encoding: String) -> String? {
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [CChar](unsafeUninitializedCapacity: data.count) { buffer, count in
            count = data.copyBytes(to: UnsafeMutableRawBufferPointer(buffer))
        }
        // A GB18030 character of n bytes is at most n + 1 bytes of UTF-8 (2 → 3, 4 → 4).
        var output = [CChar](repeating: 0, count: data.count * 2 + 16)
        let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(decoding: output.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
