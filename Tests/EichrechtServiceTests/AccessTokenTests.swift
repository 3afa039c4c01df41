import Eichrecht
import EichrechtService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `--tokens`: `/v1` needs `Authorization: Token <t>` or `Bearer <t>`; `/health` and `/metrics`
/// stay open; no tokens means no check.
@Suite("eichrecht-server: access tokens")
struct AccessTokenTests {
    static let tokens = AccessTokens(file: Array("# eMSP A\nalpha-token-1\n\n  beta-token-2  \n".utf8))

    @Test func tokensFromAFile() {
        #expect(Self.tokens.count == 2)
        #expect(Self.tokens.accepts(Array("alpha-token-1".utf8)))
        #expect(Self.tokens.accepts(Array("beta-token-2".utf8)))
        #expect(!Self.tokens.accepts(Array("beta-token".utf8)))
        #expect(!Self.tokens.accepts(Array("beta-token-22".utf8)))
        #expect(!Self.tokens.accepts([]))
        #expect(!"\(Self.tokens)".contains("alpha"), "a token never shows in a description")
    }

    @Test(
        arguments: [
            (nil, HTTPResponse.Status.unauthorized),
            ("Token wrong", .unauthorized),
            ("Token alpha-token-", .unauthorized),
            ("Basic YWxwaGEtdG9rZW4tMQ==", .unauthorized),
            ("Token", .unauthorized),
            ("Token alpha-token-1", .ok),
            ("token alpha-token-1", .ok),
            ("Bearer beta-token-2", .ok),
        ] as [(String?, HTTPResponse.Status)])
    func verifyNeedsAToken(_ authorization: String?, expected: HTTPResponse.Status) async throws {
        let configuration = testConfiguration { $0.tokens = Self.tokens }
        let input = try ServicePaths.bytes("Examples/cdr-ocmf.json")
        try await withLiveServer(configuration) { client in
            var headers: HTTPFields = [:]
            if let authorization { headers[.authorization] = authorization }
            let response = try await client.verify(input, headers: headers)
            #expect(response.status == expected)
            if expected == .unauthorized {
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.wwwAuthenticate]?.contains("Token") == true)
                #expect(!response.text.contains("alpha-token"))
            } else {
                #expect(response.verdicts.first?.verdict == "verified")
            }
        }
    }

    @Test func healthAndMetricsNeedNoToken() async throws {
        let configuration = testConfiguration { $0.tokens = Self.tokens }
        try await withLiveServer(configuration) { client in
            let health = try await client.execute(uri: "/health", method: .get)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(health.status == .ok)
            #expect(metrics.status == .ok)
        }
    }

    @Test func withoutTokensEveryoneIsLetIn() async throws {
        let input = try ServicePaths.bytes("Examples/cdr-ocmf.json")
        try await withLiveServer { client in
            let response = try await client.verify(input, headers: [.authorization: "Token anything"])
            #expect(response.status == .ok)
            let anonymous = try await client.verify(input)
            #expect(anonymous.status == .ok)
        }
    }
}
