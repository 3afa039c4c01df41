import Foundation
import Testing

@testable import Eichrecht

/// Hostile input that needs real signatures (`Scripts/generate_hostile_vectors.py`): an OCMF payload
/// that is not UTF-8, an EDL40 block with non-zero reserved bytes. `GeneratedVectorTests` runs their
/// manifest; these tests look at what the decoders make of them.
@Suite("Hostile-input vectors")
struct HostileInputVectorTests {
    static let root = GeneratedFolder.hostile.url

    @Test("a non-UTF-8 OCMF record verifies over the bytes received, also as a base64 OCPI value")
    func latin1() throws {
        let bytes = try Paths.bytes(Self.root.appendingPathComponent("raw/ocmf-latin1.ocmf"))
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let (_, signed) = try OCMFDecoder.decode(bytes[...])
        #expect(signed.signedBytes.contains(0xDF))
        #expect(signed.deviations.contains { $0.description.contains("not valid UTF-8") })
        let key = String(
            decoding: try Paths.bytes(Self.root.appendingPathComponent("keys/ocmf-p256.pub.hex")), as: UTF8.self)
        let report = Verifier().verify(
            signedData: SignedData(
                publicKey: key.trimmingCharacters(in: .whitespacesAndNewlines),
                signedValues: [SignedValue(nature: "End", signedData: Base64.encode(bytes))]))
        #expect(report.values.first?.signature == .valid)
        // Exported as S.A.F.E. XML the record keeps its bytes (as hex) and still verifies.
        let signedData = try VerificationUnit.rawRecords(bytes)
        let xml = SAFEXMLWriter(fallbackKey: KeyInput(text: key.trimmingCharacters(in: .whitespacesAndNewlines)))
            .document([.verified(signedData, label: "latin-1", unit: .rawRecord)])
        let exported = try #require(try Verifier().verify(document: xml).first)
        #expect(exported.values.first?.signature == .valid)
    }

    @Test("a prebuilt EDL40 block keeps its reserved bytes: the signed bytes are the bytes received")
    func reservedBytes() throws {
        let xml = try Paths.bytes(Self.root.appendingPathComponent("safe/edl40-reserved-bytes.xml"))
        let (record, signed) = try EDL40SignatureOnlyDecoder.decode(xml, context: DecodingContext.berlin)
        #expect(signed.signedBytes[197...].contains { $0 != 0 })
        #expect(record.block.bytes == signed.signedBytes)
        #expect(signed.deviations.contains { $0.description.contains("reserved block byte") })
        // A corpus block with one reserved byte changed: the old rebuild zeroed it and verified.
        let corpus = String(
            decoding: try EDL40Fixtures.corpusBytes("edl40-payload/oicp-cdr-emh-start.xml"), as: UTF8.self)
        let (original, _) = try EDL40SignatureOnlyDecoder.decode(Array(corpus.utf8), context: DecodingContext.berlin)
        var block = original.block.bytes
        block[300] = 0x01
        let altered = corpus.replacingOccurrences(
            of: Base64.encode(original.block.bytes), with: Base64.encode(block))
        let report = EDL40Fixtures.report([(altered, "Start")])
        #expect(report.check(.format)?.status == .pass)
        #expect(report.values.first?.signature == .invalid)
    }
}
