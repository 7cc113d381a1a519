/// A failure to report as `Error: <message>` without the usage text (which is for bad arguments).
struct Failure: Error, CustomStringConvertible {
    let description: String

    init(_ message: String) { description = message }
}
