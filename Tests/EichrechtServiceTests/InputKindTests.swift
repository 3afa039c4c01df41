import Eichrecht
import EichrechtService
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every input kind `eichrecht verify` reads, posted to the live server: the answer is byte for
/// byte the CLI's `--format json` output for the same input (units without an id named `body#N`
/// instead of `stdin#N`).
@Suite("eichrecht-server: input kinds and equality with the CLI")
struct InputKindTests {
    /// One file of each kind, from `Examples/` and `Vectors/`.
    static let inputs = [
        "Examples/cdr-ocmf.json",  // a CDR
        "Examples/cdr-tampered.json",  // bad signed data: a report, not an error
        "Examples/cdr-energy-mismatch.json",
        "Vectors/generated-ocmf/cdrs/input-array-mixed-verdicts.json",  // an array
        "Vectors/generated-ocmf/cdrs/input-envelope.json",  // an OCPI response envelope
        "Vectors/generated-ocmf/cdrs/input-ndjson.ndjson",  // NDJSON
        "Vectors/generated-alfen/cdrs/alfen-batch.ndjson",
        "Vectors/generated-ocmf/cdrs/input-bare-signeddata.json",  // a bare SignedData
        "Vectors/generated-ocpp-safe-pcdf-bsm/safe/safe-crlf-whitespace.xml",  // S.A.F.E. XML
        "Vectors/corpus/edl40-payload/safe-emh-emoc-p256-begin.xml",
        "Vectors/generated-ocpp-safe-pcdf-bsm/ocpp/ocpp201-transaction-event.json",  // OCPP
        "Vectors/generated-ocpp-safe-pcdf-bsm/ocpp/ocpp16-sampled-values.json",
        "Vectors/corpus/alfen/evbox-simulator-start.txt",  // raw records
        "Vectors/generated-ocpp-safe-pcdf-bsm/pcdf/valid.pcdf",
        "Vectors/generated-ocpp-safe-pcdf-bsm/bsm/bsm-good.json",
    ]

    @Test(arguments: inputs) func sameLinesAsTheCLI(_ path: String) async throws {
        let input = try ServicePaths.bytes(path)
        let expected = try CLI.asService(CLI.verifyJSON(input))
        #expect(!expected.isEmpty, "the CLI wrote a report for \(path)")
        try await withLiveServer { client in
            let response = try await client.verify(input)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/x-ndjson")
            #expect(response.text == expected)
        }
    }

    @Test func optionsAsTheCLIFlags() async throws {
        let input = try ServicePaths.bytes("Examples/cdr-energy-mismatch.json")
        let expected = try CLI.asService(
            CLI.verifyJSON(
                input,
                arguments: [
                    "--lang", "de", "--energy-tolerance", "0.6", "--time-tolerance", "30", "--meter-timezone", "UTC",
                ]))
        try await withLiveServer { client in
            let response = try await client.verify(
                input, query: "lang=de&energy_tolerance=0.6&time_tolerance=30&meter_timezone=UTC")
            #expect(response.status == .ok)
            #expect(response.text == expected)
            #expect(response.text.contains("kWh"))
        }
    }

    @Test func trustedKeyAsTheCLI() async throws {
        let keyFile = ServicePaths.file("Vectors/generated-ocpp-safe-pcdf-bsm/keys/trusted-main.csv").path
        let input = try ServicePaths.bytes("Vectors/generated-ocpp-safe-pcdf-bsm/cdrs/ocmf-cdr.json")
        let expected = try CLI.asService(CLI.verifyJSON(input, arguments: ["--keys", keyFile]))
        var configuration = testConfiguration()
        configuration.verification.trustedKeys = try TrustedKeyArguments.trustedKeys(key: nil, keys: keyFile)
        try await withLiveServer(configuration) { client in
            let response = try await client.verify(input)
            #expect(response.text == expected)
        }
    }

    @Test func jsonArrayOnRequest() async throws {
        let input = try ServicePaths.bytes("Vectors/generated-ocmf/cdrs/input-array-mixed-verdicts.json")
        try await withLiveServer { client in
            let lines = try await client.verify(input).lines
            let response = try await client.verify(input, headers: [.accept: "application/json"])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let array = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [Any])
            #expect(array.count == lines.count)
            // The members are the NDJSON lines, byte for byte.
            #expect(response.text == "[" + lines.joined(separator: ",\n") + "]\n")
        }
    }

    @Test func unreadableRecordInsideAStreamIsALine() async throws {
        let good = try ServicePaths.bytes("Vectors/generated-ocmf/cdrs/input-ndjson.ndjson")
        let input = good + Array("{\"id\": oops}\n".utf8) + good
        let expected = try CLI.asService(CLI.verifyJSON(input))
        try await withLiveServer { client in
            let response = try await client.verify(input)
            #expect(response.status == .ok)
            #expect(response.text == expected)
            #expect(response.verdicts.contains { $0.verdict == nil && $0.id.hasPrefix("body#") })
        }
    }
}
