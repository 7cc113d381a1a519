/// The OpenAPI 3.1 document served at `/openapi.yaml` (kept true by `OpenAPITests`).
enum OpenAPIDocument {
    static let text = """
        openapi: 3.1.0
        """
}
