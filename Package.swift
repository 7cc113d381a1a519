// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Lianjian",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "lianjian", targets: ["lianjian"]),
        .executable(name: "roster-bench", targets: ["roster-bench"]),
        .executable(name: "store-bench", targets: ["store-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        // HMAC-SHA256 for download links; already in the graph through postgres-nio (3.x or 4.x, as it resolves).
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // Posting notifications to a webhook (an SMS gateway).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // GET /metrics: swift-metrics' API in the layers, its Prometheus backend in the API.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // The web console: templates in files, passwords hashed with bcrypt.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // The console's CSV upload (multipart/form-data).
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // Test-only: decoding and validating the OpenAPI document.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", exact: "6.4.0", traits: []),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Pure layers: Foundation only.
        .target(name: "LianjianDomain"),
        .target(name: "RosterSolver"),
        // QR codes for events' check-in links: Debian's libqrencode, wrapped.
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .target(name: "LianjianQR", dependencies: ["CQRencode"]),
        // Seeded problem generator for tests and the benchmark.
        .target(name: "RosterInstances", dependencies: ["RosterSolver"]),
        // Reading configuration files and the environment.
        .target(
            name: "LianjianSettings",
            dependencies: [
                .product(name: "Configuration", package: "swift-configuration"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        // The only importer of PostgresNIO.
        .target(
            name: "LianjianStore",
            dependencies: [
                "LianjianDomain",
                "LianjianSettings",
                "RosterSolver",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Background work: the job queue's worker, roster generation (the solver on threads of its own).
        .target(
            name: "LianjianJobs",
            dependencies: [
                "LianjianDomain",
                "LianjianStore",
                "RosterSolver",
                "LianjianSettings",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // The only importer of Hummingbird.
        .target(
            name: "LianjianAPI",
            dependencies: [
                "LianjianDomain",
                "LianjianStore",
                "LianjianQR",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            // The OpenAPI document, served as it is at /openapi.yaml; the console's templates and stylesheet.
            resources: [.copy("Resources/openapi.yaml"), .copy("Resources/console")]
        ),
        .executableTarget(
            name: "lianjian",
            dependencies: [
                "LianjianDomain",
                "RosterSolver",
                "LianjianSettings",
                "LianjianStore",
                "LianjianAPI",
                "LianjianJobs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The solver benchmark: instance generator and runner (release builds only the solver).
        .executableTarget(name: "roster-bench", dependencies: ["RosterSolver", "RosterInstances"]),
        // The facilities benchmark: booking acceptance and bay layout against a real database.
        .executableTarget(
            name: "store-bench",
            dependencies: ["LianjianDomain", "LianjianSettings", "LianjianStore", "LianjianJobs", .product(name: "Logging", package: "swift-log")]
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "LianjianDomain",
                "LianjianStore",
                "LianjianSettings",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "LianjianDomainTests", dependencies: ["LianjianDomain"]),
        .testTarget(name: "RosterSolverTests", dependencies: ["RosterSolver", "RosterInstances"]),
        .testTarget(
            name: "LianjianStoreTests",
            dependencies: ["LianjianStore", "TestSupport", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .testTarget(
            name: "LianjianJobsTests",
            dependencies: [
                "LianjianJobs", "LianjianStore", "LianjianSettings", "TestSupport", "RosterSolver",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(name: "LianjianCLITests", dependencies: ["lianjian", "RosterSolver", "RosterInstances"]),
        .testTarget(
            name: "LianjianAPITests",
            dependencies: [
                "LianjianAPI", "LianjianStore", "LianjianJobs", "TestSupport", "RosterSolver",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
