import Configuration
import Foundation

extension AppSettings {
    static func read(_ config: ConfigReader, environment env: [String: String]) throws(SettingsError) -> AppSettings {
        let httpPort = try int(config, "http.port", in: 0...65_535)
        let timeZone = try string(config, "app.time_zone")
        guard TimeZone(identifier: timeZone) != nil else {
            throw SettingsError(key: "app.time_zone", reason: "\"\(timeZone)\" is not a known time zone")
        }
        let logLevel = try string(config, "log.level")
        guard logLevels.contains(logLevel) else {
            throw SettingsError(key: "log.level", reason: "must be one of \(logLevels.joined(separator: ", "))")
        }
        let locale = try string(config, "app.locale")
        guard ["zh-CN", "en"].contains(locale) else { throw SettingsError(key: "app.locale", reason: "must be zh-CN or en") }
        var settings = AppSettings(
            httpHost: try string(config, "http.host"), httpPort: httpPort, database: try database(config, env),
            timeZone: timeZone, locale: locale, logLevel: logLevel)
        settings.requestsPerSecond = try int(config, "api.requests_per_second", in: 1...100_000)
        settings.burst = try int(config, "api.burst", in: 1...100_000)
        let downloadKey = try string(config, "app.download_key")
        guard downloadKey.isEmpty || downloadKey.utf8.count >= 32 else {
            throw SettingsError(key: "app.download_key", reason: "must be at least 32 characters, or empty to keep a random key in the database")
        }
        settings.downloadKey = downloadKey.isEmpty ? nil : downloadKey
        settings.downloadLinkSeconds = try int(config, "app.download_link_seconds", in: 10...86_400)
        settings.roundingMinutes = try int(config, "records.rounding_minutes", in: 1...60)
        settings.signInWindowMinutes = try int(config, "records.sign_in_window_minutes", in: 10...720)
        settings.boardDays = try int(config, "records.board_days", in: 1...365)
        let tls = try string(config, "http.behind_tls")
        guard ["true", "false"].contains(tls) else { throw SettingsError(key: "http.behind_tls", reason: "must be true or false") }
        settings.behindTLS = tls == "true"
        try readNotify(config, into: &settings)
        return settings
    }

    private static func readNotify(_ config: ConfigReader, into settings: inout AppSettings) throws(SettingsError) {
        let url = try string(config, "notify.webhook_url")
        if !url.isEmpty {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
                throw SettingsError(key: "notify.webhook_url", reason: "must be an http or https URL")
            }
            settings.webhookURL = url
        }
        settings.webhookSecret = try string(config, "notify.webhook_secret")
        guard url.isEmpty || settings.webhookSecret.utf8.count >= 32 else {
            throw SettingsError(key: "notify.webhook_secret", reason: "must be at least 32 characters when notify.webhook_url is set")
        }
        settings.notifyMaxAttempts = try int(config, "notify.max_attempts", in: 1...100)
    }

    private static func database(_ config: ConfigReader, _ env: [String: String]) throws(SettingsError) -> DatabaseSettings {
        func pg(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }
        let portText = pg("PGPORT")
        let port: Int
        if let portText {
            guard let p = Int(portText), (1...65_535).contains(p) else {
                throw SettingsError(key: "PGPORT", reason: "must be a port number, got \"\(portText)\"")
            }
            port = p
        } else {
            port = try int(config, "database.port", in: 1...65_535)
        }
        let tlsText = try string(config, "database.tls")
        guard let tls = DatabaseSettings.TLSMode(rawValue: tlsText) else {
            throw SettingsError(key: "database.tls", reason: "must be disable or require")
        }
        // A libpq variable wins over the key's own environment variable and files.
        func value(_ variable: String, _ key: String) throws(SettingsError) -> String {
            if let value = pg(variable) { return value }
            return try string(config, key)
        }
        let password = try value("PGPASSWORD", "database.password")
        let host = try value("PGHOST", "database.host")
        var settings = DatabaseSettings(
            endpoint: DatabaseSettings.endpoint(host: host, port: port),
            user: try value("PGUSER", "database.user"),
            password: password.isEmpty ? nil : password,
            name: try value("PGDATABASE", "database.name"),
            tls: tls,
            maxConnections: try int(config, "database.max_connections", in: 1...1000),
            queryTimeoutSeconds: try int(config, "database.query_timeout_seconds", in: 1...3600))
        let url = try string(config, "database.url")
        if !url.isEmpty { settings = try DatabaseSettings.parse(url: url, defaults: settings) }
        return settings
    }

    private static func string(_ config: ConfigReader, _ key: String) throws(SettingsError) -> String {
        do {
            return try config.requiredString(forKey: ConfigKey(key))
        } catch {
            throw SettingsError(key: key, reason: "missing or not a string")
        }
    }

    private static func int(_ config: ConfigReader, _ key: String, in range: ClosedRange<Int>) throws(SettingsError) -> Int {
        let value: Int
        do {
            value = try config.requiredInt(forKey: ConfigKey(key))
        } catch {
            throw SettingsError(key: key, reason: "missing or not an integer")
        }
        guard range.contains(value) else {
            throw SettingsError(key: key, reason: "must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return value
    }
}
