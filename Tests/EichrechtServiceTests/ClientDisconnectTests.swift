import Eichrecht
import EichrechtService
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

/// A client that goes away in the middle of a streamed answer costs its request only: the
/// verification is cancelled and the process goes on serving.
@Suite("eichrecht-server: clients that go away")
struct ClientDisconnectTests {
    /// 1,000 CDRs as NDJSON.
    static func largeBody() throws -> [UInt8] {
        let cdr = try #require(
            try JSONSerialization.jsonObject(with: Data(ServicePaths.bytes("Examples/cdr-ocmf.json"))) as? [String: Any]
        )
        let line = [UInt8](try JSONSerialization.data(withJSONObject: cdr)) + [0x0A]
        return Array([[UInt8]](repeating: line, count: 1000).joined())
    }

    @Test func streamCancelledMidwayEndsCleanly() async throws {
        // The library's stream, dropped after one result with most records read but not taken.
        let body = try Self.largeBody()
        for _ in 0..<5 {
            let stream = VerificationStream(reader: InputReader(source: BufferSource(body)), name: "body", jobs: 2)
            _ = stream.next()
            stream.cancel()
        }
        try await Task.sleep(for: .milliseconds(500))
    }

    @Test func disconnectMidAnswerKeepsTheServerServing() async throws {
        let body = try Self.largeBody()
        try await withLiveServer { client in
            let port = try #require(client.port)
            for _ in 0..<3 {
                // A read timeout far shorter than the answer: the client closes mid-stream.
                _ = try? await TestClient.withClient(
                    host: "localhost", port: port, configuration: .init(timeout: .milliseconds(150))
                ) { short in
                    try await short.post("/v1/verify", body: ByteBuffer(bytes: body))
                }
            }
            try await Task.sleep(for: .seconds(1))
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            let answer = try await client.verify(try ServicePaths.bytes("Examples/cdr-ocmf.json"))
            #expect(answer.verdicts.first?.verdict == "verified")
        }
    }

    @Test("a body cut short by its client is counted 499, broken chunk framing 400: never a 5xx")
    func bodyNotReceived() async throws {
        try await withLiveServer { client in
            let port = try #require(client.port)
            // Content-Length promises more than is sent, then the connection closes.
            try await Self.send(
                "POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n"
                    + String(repeating: "{", count: 5000),
                port: port)
            // A chunk size that is not hexadecimal.
            try await Self.send(
                "POST /v1/verify HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\nZZ\r\n",
                port: port)
            var metrics = ""
            // Up to 20 seconds: the whole suite runs at once on a small machine.
            for _ in 0..<200 {
                let answer = try await client.execute(uri: "/metrics", method: .get)
                metrics = String(buffer: answer.body)
                if metrics.contains("status=\"400\"") && metrics.contains("status=\"499\"") { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(metrics.contains(#"eichrecht_http_requests_total{route="/v1/verify",status="499"} 1"#))
            #expect(metrics.contains(#"eichrecht_http_requests_total{route="/v1/verify",status="400"} 1"#))
            #expect(!metrics.contains("status=\"5"))
        }
    }

    /// Sends `text` on a new connection, holds it open a moment, and closes it without reading.
    static func send(_ text: String, port: Int, holding: Duration = .milliseconds(300)) async throws {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port).get()
        try await channel.writeAndFlush(ByteBuffer(string: text)).get()
        try await Task.sleep(for: holding)
        // The server may have closed it already (after a 400).
        try? await channel.close().get()
    }
}
