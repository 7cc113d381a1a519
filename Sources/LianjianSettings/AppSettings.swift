import Configuration
import SystemPackage
import Foundation

/// Every setting of Lianjian, read once at start-up.
///
/// Sources, highest priority first:
/// 1. `DATABASE_URL` and the libpq variables `PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`, `PGDATABASE`;
/// 2. environment variables named after the keys (`http.port` → `HTTP_PORT`);
/// 3. `config/<LIANJIAN_ENV>.json` when `LIANJIAN_ENV` is set (e.g. `test`);
/// 4. `config/default.json`, which lists every key with a safe default.
///
/// Keys: `http.host` (127.0.0.1), `http.port` (8080), `http.behind_tls` (false: console cookies
/// are `Secure` when true), `database.url` (empty),
/// `database.host` (/var/run/postgresql; a directory means a unix socket), `database.port` (5432),
/// `database.user` (postgres), `database.password` (empty), `database.name` (lianjian),
/// `database.tls` (disable | require), `database.max_connections` (20),
/// `database.query_timeout_seconds` (10), `app.time_zone` (Asia/Shanghai), `app.locale` (zh-CN),
/// `log.level` (info), `api.requests_per_second` (20) and `api.burst` (100) per token,
/// `app.download_key` (empty: a random key kept in the database) and `app.download_link_seconds` (600),
/// `notify.webhook_url` (empty: messages are only logged), `notify.webhook_secret` (signs each
/// message; at least 32 characters when a webhook is set) and `notify.max_attempts` (8).
public struct AppSettings: Sendable, Equatable {
    public var httpHost: String
    public var httpPort: Int
    public var database: DatabaseSettings
    /// The time zone communities' local times are in.
    public var timeZone: String
    /// `timeZone` as a zone (validated when the settings were read).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(identifier: "Asia/Shanghai")! }
    /// The language of messages and exports when a request does not ask for one (zh-CN or en).
    public var locale: String
    /// One of trace, debug, info, notice, warning, error, critical.
    public var logLevel: String
    /// Each token's sustained request rate and burst; more is a 429.
    public var requestsPerSecond: Int = 20
    public var burst: Int = 100
    /// The secret download links are signed with (HMAC-SHA256); `nil`: a random key made once
    /// and kept in the database, shared by every server process.
    public var downloadKey: String?
    /// How long a download link works.
    public var downloadLinkSeconds: Int = 600
    /// Service hours are credited rounded to this many minutes (half up); 1 credits them exactly.
    public var roundingMinutes: Int = 30
    /// How long before an event starts and after it ends people may sign in or out (and its check-in code works).
    public var signInWindowMinutes: Int = 120
    /// The least number of days a notice stays on a community's public board (民情速递站).
    public var boardDays: Int = 7
    /// Where notifications are posted (an SMS gateway's webhook); `nil`: they are logged only.
    public var webhookURL: String?
    /// The HMAC-SHA256 key each posted message is signed with.
    public var webhookSecret: String = ""
    /// Deliveries tried before a message is dead.
    public var notifyMaxAttempts: Int = 8
    /// Whether browsers reach the server over TLS (through a proxy): the console's cookies are then `Secure`.
    public var behindTLS: Bool = false

    static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// Loads settings from `configDirectory` and `environment`.
    /// - Throws: ``SettingsError`` naming the first key whose value cannot be used.
    public static func load(
        configDirectory: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws(SettingsError) -> AppSettings {
        let reader: ConfigReader
        do {
            reader = try await makeReader(configDirectory: configDirectory, environment: environment)
        } catch let error as SettingsError {
            throw error
        } catch {
            throw SettingsError(key: "config", reason: "cannot read \(configDirectory)/default.json: \(error)")
        }
        return try read(reader, environment: environment)
    }

    private static func makeReader(configDirectory: String, environment: [String: String]) async throws -> ConfigReader {
        var providers: [any ConfigProvider] = [
            EnvironmentVariablesProvider(
                environmentVariables: environment, secretsSpecifier: .specific(["DATABASE_PASSWORD", "DATABASE_URL", "APP_DOWNLOAD_KEY", "NOTIFY_WEBHOOK_SECRET"]))
        ]
        if let env = environment["LIANJIAN_ENV"], !env.isEmpty {
            guard env.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                throw SettingsError(key: "LIANJIAN_ENV", reason: "must be a plain name such as test")
            }
            providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath("\(configDirectory)/\(env).json"), allowMissing: true))
        }
        providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath("\(configDirectory)/default.json")))
        return ConfigReader(providers: providers)
    }
}
