import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// JSON in and out, with errors that name the offending field.
enum JSON {
    /// Largest JSON body accepted.
    static let maxBody = 1 << 20

    static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Our response types are plain values; encoding them cannot fail.
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        response(data: encode(value), status: status)
    }

    static func response(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The request body, at most `limit` bytes; a larger one is a 413.
    static func body(_ request: Request, limit: Int = maxBody) async throws -> Data {
        do {
            return Data(try await request.body.collect(upTo: limit).readableBytesView)
        } catch {
            throw APIError(.contentTooLarge, code: "too_large", message: "the body is larger than \(limit) bytes")
        }
    }

    /// Decodes the request body as `T`, mapping failures to 400s that name the field.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        try decode(type, from: try await body(request))
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try checkDepth(data)
        let scan = JSONScan(data)
        if let field = scan.nulString { throw APIError.invalid("must not contain a NUL character", field: field) }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw describe(error, scan: scan)
        } catch {
            throw APIError.badRequest("the body is not valid JSON")
        }
    }

    /// Deepest nesting of arrays and objects accepted; no request needs more than a few.
    static let maxDepth = 32

    /// Refuses deeply nested JSON before a parser recurses into it.
    static func checkDepth(_ data: Data) throws {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth {
                    throw APIError(.badRequest, code: "too_deep", message: "JSON may nest at most \(maxDepth) levels of arrays and objects")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
    }

    static func describe(_ error: DecodingError, scan: JSONScan) -> APIError {
        // A number the decoder could not take as an integer: name it, whatever the decoder says.
        if let (field, text) = scan.nonInteger, isNumberFailure(error, at: field) {
            return .badRequest("must be a whole number between -9223372036854775808 and 9223372036854775807 (got \(text.prefix(40)))", field: field)
        }
        return describe(error)
    }

    /// Whether the failure is about the number at `field` (or says no path at all, as when the
    /// parser itself cannot hold a number such as 1e400).
    private static func isNumberFailure(_ error: DecodingError, at field: String) -> Bool {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .dataCorrupted(let c): context = c
        default: return false
        }
        let path = context.codingPath.reduce("") { p, k in k.intValue.map { "\(p)[\($0)]" } ?? (p.isEmpty ? k.stringValue : "\(p).\(k.stringValue)") }
        return path.isEmpty || path == field
    }

    static func describe(_ error: DecodingError) -> APIError {
        func path(_ keys: [any CodingKey]) -> String? {
            let text = keys.reduce("") { p, k in k.intValue.map { "\(p)[\($0)]" } ?? (p.isEmpty ? k.stringValue : "\(p).\(k.stringValue)") }
            return text.isEmpty ? nil : text
        }
        switch error {
        case .keyNotFound(let key, let c):
            return .badRequest("a required field is missing", field: path(c.codingPath + [key]))
        case .typeMismatch(let type, let c):
            return .badRequest("has the wrong type; expected \(expected(type))", field: path(c.codingPath))
        case .valueNotFound(let type, let c):
            return .badRequest("must not be null; expected \(expected(type))", field: path(c.codingPath))
        case .dataCorrupted(let c):
            guard let field = path(c.codingPath) else { return .badRequest("the body is not valid JSON") }
            return .badRequest(c.debugDescription, field: field)
        @unknown default:
            return .badRequest("the body cannot be read")
        }
    }

    private static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "true or false"
        default: "\(type)".hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
