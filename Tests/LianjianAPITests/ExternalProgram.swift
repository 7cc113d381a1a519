import Foundation

/// A program the print and spreadsheet tests drive as a person would (headless Chromium,
/// poppler's pdftotext and pdftoppm, LibreOffice), found on `PATH`. `.ci/run` installs them
/// (scripts/test-tools); a test that needs one that is missing is skipped, with the reason.
struct ExternalProgram {
    let url: URL

    /// A program at a known place (a virtual environment's Python).
    init(url: URL) { self.url = url }

    init?(_ names: String...) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in names {
            for dir in path.split(separator: ":") {
                let candidate = URL(fileURLWithPath: String(dir)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) {
                    url = candidate
                    return
                }
            }
        }
        return nil
    }

    static let niceURL = ExternalProgram("nice")?.url

    static func available(_ names: String...) -> Bool {
        names.allSatisfy { ExternalProgram($0) != nil }
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs the program to its end with `home` as `HOME` (LibreOffice and Chromium keep a
    /// profile there) and returns its standard output. Output goes through files, not pipes: a
    /// browser's helper processes may hold a pipe open after the browser is gone. A run still
    /// going after `limit` seconds is ended: a hung browser fails the test, not the suite.
    @discardableResult
    func run(_ arguments: [String], home: URL, limit: Duration = .seconds(180)) async throws -> String {
        let process = Process()
        // At the lowest priority: a browser starting beside the database suites must not eat
        // the CPU their real wall-clock limits and leases count on.
        if let nice = ExternalProgram.niceURL {
            process.executableURL = nice
            process.arguments = ["-n", "19", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        let tag = UUID().uuidString.prefix(8)
        let outURL = home.appendingPathComponent(".\(url.lastPathComponent)-\(tag).out")
        let errURL = home.appendingPathComponent(".\(url.lastPathComponent)-\(tag).err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let ended = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { ended.continuation.yield($0.terminationStatus); ended.continuation.finish() }
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: limit)
            if process.isRunning { process.terminate() }
        }
        var status: Int32 = -1
        for await s in ended.stream { status = s }
        watchdog.cancel()
        let text = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        guard status == 0 else {
            let message = ((try? String(contentsOf: errURL, encoding: .utf8)) ?? "").suffix(2000)
            throw Failed(description: "\(url.lastPathComponent) \(arguments.joined(separator: " ")) "
                + (process.terminationReason == .uncaughtSignal ? "was ended by signal \(status) (after \(limit)?)" : "exited \(status)")
                + ": \(message)")
        }
        return text
    }
}

/// A fresh folder under the system's temporary one, removed after `body`.
func withTemporaryFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lianjian-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    return try await body(dir)
}
