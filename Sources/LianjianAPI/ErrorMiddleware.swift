import Hummingbird
import Logging

/// Turns every thrown error into the JSON error shape; an unknown error is a 500, logged once with details.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            if let api = APIError.from(error) {
                if api.status.code >= 500 { context.logger.warning("request failed", metadata: ["code": "\(api.code)"]) }
                return try api.response(from: request, context: context)
            }
            context.logger.error("unexpected error", metadata: ["error": "\(String(reflecting: error))"])
            return try APIError(.internalServerError, code: "internal", message: "something went wrong on our side")
                .response(from: request, context: context)
        }
    }
}
