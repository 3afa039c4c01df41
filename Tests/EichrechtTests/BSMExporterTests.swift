import Foundation
import Testing

@testable import Eichrecht

/// BAUER BSM-WS36A containers as BAUER's exporter writes them (Scripts/generate_bsm_exporter_vectors.py):
/// no `value` for an empty string point, `contract` without `type`. Both verify; a wrong unsigned
/// value or contract id is still a `consistency` failure, and an omitted value where the meter
/// signed text still fails the signature.
@Suite("BSM-WS36A exporter output")
struct BSMExporterTests {
    static let root = Paths.vectors.appendingPathComponent("generated-bsm-exporter")

    static func records(_ file: String) throws -> [SignedRecord] {
        try BSMDecoder.decode(Paths.bytes(root.appendingPathComponent(file))).map { $0.signedRecord() }
    }

    @Test("an omitted string value is read as the empty string, with a deviation")
    func omittedValue() throws {
        let records = try Self.records("bsm/exporter-empty-string-omitted.json")
        #expect(records.count == 2)
        for record in records {
            #expect(record.deviations.contains { $0.description.contains("Meta3 has no value") })
            #expect(record.contradictions.isEmpty)
            guard case .bsmWS36A(let snapshot)? = record.details else {
                Issue.record("no BSM details")
                continue
            }
            #expect(snapshot.point("Meta3")?.text == "")
            #expect(snapshot.point("Meta3")?.valueOmitted == true)
        }
    }

    @Test("a contract without type is compared with the signed contract-id directly")
    func contractWithoutType() throws {
        for file in ["bsm/exporter-contract-without-type.json", "bsm/exporter-contract-id-with-type-prefix.json"] {
            let records = try Self.records(file)
            #expect(records.allSatisfy { $0.contradictions.isEmpty }, "\(file)")
            #expect(
                records.allSatisfy { $0.deviations.contains { $0.description.contains("contract has no type") } },
                "\(file)")
        }
        let wrong = try Self.records("bsm/exporter-contract-without-type-wrong-id.json")
        #expect(wrong.last?.contradictions.contains { $0.text.contains("deadbeef") } == true)
        let value = try Self.records("bsm/exporter-both-wrong-value.json")
        #expect(value.last?.contradictions.contains { $0.text.contains("99999") } == true)
    }

    @Test("a string point whose value is present but not text is still malformed")
    func nonTextValue() {
        let text =
            #"{"@context":"bsm-ws36a","additionalValues":[{"measurand":{"name":"Meta3"},"measuredValue":{"valueType":"String","value":5}}]}"#
        #expect(throws: FormatError.self) { _ = try BSMDecoder.decode(Array(text.utf8)) }
    }
}
