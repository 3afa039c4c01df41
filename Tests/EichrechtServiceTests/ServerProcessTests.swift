import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `eichrecht-server` process: it starts, answers, and on SIGTERM or SIGINT lets the
/// request in flight finish before it exits 0.
@Suite("eichrecht-server process")
struct ServerProcessTests {
    static let executable = ServicePaths.executable("eichrecht-server")

    struct NotListening: Error {}

    /// A started server and the port it listens on.
    struct Server {
        let process: Process
        let port: Int
        let output: Pipe

        static func start(_ arguments: [String] = []) throws -> Server {
            let process = Process()
            guard let executable = ServerProcessTests.executable else { throw NotListening() }
            process.executableURL = executable
            process.arguments = ["--port", "0"] + arguments
            process.currentDirectoryURL = ServicePaths.repository
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line says where it listens: "eichrecht-server listening on 127.0.0.1:PORT".
            var text = ""
            while !text.contains("\n") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            guard let line = text.split(separator: "\n").first(where: { $0.contains("listening on") }),
                let port = line.split(separator: ":").last.flatMap({ Int($0) })
            else {
                process.terminate()
                throw NotListening()
            }
            return Server(process: process, port: port, output: output)
        }

        /// Waits for the exit; its status.
        func exitStatus() async -> Int32 {
            let deadline = ContinuousClock.now + .seconds(30)
            while process.isRunning, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(20)) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return -1
            }
            return process.terminationStatus
        }

        func request(_ uri: String, method: HTTPRequest.Method = .get, body: [UInt8]? = nil) async throws
            -> TestClient.Response
        {
            try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60)))
            { client in
                try await client.execute(
                    TestClient.Request(
                        uri, method: method, authority: "127.0.0.1", headers: [:],
                        body: body.map { ByteBuffer(bytes: $0) }))
            }
        }
    }

    /// 1,500 CDRs as NDJSON: long enough to be in flight when the signal comes.
    static func largeBody() throws -> ([UInt8], Int) {
        let cdr = try #require(
            try JSONSerialization.jsonObject(with: Data(ServicePaths.bytes("Examples/cdr-ocmf.json"))) as? [String: Any]
        )
        let line = [UInt8](try JSONSerialization.data(withJSONObject: cdr)) + [0x0A]
        let count = 1500
        return (Array([[UInt8]](repeating: line, count: count).joined()), count)
    }

    @Test(.enabled(if: executable != nil), arguments: [SIGTERM, SIGINT])
    func gracefulShutdownFinishesTheRequestInFlight(_ signal: Int32) async throws {
        let server = try Server.start()
        let health = try await server.request("/health")
        #expect(health.status == .ok)

        let (body, count) = try Self.largeBody()
        let verification = Task { try await server.request("/v1/verify", method: .post, body: body) }
        // Wait until the verification is in flight (the in-flight gauge counts it and this request).
        let until = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < until {
            let metrics = try await server.request("/metrics")
            let text = String(buffer: metrics.body ?? ByteBuffer())
            if text.split(separator: "\n").contains(where: {
                $0.hasPrefix("eichrecht_http_requests_in_flight ") && (Double($0.split(separator: " ")[1]) ?? 0) >= 2
            }) {
                break
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        kill(server.process.processIdentifier, signal)

        let response = try await verification.value
        #expect(response.head.status == .ok)
        let lines = String(buffer: response.body ?? ByteBuffer()).split(separator: "\n")
        #expect(lines.count == count, "every line of the request in flight was written")
        #expect(await server.exitStatus() == 0)
    }

    /// The exit status of the server started with `arguments` that ends by itself (a usage error).
    static func exitStatus(of arguments: [String]) throws -> Int32 {
        let process = Process()
        guard let executable = Self.executable else { throw NotListening() }
        process.executableURL = executable
        process.arguments = ["--port", "0"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: executable != nil)) func unreadableTokenFileIsAUsageError() async throws {
        #expect(try Self.exitStatus(of: ["--tokens", "/nonexistent/tokens.txt"]) == 2)
    }

    @Test("--threads sets the verifying threads: one serves; 0 is a usage error", .enabled(if: executable != nil))
    func threadsOption() async throws {
        let server = try Server.start(["--threads", "1"])
        let answer = try await server.request(
            "/v1/verify", method: .post, body: try ServicePaths.bytes("Examples/cdr-ocmf.json"))
        #expect(String(buffer: answer.body ?? ByteBuffer()).contains(#""verdict":"verified""#))
        kill(server.process.processIdentifier, SIGTERM)
        #expect(await server.exitStatus() == 0)

        #expect(try Self.exitStatus(of: ["--threads", "0"]) != 0)
    }
}
