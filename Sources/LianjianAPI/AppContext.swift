import Hummingbird
import LianjianDomain

/// The request context: Hummingbird's core storage plus the authenticated caller.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AccessMiddleware`` for every `/v1` request.
    public var principal: Principal?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        principal = nil
    }

    /// The caller; every `/v1` handler runs after ``AccessMiddleware`` has set it.
    var caller: Principal {
        get throws {
            guard let principal else { throw APIError(.unauthorized, code: "unauthorized", message: "a bearer token is required") }
            return principal
        }
    }
}
