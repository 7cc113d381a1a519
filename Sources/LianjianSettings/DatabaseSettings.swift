import Foundation

/// Where and how to reach PostgreSQL; built by ``AppSettings`` from files and the environment.
public struct DatabaseSettings: Sendable, Equatable {
    /// How to reach the server.
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        /// The socket *file*, e.g. `/run/postgresql/.s.PGSQL.5432`.
        case unixSocket(path: String)
    }

    /// Transport security, as libpq's `sslmode` names it (only the two modes we support).
    public enum TLSMode: String, Sendable, Equatable {
        case disable
        case require
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var name: String
    public var tls: TLSMode
    /// Connections kept at most in the pool.
    public var maxConnections: Int
    /// How long a request waits for the database before giving up.
    public var queryTimeoutSeconds: Int

    public init(
        endpoint: Endpoint, user: String, password: String? = nil, name: String, tls: TLSMode = .disable,
        maxConnections: Int = 20, queryTimeoutSeconds: Int = 10
    ) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.name = name
        self.tls = tls
        self.maxConnections = maxConnections
        self.queryTimeoutSeconds = queryTimeoutSeconds
    }

    /// An endpoint from a libpq-style host: a directory (starting with `/`) means a unix socket in it.
    public static func endpoint(host: String, port: Int) -> Endpoint {
        host.hasPrefix("/") ? .unixSocket(path: "\(host)/.s.PGSQL.\(port)") : .tcp(host: host, port: port)
    }

    /// Parses `postgres://user:password@host:port/name?sslmode=require&host=/socket/dir`.
    /// - Throws: ``SettingsError`` naming `DATABASE_URL` and what is wrong with it.
    public static func parse(url: String, defaults: DatabaseSettings) throws(SettingsError) -> DatabaseSettings {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? "") else {
            throw SettingsError(key: "DATABASE_URL", reason: "must look like postgres://user:password@host:5432/name")
        }
        var result = defaults
        let query = Dictionary((parts.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let port = parts.port ?? Int(query["port"] ?? "") ?? 5432
        let host = query["host"] ?? parts.host.flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding }
        result.endpoint = endpoint(host: host ?? "127.0.0.1", port: port)
        if let user = parts.user?.removingPercentEncoding, !user.isEmpty { result.user = user }
        if let password = parts.password?.removingPercentEncoding { result.password = password }
        let name = String(parts.path.drop { $0 == "/" })
        if !name.isEmpty { result.name = name.removingPercentEncoding ?? name }
        if let mode = query["sslmode"] {
            switch mode {
            case "disable", "allow", "prefer": result.tls = .disable
            case "require", "verify-ca", "verify-full": result.tls = .require
            default: throw SettingsError(key: "DATABASE_URL", reason: "sslmode \"\(mode)\" is not one of disable, require")
            }
        }
        return result
    }
}

/// A configuration value that cannot be used; the message names the key.
public struct SettingsError: Error, Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var reason: String

    public init(key: String, reason: String) {
        self.key = key
        self.reason = reason
    }

    public var description: String { "configuration \(key): \(reason)" }
}
