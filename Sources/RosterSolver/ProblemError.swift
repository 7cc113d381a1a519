/// Why a problem or roster file was rejected, or why pinned pairs cannot be honoured.
public struct ProblemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable {
        /// The input is not valid JSON of the expected shape.
        case malformed
        /// The input is well-formed but breaks a rule of the format.
        case invalid
        /// Pinned pairs alone break a hard constraint.
        case infeasiblePins = "infeasible_pins"
    }

    public var code: Code
    /// The JSON path of the offending value, e.g. `$.shifts[3].end`.
    public var path: String
    public var reason: String

    public init(_ code: Code, path: String, reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

extension ProblemError {
    /// Converts a `DecodingError` into a path-named error.
    static func from(_ error: DecodingError) -> ProblemError {
        switch error {
        case .keyNotFound(let key, let context):
            return ProblemError(
                .malformed, path: jsonPath(context.codingPath + [key]), reason: "required field is missing")
        case .typeMismatch(let type, let context):
            return ProblemError(
                .malformed, path: jsonPath(context.codingPath), reason: "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return ProblemError(
                .malformed, path: jsonPath(context.codingPath), reason: "expected \(describe(type)), found null")
        case .dataCorrupted(let context):
            let path = jsonPath(context.codingPath)
            let reason = context.codingPath.isEmpty ? "not valid JSON" : context.debugDescription
            return ProblemError(.malformed, path: path, reason: reason)
        @unknown default:
            return ProblemError(.malformed, path: "$", reason: "cannot be decoded")
        }
    }

    static func jsonPath(_ keys: [any CodingKey]) -> String {
        keys.reduce("$") { path, key in
            if let index = key.intValue { return "\(path)[\(index)]" }
            return "\(path).\(key.stringValue)"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type: return "an integer"
        case is [Any].Type: return "an array"
        default: return "\(type)".lowercased().contains("array") ? "an array" : "an object or value of \(type)"
        }
    }
}
