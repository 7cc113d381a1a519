import Hummingbird
import LianjianDomain
import LianjianStore

/// The request context: Hummingbird's core storage plus the authenticated caller.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AccessMiddleware`` for every `/v1` request.
    public var principal: Principal?
    /// Set by ``ConsoleMiddleware`` for a console page opened in a signed-in session.
    public var session: SessionRepository.Session?
    /// The peer's IP address, for the sign-in limits ("unknown" when the channel has none).
    public var remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        principal = nil
        session = nil
        remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The caller; every `/v1` handler runs after ``AccessMiddleware`` has set it.
    var caller: Principal {
        get throws {
            guard let principal else { throw APIError(.unauthorized, code: "unauthorized", message: "a bearer token is required") }
            return principal
        }
    }
}
