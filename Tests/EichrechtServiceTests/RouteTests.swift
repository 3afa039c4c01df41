import Eichrecht
import EichrechtService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The routes over HTTP on the live server: health, metrics, errors, limits, ordering.
@Suite("eichrecht-server: routes")
struct RouteTests {
    @Test func health() async throws {
        try await withLiveServer { client in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.text == "{\"status\":\"ok\"}\n")
        }
    }

    @Test func metricsCountRequestsAndVerdicts() async throws {
        let metrics = ServiceMetrics()
        let input = try ServicePaths.bytes("Vectors/generated-ocmf/cdrs/input-array-mixed-verdicts.json")
        try await withLiveServer(metrics: metrics) { client in
            _ = try await client.verify(input)
            _ = try await client.verify(Array("{\"id\": oops".utf8))
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
            let text = response.text
            #expect(text.contains(#"eichrecht_units_total{verdict="verified"} 1"#))
            #expect(text.contains(#"eichrecht_units_total{verdict="mismatch"} 1"#))
            #expect(text.contains(#"eichrecht_units_total{verdict="invalid"} 1"#))
            #expect(text.contains(#"eichrecht_http_requests_total{route="/v1/verify",status="200"} 1"#))
            #expect(text.contains(#"eichrecht_http_requests_total{route="/v1/verify",status="400"} 1"#))
            #expect(text.contains("eichrecht_verification_duration_seconds_bucket"))
            #expect(text.contains("eichrecht_http_requests_in_flight"))
        }
    }

    @Test func streamedLinesKeepInputOrder() async throws {
        // 400 CDRs with ids of their own, of different verdicts, as NDJSON.
        let templates = try [
            "Examples/cdr-ocmf.json", "Examples/cdr-tampered.json", "Examples/cdr-energy-mismatch.json",
        ].map { path in
            try #require(try JSONSerialization.jsonObject(with: Data(ServicePaths.bytes(path))) as? [String: Any])
        }
        var body: [UInt8] = []
        var ids: [String] = []
        for index in 0..<400 {
            var cdr = templates[index % templates.count]
            let id = String(format: "order-%04d", index)
            cdr["id"] = id
            ids.append(id)
            body += [UInt8](try JSONSerialization.data(withJSONObject: cdr)) + [0x0A]
        }
        let input = body, expectedIDs = ids
        try await withLiveServer { client in
            let response = try await client.verify(input)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/x-ndjson")
            #expect(response.verdicts.map(\.id) == expectedIDs)
            #expect(response.verdicts.prefix(3).map(\.verdict) == ["verified", "invalid", "mismatch"])
        }
    }

    @Test(
        arguments: [
            ("{\"id\": oops", 1),
            ("\n\n  {\"id\": oops}", 3),
            ("[{\"id\": \"a\"", nil),
            ("", nil),
            ("   \n", nil),
        ] as [(String, Int?)])
    func unreadableBodyIsAProblem(_ body: String, line: Int?) async throws {
        try await withLiveServer { client in
            let response = try await client.verify(Array(body.utf8))
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try #require(response.object)
            #expect(problem["status"] as? Int == 400)
            #expect(problem["type"] as? String == "about:blank")
            #expect((problem["detail"] as? String)?.isEmpty == false)
            if let line { #expect(problem["line"] as? Int == line) }
        }
    }

    @Test func emptyArrayIsAnEmptyAnswer() async throws {
        // A readable input without units: no line, as the CLI writes none (and exits 0).
        #expect(try CLI.verifyJSON(Array("[]".utf8)).isEmpty)
        try await withLiveServer { client in
            let lines = try await client.verify(Array("[]".utf8))
            #expect(lines.status == .ok)
            #expect(lines.text.isEmpty)
            let array = try await client.verify(Array("[]".utf8), headers: [.accept: "application/json"])
            #expect(array.status == .ok)
            #expect(array.text == "[]\n")
        }
    }

    @Test func bytesNoDecoderKnowsAreAProblem() async throws {
        // The CLI writes no report for them either: it exits 2 naming the input.
        let input = Array("hello, this is not meter data".utf8)
        #expect(try CLI.verifyJSON(input).isEmpty)
        try await withLiveServer { client in
            let response = try await client.verify(input)
            #expect(response.status == .badRequest)
            #expect(response.object?["line"] as? Int == 1)
        }
    }

    @Test(arguments: [
        "energy_tolerance=-1", "energy_tolerance=1e3", "time_tolerance=x", "lang=fr", "meter_timezone=Mars/Base",
        "unknown=1", "lang=en&lang=de",
    ])
    func badQueryOptionIsAProblem(_ query: String) async throws {
        let input = try ServicePaths.bytes("Examples/cdr-ocmf.json")
        try await withLiveServer { client in
            let response = try await client.verify(input, query: query)
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func bodyOverTheLimitIs413() async throws {
        let configuration = testConfiguration { $0.maximumBodySize = 2000 }
        let input = try ServicePaths.bytes("Examples/cdr-ocmf.json")
        let small = try ServicePaths.bytes("Vectors/generated-ocmf/cdrs/input-bare-signeddata.json")
        #expect(input.count > 2000 && small.count <= 2000)
        try await withLiveServer(configuration) { client in
            let response = try await client.verify(input)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
            // A body under the limit is still answered.
            let answer = try await client.verify(small)
            #expect(answer.status == .ok)
        }
    }

    @Test func unknownRouteIs404() async throws {
        try await withLiveServer { client in
            let response = try await client.execute(uri: "/v2/verify", method: .post, body: ByteBuffer(string: "{}"))
            #expect(response.status == .notFound)
        }
    }

    @Test func hostileBodiesNeverCrash() async throws {
        let bodies: [[UInt8]] = [
            Array(repeating: UInt8(ascii: "["), count: 100_000),
            Array(repeating: UInt8(ascii: "{"), count: 100_000),
            [0xFF, 0xFE, 0x00, 0x01],
            Array("OCMF|{\"FV\":\"1.0\"}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"zz\"}".utf8),
            Array("<?xml version=\"1.0\"?><values><value>".utf8),
        ]
        try await withLiveServer { client in
            for body in bodies {
                let response = try await client.verify(body)
                #expect(response.status == .ok || response.status == .badRequest)
            }
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
        }
    }
}
