import Eichrecht
import EichrechtService
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import Testing

/// The per-request time limit: a body that does not arrive in time is a 408, and an answer that
/// runs out of time ends with a line saying so. The time limits are watched by one ticking task,
/// not a sleep per request, so these tests also prove that the watch fires.
@Suite("eichrecht-server: time limits")
struct TimeLimitTests {
    @Test("a body that does not arrive within the time limit is answered 408")
    func slowBody() async throws {
        let metrics = ServiceMetrics()
        try await withLiveServer(testConfiguration { $0.requestTimeLimit = .seconds(1) }, metrics: metrics) {
            client in
            let port = try #require(client.port)
            // Headers promising 1,000 bytes, 10 sent, and the connection held open until the server
            // has answered (up to 30 seconds: the whole suite runs at once on a small machine).
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: port).get()
            try await channel.writeAndFlush(
                ByteBuffer(string: "POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"id\": \"1\"")
            ).get()
            var exposition = ""
            for _ in 0..<300 {
                exposition = String(decoding: metrics.exposition(), as: UTF8.self)
                if exposition.contains(#"route="/v1/verify""#) { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            try? await channel.close().get()
            #expect(exposition.contains(#"eichrecht_http_requests_total{route="/v1/verify",status="408"} 1"#))
            #expect(!exposition.contains(#"status="499""#))
        }
    }

    @Test("an answer that runs out of time ends with a line naming the time limit")
    func answerOutOfTime() async throws {
        let many = Array([[UInt8]](repeating: try ClientDisconnectTests.largeBody(), count: 3).joined())
        try await withLiveServer(testConfiguration { $0.requestTimeLimit = .seconds(1) }) { client in
            let answer = try await client.verify(many)
            if answer.status == .ok {
                // 3,000 CDRs cannot be verified in one second: the answer is cut short, and says so.
                let lines = answer.lines
                #expect(lines.count < 3000)
                let last = try #require(lines.last)
                #expect(last.contains(#""id":"body""#))
                #expect(last.contains(#""verdict":null"#))
            } else {
                // Not even the first line was done in time.
                #expect(answer.status == .serviceUnavailable)
            }
        }
    }
}
