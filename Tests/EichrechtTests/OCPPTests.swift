import Foundation
import Testing

@testable import Eichrecht

/// OCPP signed meter values: the 2.0.1 / 2.1 `SignedMeterValueType`, 1.6 `SignedData` sampled
/// values (both spellings, the `oca:` key envelope), messages, CALL frames and streamed arrays.
@Suite("OCPP signed meter values")
struct OCPPTests {
    static let generated = Paths.vectors.appendingPathComponent("generated-ocpp-safe-pcdf-bsm")

    /// A valid OCMF record pair and its key, taken from the generated OCPP vector.
    static func records() throws -> (begin: String, end: String, key: String) {
        let bytes = try Paths.bytes(generated.appendingPathComponent("ocpp/ocpp201-transaction-event.json"))
        let json = try JSONParser.parse(bytes)
        let samples = (json["meterValue"]?.arrayValue ?? []).compactMap { $0["sampledValue"]?.arrayValue?.first }
        let data = samples.compactMap { $0["signedMeterValue"]?["signedMeterData"]?.stringValue }
        let key = samples.first?["signedMeterValue"]?["publicKey"]?.stringValue
        guard data.count == 2, let key,
            let begin = Base64.decode(data[0]).flatMap({ String(validating: $0, as: UTF8.self) }),
            let end = Base64.decode(data[1]).flatMap({ String(validating: $0, as: UTF8.self) })
        else { throw InputError(.empty) }
        return (begin, end, key)
    }

    static func reports(_ text: String) throws -> [Report] {
        try Verifier().verify(document: Array(text.utf8))
    }

    static func quoted(_ text: String) -> String {
        String(decoding: JSONValue.string(text).compactText, as: UTF8.self)
    }

    @Test("a bare SignedMeterValueType is one unit")
    func bareSignedMeterValue() throws {
        let (begin, _, key) = try Self.records()
        let text =
            #"{"signedMeterData":\#(Self.quoted(begin)),"signingMethod":"","encodingMethod":"OCMF","publicKey":"\#(key)"}"#
        let report = try #require(try Self.reports(text).first)
        #expect(report.values.map(\.signature) == [.valid])
        #expect(report.values.first?.nature == "Start")  // from the record's TX=B
        #expect(report.verdict == .unverifiable)  // a begin without an end
    }

    @Test("1.6 sampled values: JSON in value, both spellings, contexts become natures")
    func ocpp16() throws {
        let (begin, end, key) = try Self.records()
        func sample(_ record: String, _ context: String, _ field: String) -> String {
            let inner = #"{"\#(field)":\#(Self.quoted(record)),"encodingMethod":"OCMF","publicKey":"\#(key)"}"#
            return #"{"value":\#(Self.quoted(inner)),"context":"\#(context)","format":"SignedData"}"#
        }
        let text =
            "[\(sample(begin, "Transaction.Begin", "signedMeterData")),\(sample(end, "Transaction.End", "signedMeterValue"))]"
        let reports = try Self.reports(text)
        #expect(reports.count == 1)
        let report = try #require(reports.first)
        #expect(report.verdict == .verified, "\(report.reason)")
        #expect(report.values.map(\.nature) == ["Start", "End"])
    }

    @Test("a streamed array of sampled values stays one transaction; other elements stay separate")
    func streamedRun() throws {
        let (begin, end, key) = try Self.records()
        func sample(_ record: String, _ context: String) -> String {
            #"{"context":"\#(context)","signedMeterValue":{"signedMeterData":\#(Self.quoted(record)),"publicKey":"\#(key)","encodingMethod":"OCMF","signingMethod":""}}"#
        }
        let signedData =
            #"{"signed_values":[{"nature":"End","signed_data":\#(Self.quoted(end))}],"public_key":"\#(key)"}"#
        let text = "[\(sample(begin, "Transaction.Begin")),\n\(sample(end, "Transaction.End")),\n\(signedData)]"
        let reader = InputReader(source: BufferSource(Array(text.utf8)))
        var units: [VerificationUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        #expect(units.count == 2)
        guard case .signedData(let first)? = units.first?.content else {
            Issue.record("not a SignedData")
            return
        }
        #expect(first.signedValues.count == 2)
    }

    @Test("reading contexts: Begin, End, periodic samples; others come from the record")
    func contexts() {
        #expect(OCPPSignedMeterValues.nature("Transaction.Begin") == "Start")
        #expect(OCPPSignedMeterValues.nature("Transaction.End") == "End")
        #expect(OCPPSignedMeterValues.nature("Sample.Periodic") == "Intermediate")
        #expect(OCPPSignedMeterValues.nature("Trigger") == nil)
        #expect(OCPPSignedMeterValues.nature(nil) == nil)
    }

    @Test("an OCPP message without signed values is unreadable input, not an empty result")
    func unsignedMessage() {
        let text = #"{"evseId":1,"meterValue":[{"timestamp":"2026-03-01T09:00:00Z","sampledValue":[{"value":12.5}]}]}"#
        #expect(throws: InputError.self) { try Self.reports(text) }
    }

    @Test("values whose keys differ stay one transaction, which fails public_key")
    func differingKeys() throws {
        let (begin, end, key) = try Self.records()
        let other = String(
            decoding: try Paths.bytes(Self.generated.appendingPathComponent("keys/p256-other.pub.hex")), as: UTF8.self
        )
        let text =
            #"[{"signedMeterData":\#(Self.quoted(begin)),"publicKey":"\#(key)"},{"signedMeterData":\#(Self.quoted(end)),"publicKey":"\#(other)"}]"#
        let reports = try Self.reports(text)
        #expect(reports.map(\.verdict) == [.invalid])
        #expect(reports.first?.check(.publicKey)?.status == .fail)
    }

    @Test(
        "not OCPP",
        arguments: [#"{"a":1}"#, #"[1,2,3]"#, #"[2,"id","Heartbeat",{}]"#, #"{"meterValue":"x"}"#])
    func notOCPP(_ text: String) throws {
        let json = try JSONParser.parse(text)
        if let entries = try OCPPSignedMeterValues.entries(json) { #expect(entries.isEmpty) }
    }
}
