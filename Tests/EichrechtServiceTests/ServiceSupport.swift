import Eichrecht
import EichrechtService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Paths of the repository, its examples and vectors, and the built executables.
enum ServicePaths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func file(_ relative: String) -> URL { repository.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: file(relative))) }

    /// An executable built beside the test bundle (`swift build` and `swift test` build both).
    static func executable(_ name: String) -> URL? {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name),
            Bundle.main.bundleURL.appendingPathComponent(name),
            repository.appendingPathComponent(".build/debug/\(name)"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}

/// A configuration for tests: the defaults with a free loopback port.
func testConfiguration(_ change: (inout ServiceConfiguration) -> Void = { _ in }) -> ServiceConfiguration {
    var configuration = ServiceConfiguration()
    configuration.port = 0
    configuration.jobsPerRequest = 2
    change(&configuration)
    return configuration
}

/// Starts the real server on an ephemeral loopback port and runs `test` against it over HTTP.
func withLiveServer<Value: Sendable>(
    _ configuration: ServiceConfiguration = testConfiguration(), metrics: ServiceMetrics = ServiceMetrics(),
    _ test: @Sendable (any TestClientProtocol) async throws -> Value
) async throws -> Value {
    let app = VerificationService.application(configuration: configuration, metrics: metrics)
    return try await app.test(.live, test)
}

extension TestClientProtocol {
    /// `POST /v1/verify` with `body`.
    func verify(
        _ body: [UInt8], query: String = "", headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        try await execute(
            uri: "/v1/verify" + (query.isEmpty ? "" : "?" + query), method: .post, headers: headers,
            body: ByteBuffer(bytes: body))
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var lines: [String] { text.split(separator: "\n").map(String.init) }

    /// The `id` and `verdict` of each NDJSON line.
    var verdicts: [(id: String, verdict: String?)] {
        lines.compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String
            else { return nil }
            return (id, object["verdict"] as? String)
        }
    }

    /// The body as a JSON object (a problem answer).
    var object: [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }
}

/// The `eichrecht` CLI run on standard input, as users run it.
enum CLI {
    static let executable = ServicePaths.executable("eichrecht")

    struct Missing: Error {}

    /// Standard output of `eichrecht verify --format json ARGUMENTS -` with `input` on standard input.
    static func verifyJSON(_ input: [UInt8], arguments: [String] = []) throws -> String {
        guard let executable else { throw Missing() }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["verify", "--format", "json"] + arguments + ["-"]
        process.currentDirectoryURL = ServicePaths.repository
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        // Write on another thread: a large input would otherwise fill the pipe while the CLI
        // waits for its output to be read.
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        _ = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: stdout, as: UTF8.self)
    }

    /// The CLI names units without an id `stdin#N`; the service names them `body#N`.
    static func asService(_ output: String) -> String {
        output.replacingOccurrences(of: #"{"id":"stdin#"#, with: #"{"id":"body#"#)
    }
}
