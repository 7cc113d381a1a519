import Foundation

/// The OpenAPI 3.1 document served at `/openapi.yaml`.
///
/// Its source of truth is `Sources/LianjianAPI/Resources/openapi.yaml`, copied into the
/// module's resource bundle and served byte for byte. `OpenAPITests` checks that every route is
/// documented, every documented operation exists, OpenAPIKit validates it and every `$ref`
/// resolves; `scripts/schemathesis` checks the running server against it.
public enum OpenAPIDocument {
    /// The document's text, read once from the resource bundle.
    public static let text: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
              let data = try? Data(contentsOf: url),
              let text = String(data: data, encoding: .utf8)
        else { fatalError("openapi.yaml is missing from the LianjianAPI resource bundle") }
        return text
    }()
}
