import Foundation
import Hummingbird
@testable import LianjianAPI
import LianjianStore
import TestSupport
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    /// `METHOD /path` for every operation in the document (path parameters as `{id}`).
    static func documentedOperations() -> Set<String> {
        var operations = Set<String>()
        var path: String?
        for line in OpenAPIDocument.text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  /"), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); continue }
            if !line.hasPrefix(" ") { path = nil; continue }
            let method = line.trimmingCharacters(in: .whitespaces).dropLast()
            if let path, line.hasPrefix("    "), !line.hasPrefix("     "), ["get:", "post:", "put:", "patch:", "delete:"].contains(method + ":") {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    @Test func everyRouteIsDocumentedAndEveryOperationExists() async throws {
        let db = try await TestDatabase.database(named: "unused")
        let routes = Set(routeList(buildRouter(database: db)).map { $0.replacingOccurrences(of: ":id", with: "{id}") })
        let documented = Self.documentedOperations()
        #expect(routes.subtracting(documented).isEmpty, "undocumented: \(routes.subtracting(documented).sorted())")
        #expect(documented.subtracting(routes).isEmpty, "documented but missing: \(documented.subtracting(routes).sorted())")
        #expect(routes.count >= 20)
    }

    @Test func theResourceIsTheFileInTheRepository() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/LianjianAPI/Resources/openapi.yaml")
        #expect(try String(contentsOf: file, encoding: .utf8) == OpenAPIDocument.text)
    }

    @Test func servedAtItsPath() async throws {
        try await withAPI { api in
            let r = try await api.get("/openapi.yaml")
            #expect(r.status == .ok)
            #expect(r.text.hasPrefix("openapi: 3.1.0"))
            #expect(r.text == OpenAPIDocument.text, "served unchanged")
        }
    }
}
