import Eichrecht
import EichrechtService
import Foundation
import Hummingbird
import HummingbirdTesting
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
}
