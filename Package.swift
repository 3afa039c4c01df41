// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Eichrecht",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Eichrecht", targets: ["Eichrecht"]),
        .executable(name: "eichrecht", targets: ["eichrecht"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
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
        .executableTarget(
            name: "eichrecht",
            dependencies: [
                "Eichrecht",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
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
    ]
)
