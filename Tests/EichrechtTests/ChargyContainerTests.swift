import Foundation
import Testing

@testable import Eichrecht

/// chargeIT `.chargy` containers with EMH readings (EMHCrypt01): the container's order gives begin
/// (first) and end (last), also when a raw file is cut into one signed value per reading.
@Suite("chargeIT containers with EMH readings")
struct ChargyContainerTests {
    static let chargy = Paths.shared.appendingPathComponent(
        "chargy/desktop-docs/chargeIT/chargeIT-Testdatensatz-01.chargy")
    static let samples = ["emh-chargeit/chargeit-testdatensatz-01.json", "emh-chargeit/chargeit-testdata-02.json"]

    static func verify(_ bytes: [UInt8]) throws -> Report {
        try #require(try Verifier().verify(document: bytes).first)
    }

    /// The container with its `signedMeterValues` rewritten by `change`.
    static func rewritten(_ bytes: [UInt8], _ change: ([JSONValue]) -> [JSONValue]) throws -> [UInt8] {
        guard case .object(var members) = try JSONParser.parse(bytes),
            let index = members.firstIndex(where: { $0.key == "signedMeterValues" }),
            case .array(let items) = members[index].value
        else { throw FormatError(.emhChargeIT, .missingField("signedMeterValues")) }
        members[index].value = .array(change(items))
        return JSONValue.object(members).compactText
    }

    @Test(
        "Chargy's sample verifies: two valid EMH signatures, begin and end from the order",
        .enabled(if: Paths.sharedExists))
    func chargySample() throws {
        let report = try Self.verify(Paths.bytes(Self.chargy))
        #expect(report.verdict == .verified, "\(report.reason)")
        #expect(report.values.map(\.nature) == ["Start", "End"])
        #expect(report.values.map(\.signature) == [.valid, .valid])
        #expect(report.checks.first { $0.code == .pairing }?.status == .pass)
    }

    @Test(
        "Chargy core's fixture gives Chargy's expected readings (chargeIT-Testdata-02.expected.txt)",
        .enabled(if: Paths.sharedExists))
    func chargyCoreFixture() throws {
        let file = Paths.shared.appendingPathComponent("chargy/core/chargeIT/chargeIT-Testdata-02.chargy")
        let report = try Self.verify(Paths.bytes(file))
        #expect(report.verdict == .verified, "\(report.reason)")
        // Expected: ValidSignature ×2, values 110281 and 116765 (scaler −1: Wh × 10).
        #expect(report.values.map(\.signature) == [.valid, .valid])
        let values = report.values.flatMap(\.readings).compactMap(\.value)
        #expect(values == ["11028.1", "11676.5"], "\(values)")
    }

    @Test("the conformance list's expectation for the samples holds", .enabled(if: Paths.sharedExists))
    func conformance() throws {
        let units = ConformanceUnit.load(Paths.shared, format: "EMH_CHARGEIT")
        for sample in Self.samples {
            let unit = try #require(units.first { $0.input == sample }, "\(sample) is listed")
            let report = try Self.verify(Paths.bytes(Paths.shared.appendingPathComponent(sample)))
            #expect(report.values.map(\.signature.rawValue) == unit.signatures, "\(sample)")
            #expect(unit.outcome == "all_valid")
            #expect(report.verdict == .verified, "\(sample): \(report.reason)")
        }
    }

    @Test("the raw split carries the container's order as nature", .enabled(if: Paths.sharedExists))
    func splitNatures() throws {
        let bytes = try Paths.bytes(Paths.shared.appendingPathComponent(Self.samples[0]))
        let data = try VerificationUnit.rawRecords(bytes)
        #expect(data.signedValues.map(\.nature) == ["Start", "End"])
    }

    @Test("negative twins: reversed order, a changed value, a lone reading", .enabled(if: Paths.sharedExists))
    func negativeTwins() throws {
        let bytes = try Paths.bytes(Paths.shared.appendingPathComponent(Self.samples[0]))
        // The end first: the readings go backwards.
        let reversed = try Self.verify(try Self.rewritten(bytes) { $0.reversed() })
        #expect(reversed.verdict == .invalid, "\(reversed.reason)")
        #expect(reversed.checks.first { $0.code == .consistency }?.status == .fail)
        // The end reading's value changed: its signature fails.
        let text = String(decoding: bytes, as: UTF8.self)
        let end = try #require(try JSONParser.parse(bytes)["signedMeterValues"]?.arrayValue?.last)
        let value = try #require(end["measuredValue"]?["value"]?.looseText)
        let tampered = try Self.rewritten(Array(text.utf8)) { items in
            items.enumerated().map { index, item in
                guard index == items.count - 1, case .object(var members) = item,
                    let at = members.firstIndex(where: { $0.key == "measuredValue" }),
                    case .object(var measured) = members[at].value,
                    let v = measured.firstIndex(where: { $0.key == "value" })
                else { return item }
                measured[v].value = .string(String((Int(value) ?? 0) + 1))
                members[at].value = .object(measured)
                return .object(members)
            }
        }
        let changed = try Self.verify(tampered)
        #expect(changed.verdict == .invalid)
        #expect(changed.values.last?.signature == .invalid)
        // One reading alone says neither begin nor end.
        let lone = try Self.verify(try Self.rewritten(bytes) { Array($0.prefix(1)) })
        #expect(lone.verdict == .unverifiable)
    }
}
