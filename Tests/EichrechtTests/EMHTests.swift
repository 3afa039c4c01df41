import Foundation
import Testing

@testable import Eichrecht

/// EMH values in chargeIT JSON (variant D, "EMHCrypt01"). The public samples are AGPL and stay in the
/// shared corpus; the bundled tests use the self-generated container.
@Suite("EMH chargeIT")
struct EMHTests {
    /// The signed_data of the generated `emh-verified` CDR: a chargeIT container with two values.
    static func generatedContainer() throws -> [UInt8] {
        let cdr = try JSONParser.parse(
            try Paths.bytes(EDL40Fixtures.generated.appendingPathComponent("cdrs/emh-verified.json")))
        let text = try #require(cdr["signed_data"]?["signed_values"]?.arrayValue?.first?["signed_data"]?.stringValue)
        return Array(text.utf8)
    }

    @Test("a container with two values: begin and end by order, contract id as ASCII, both verify")
    func container() throws {
        let bytes = try EMHTests.generatedContainer()
        #expect(EMHChargeITDecoder.recognises(bytes[...]))
        #expect(FormatRegistry.decoder(recognising: bytes[...])?.format == .emhChargeIT)
        let records = try EMHChargeITDecoder.decode(bytes)
        #expect(records.map(\.0.readingType) == [.begin, .end])
        let first = try #require(records.first?.0)
        #expect(first.block.contractID == Array("235DD5BB".utf8))
        #expect(first.block.pagination == 0x19)
        #expect(first.block.logbook == [0x00, 0x04])
        #expect(first.block.status == 0x88)
        #expect(try records.allSatisfy { try EDL40Fixtures.verifiesWithEmbeddedKey($0) })
    }

    @Test("split: one container per value, each a lone (unspecified) reading")
    func split() throws {
        let bytes = try EMHTests.generatedContainer()
        let pieces = try #require(EMHChargeITDecoder.splitValues(bytes))
        #expect(pieces.count == 2)
        for piece in pieces {
            let records = try EMHChargeITDecoder.decode(piece)
            #expect(records.count == 1)
            #expect(records.first?.0.readingType == .unspecified)
            #expect(try EDL40Fixtures.verifiesWithEmbeddedKey(try #require(records.first)))
        }
    }

    @Test("BSM-WS36A containers (with @context) are not EMH")
    func notBSM() {
        let bsm = Array(
            #"{"signedMeterValues":[{"@context":"https://www.chargeit-mobility.com/contexts/bsm-ws36a-json-v1","measurementId":1,"timestampLocal":1}]}"#
                .utf8)
        #expect(!EMHChargeITDecoder.recognises(bsm[...]))
    }

    @Test("malformed values are format errors: short meter id, missing signature, value not an integer")
    func malformed() throws {
        let text = String(decoding: try EMHTests.generatedContainer(), as: UTF8.self)
        let json = try JSONParser.parse(text)
        let meterID = try #require(json["signedMeterValues"]?.arrayValue?.first?["meterInfo"]?["meterId"]?.stringValue)
        let cases = [
            text.replacingOccurrences(of: meterID, with: String(meterID.dropLast(2))),
            text.replacingOccurrences(of: "\"signature\"", with: "\"signatureX\""),
            text.replacingOccurrences(of: "\"value\": \"", with: "\"value\": \"x"),
            String(text.dropLast(3)),
        ]
        for (index, bad) in cases.enumerated() {
            #expect(throws: FormatError.self, "case \(index)") { _ = try EMHChargeITDecoder.decode(Array(bad.utf8)) }
        }
    }

    @Test("the chargeIT samples of the shared corpus verify (4 values)", .enabled(if: Paths.sharedExists))
    func sharedSamples() throws {
        for name in ["chargeit-testdata-02.json", "chargeit-testdatensatz-01.json"] {
            let bytes = try Paths.bytes(Paths.shared.appendingPathComponent("emh-chargeit/\(name)"))
            let records = try EMHChargeITDecoder.decode(bytes)
            #expect(records.count == 2)
            #expect(try records.allSatisfy { try EDL40Fixtures.verifiesWithEmbeddedKey($0) }, "\(name)")
        }
    }
}
