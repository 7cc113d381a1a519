import CQRencode

/// A QR code symbol, encoded by Debian's libqrencode: the check-in link printed on an event's
/// sheet and shown on its organiser's page.
public struct QRCode: Sendable, Equatable {
    /// Modules per side (without the quiet zone).
    public let width: Int
    /// Row by row, `true` for a dark module.
    public let modules: [Bool]

    /// Encodes `text` (as 8-bit bytes, error correction level M), or nil when it is too long for
    /// a QR code (about 2,300 bytes at this level).
    public init?(_ text: String) {
        // libqrencode's 8-bit mode takes the bytes as they are; a URL is ASCII, Chinese is UTF-8.
        guard let symbol = text.withCString({ QRcode_encodeString8bit($0, 0, QR_ECLEVEL_M) }) else { return nil }
        defer { QRcode_free(symbol) }
        let width = Int(symbol.pointee.width)
        // Bit 0 of each byte is the module's colour; the other bits describe its kind.
        let bytes = UnsafeBufferPointer(start: symbol.pointee.data, count: width * width)
        self.width = width
        self.modules = bytes.map { $0 & 1 == 1 }
    }

    /// Whether the module at `row`, `column` is dark.
    public func isDark(row: Int, column: Int) -> Bool { modules[row * width + column] }

    /// The symbol as an SVG picture, one path of unit squares on a white ground with the four-module
    /// quiet zone the standard asks for; `size` is its printed width in millimetres.
    public func svg(size millimetres: Int = 40, label: String = "") -> String {
        let side = width + 8
        var path = ""
        path.reserveCapacity(width * width * 6)
        for row in 0..<width {
            var column = 0
            while column < width {
                guard isDark(row: row, column: column) else { column += 1; continue }
                // One rectangle per run of dark modules in a row keeps the path short.
                var run = 1
                while column + run < width, isDark(row: row, column: column + run) { run += 1 }
                path += "M\(column + 4) \(row + 4)h\(run)v1h-\(run)z"
                column += run
            }
        }
        let title = label.isEmpty ? "" : "<title>\(Self.escape(label))</title>"
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(millimetres)mm" height="\(millimetres)mm" \
            shape-rendering="crispEdges" role="img">\(title)<rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
