import Foundation

/// A read of a JSON body that keeps the path of every value, for what a decoder cannot say:
/// which string holds a NUL character (PostgreSQL cannot store one in text), and which number
/// is not a whole number in range (`480.5`, `1e400`, `9223372036854775808`). Depth is checked
/// first (``JSON/checkDepth(_:)``), so the recursion is bounded.
struct JSONScan {
    /// A string value (or key) containing U+0000, by path.
    private(set) var nulString: String?
    /// A number that is not an integer of 64 bits, by path, with its text.
    private(set) var nonInteger: (path: String, text: String)?

    private let bytes: [UInt8]
    private var i = 0

    init(_ data: Data) {
        bytes = Array(data)
        value(path: "")
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private mutating func value(path: String) {
        skipSpace()
        guard i < bytes.count else { return }
        switch bytes[i] {
        case UInt8(ascii: "{"): object(path: path)
        case UInt8(ascii: "["): array(path: path)
        case UInt8(ascii: "\""): if string(), nulString == nil { nulString = path.isEmpty ? "body" : path }
        default: scalar(path: path)
        }
    }

    private mutating func object(path: String) {
        i += 1
        while i < bytes.count {
            skipSpace()
            guard i < bytes.count, bytes[i] != UInt8(ascii: "}") else { i += 1; return }
            guard bytes[i] == UInt8(ascii: "\"") else { return }
            let start = i + 1
            let hasNul = string()
            let key = String(decoding: bytes[start..<max(start, i - 1)], as: UTF8.self)
            let child = path.isEmpty ? key : "\(path).\(key)"
            if hasNul, nulString == nil { nulString = child }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return }
            i += 1
            value(path: child)
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1 }
        }
    }

    private mutating func array(path: String) {
        i += 1
        var index = 0
        while i < bytes.count {
            skipSpace()
            guard i < bytes.count, bytes[i] != UInt8(ascii: "]") else { i += 1; return }
            let before = i
            value(path: "\(path)[\(index)]")
            if i == before { return }
            index += 1
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: ",") { i += 1 }
        }
    }

    /// Skips a string starting at its quote; true when it holds an escaped or raw NUL.
    private mutating func string() -> Bool {
        i += 1
        var nul = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { i += 1; return nul }
            if b == 0 { nul = true }
            if b == UInt8(ascii: "\\") {
                if i + 5 < bytes.count, bytes[i + 1] == UInt8(ascii: "u"),
                   String(decoding: bytes[(i + 2)...(i + 5)], as: UTF8.self) == "0000" { nul = true }
                i += 1
            }
            i += 1
        }
        return nul
    }

    private mutating func scalar(path: String) {
        let start = i
        while i < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let first = text.first, first == "-" || first.isNumber else { return }
        if Int64(text) == nil, nonInteger == nil { nonInteger = (path.isEmpty ? "body" : path, text) }
    }
}
