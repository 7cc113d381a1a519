import LianjianSettings
import TestSupport
import Testing

@Suite("Configuration")
struct SettingsTests {
    let config = TestDatabase.repositoryRoot + "/config"

    @Test func defaultsComeFromTheFile() async throws {
        let s = try await AppSettings.load(configDirectory: config, environment: [:])
        #expect(s.httpHost == "127.0.0.1")
        #expect(s.httpPort == 8080)
        #expect(s.timeZone == "Asia/Shanghai")
        #expect(s.locale == "zh-CN")
        #expect(s.database.endpoint == .unixSocket(path: "/var/run/postgresql/.s.PGSQL.5432"))
        #expect(s.downloadKey == nil && s.downloadLinkSeconds == 600)
    }

    @Test func theDownloadKeyComesFromItsEnvironmentVariable() async throws {
        let key = String(repeating: "0123456789abcdef", count: 2)
        let s = try await AppSettings.load(configDirectory: config, environment: ["APP_DOWNLOAD_KEY": key, "APP_DOWNLOAD_LINK_SECONDS": "120"])
        #expect(s.downloadKey == key && s.downloadLinkSeconds == 120)
    }

    @Test func environmentOverridesFiles() async throws {
        let s = try await AppSettings.load(configDirectory: config, environment: ["HTTP_PORT": "9090", "LOG_LEVEL": "debug"])
        #expect(s.httpPort == 9090)
        #expect(s.logLevel == "debug")
    }

    @Test func libpqVariables() async throws {
        let s = try await AppSettings.load(configDirectory: config, environment: [
            "PGHOST": "db.local", "PGPORT": "6543", "PGUSER": "org", "PGPASSWORD": "secret", "PGDATABASE": "lj",
        ])
        #expect(s.database == DatabaseSettings(endpoint: .tcp(host: "db.local", port: 6543), user: "org", password: "secret", name: "lj"))
    }

    @Test func databaseURLWinsAndParsesLikeLibpq() async throws {
        let s = try await AppSettings.load(configDirectory: config, environment: [
            "PGHOST": "ignored", "DATABASE_URL": "postgres://me:p%40ss@10.0.0.5:5433/lianjian_prod?sslmode=require",
        ])
        #expect(s.database.endpoint == .tcp(host: "10.0.0.5", port: 5433))
        #expect(s.database.user == "me")
        #expect(s.database.password == "p@ss")
        #expect(s.database.name == "lianjian_prod")
        #expect(s.database.tls == .require)
        let socket = try await AppSettings.load(configDirectory: config, environment: ["DATABASE_URL": "postgresql:///lj?host=/tmp/pg&port=5439"])
        #expect(socket.database.endpoint == .unixSocket(path: "/tmp/pg/.s.PGSQL.5439"))
    }

    @Test(arguments: [
        (["HTTP_PORT": "eighty"], "http.port"), (["HTTP_PORT": "70000"], "http.port"),
        (["APP_TIME_ZONE": "Mars/Base"], "app.time_zone"), (["LOG_LEVEL": "loud"], "log.level"),
        (["PGPORT": "x"], "PGPORT"), (["DATABASE_URL": "mysql://x"], "DATABASE_URL"),
        (["DATABASE_TLS": "maybe"], "database.tls"), (["APP_LOCALE": "fr"], "app.locale"),
        (["API_BURST": "0"], "api.burst"), (["API_REQUESTS_PER_SECOND": "fast"], "api.requests_per_second"),
        (["APP_DOWNLOAD_KEY": "too short"], "app.download_key"), (["APP_DOWNLOAD_LINK_SECONDS": "5"], "app.download_link_seconds"),
    ])
    func badValuesNameTheKey(env: [String: String], key: String) async {
        do {
            _ = try await AppSettings.load(configDirectory: config, environment: env)
            Issue.record("accepted \(env)")
        } catch {
            #expect(error.key == key)
        }
    }
}
