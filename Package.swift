// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Eichrecht",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Eichrecht", targets: ["Eichrecht"]),
        .executable(name: "eichrecht", targets: ["eichrecht"]),
        .executable(name: "eichrecht-server", targets: ["eichrecht-server"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The HTTP service only: the library and the `eichrecht` CLI build without these.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // The only door to OpenSSL: a system-library module with a small shim header.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"]), .brew(["openssl@3"])]
        ),
        .target(
            name: "Eichrecht",
            dependencies: ["COpenSSL"]
        ),
        // Command-line options both executables take (`--key`, `--keys`).
        .target(
            name: "EichrechtArguments",
            dependencies: [
                "Eichrecht",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "eichrecht",
            dependencies: [
                "Eichrecht",
                "EichrechtArguments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The HTTP routes of the verification service; started by `eichrecht-server` and its tests.
        .target(
            name: "EichrechtService",
            dependencies: [
                "Eichrecht",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "eichrecht-server",
            dependencies: [
                "Eichrecht",
                "EichrechtArguments",
                "EichrechtService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/eichrecht-server"
        ),
        .executableTarget(
            name: "eichrecht-bench",
            dependencies: ["Eichrecht"],
            path: "Sources/eichrecht-bench"
        ),
        .testTarget(
            name: "EichrechtTests",
            dependencies: ["Eichrecht"],
            resources: []
        ),
        .testTarget(
            name: "EichrechtServiceTests",
            dependencies: [
                "Eichrecht",
                "EichrechtService",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
    ]
)
