import Foundation
@testable import LianjianAPI
import OpenAPIKit
import Testing
import Yams

/// The document in `Resources/openapi.yaml` checked by a library rather than by eye: it decodes
/// as OpenAPI 3.1, passes OpenAPIKit's validation, and every `$ref` points at something.
@Suite("OpenAPI document validation")
struct OpenAPIValidationTests {
    static func document() throws -> OpenAPI.Document {
        try YAMLDecoder().decode(OpenAPI.Document.self, from: OpenAPIDocument.text)
    }

    @Test func decodesAndValidates() throws {
        let document = try Self.document()
        let validator = Validator().validatingAllReferencesFoundInComponents().validating(\.operationIdsAreUnique)
        try document.validate(using: validator)
        #expect(document.openAPIVersion == .v3_1_0)
        #expect(document.paths.count >= 40)
        // Dereferencing fails on any reference that does not resolve.
        _ = try document.locallyDereferenced()
    }

    @Test func everyReferenceResolves() throws {
        let tree = try #require(try Yams.load(yaml: OpenAPIDocument.text))
        var refs: [String] = []
        Self.collectReferences(tree, into: &refs)
        #expect(refs.count > 100)
        for ref in Set(refs).sorted() {
            #expect(ref.hasPrefix("#/"), "only local references: \(ref)")
            #expect(Self.resolve(ref, in: tree) != nil, "\(ref) does not resolve")
        }
    }

    @Test func everySecuredOperationDocumentsUnauthorizedAndRateLimit() throws {
        let document = try Self.document()
        for (path, item) in document.paths {
            guard case .b(let item) = item else { continue }
            // A route that takes no token (the calendar feed, opened by its key) is neither 401 nor rate-limited per token.
            for endpoint in item.endpoints where path.rawValue.hasPrefix("/v1") && endpoint.operation.security?.isEmpty != true {
                let codes = Set(endpoint.operation.responses.keys.map(\.rawValue))
                let name = "\(endpoint.method.rawValue) \(path.rawValue)"
                #expect(codes.isSuperset(of: ["401", "429"]), "\(name) lacks 401 or 429")
                if path.rawValue.contains("{id}") { #expect(codes.contains("404"), "\(name) lacks 404") }
                if endpoint.operation.requestBody != nil { #expect(codes.contains("413"), "\(name) lacks 413") }
            }
        }
    }

    private static func collectReferences(_ node: Any, into refs: inout [String]) {
        if let map = node as? [String: Any] {
            for (key, value) in map {
                if key == "$ref", let ref = value as? String { refs.append(ref) } else { collectReferences(value, into: &refs) }
            }
        } else if let list = node as? [Any] {
            for value in list { collectReferences(value, into: &refs) }
        }
    }

    /// Follows a JSON pointer (`#/components/schemas/Error`) through the decoded YAML.
    private static func resolve(_ ref: String, in tree: Any) -> Any? {
        var node: Any? = tree
        for token in ref.dropFirst(2).split(separator: "/") {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            node = (node as? [String: Any])?[key]
        }
        return node
    }
}
