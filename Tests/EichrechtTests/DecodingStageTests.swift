import Foundation
import Testing

@testable import Eichrecht

/// Records every call of a format decoder's `records` (the decoding itself) and the bytes it got.
final class DecodeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var inputs: [[UInt8]] = []

    func note(_ bytes: [UInt8]) { lock.withLock { inputs.append(bytes) } }
    var calls: [[UInt8]] { lock.withLock { inputs } }
}

/// A registry decoder that counts its decodings and otherwise is the decoder it wraps.
struct CountingDecoder: MeterFormatDecoder {
    let inner: any MeterFormatDecoder
    let log: DecodeLog

    var format: MeterFormat { inner.format }
    var encodingMethods: [String] { inner.encodingMethods }
    var safeFormatName: String { inner.safeFormatName }
    var ocpiEncodingMethod: String? { inner.ocpiEncodingMethod }
    var exportedKeyShape: ExportedKeyShape { inner.exportedKeyShape }
    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { inner.recognises(bytes) }
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] { inner.splitSignedValues(bytes) }
    func naturesByOrder(ofPieces count: Int) -> [String]? { inner.naturesByOrder(ofPieces: count) }
    func reassembled(plainData: String, signedData: String) -> [UInt8]? {
        inner.reassembled(plainData: plainData, signedData: signedData)
    }
    func signsNature(recordCount: Int) -> Bool { inner.signsNature(recordCount: recordCount) }
    func alternativeSignedBytes(_ record: SignedRecord) -> [AlternativeSignedBytes] {
        inner.alternativeSignedBytes(record)
    }
    func exportPieces(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] { inner.exportPieces(bytes) }

    func records(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        log.note(bytes)
        return try inner.records(bytes, context: context)
    }
}

@Suite("The decoding stage decodes each signed value once")
struct DecodingStageTests {
    /// A verifier whose every decoder counts into `log`.
    static func countingVerifier(_ log: DecodeLog) -> Verifier {
        var verifier = Verifier()
        verifier.formatDecoders = FormatRegistry.decoders.map { CountingDecoder(inner: $0, log: log) }
        return verifier
    }

    static func units(_ url: URL) throws -> [VerificationUnit] {
        let reader = InputReader(source: BufferSource(try Paths.bytes(url)))
        var units: [VerificationUnit] = []
        while let unit = try reader.next() { units.append(unit) }
        return units
    }

    @Test("a CDR, a S.A.F.E. document and a raw file: one decoding per signed value, the export adds none")
    func exactlyOnce() throws {
        let inputs = [
            SAFEXMLTests.generated.appendingPathComponent("cdrs/ocmf-cdr.json"),
            SAFEXMLTests.generated.appendingPathComponent("safe/safe-ocmf-pair.xml"),
            Paths.corpus.appendingPathComponent("edl40-sml/safe-edl-40-01.sml.hex"),
        ]
        for input in inputs {
            for unit in try Self.units(input) {
                let log = DecodeLog()
                let verified = Self.countingVerifier(log).verifyKeepingDecodedValues(unit)
                let values = verified.signedData?.signedValues.count ?? 0
                #expect(values > 0, "\(input.lastPathComponent)")
                #expect(log.calls.count == values, "\(input.lastPathComponent): \(log.calls.count) decodings")
                // The same verdict as the registry's own decoders give.
                #expect(verified.report.verdict == Verifier().verify(unit).verdict)
                // Exporting reads the decoded values: no further decoding.
                let unitToWrite = try #require(SAFEXMLWriter.Unit(verified: verified))
                _ = SAFEXMLWriter().document([unitToWrite])
                #expect(log.calls.count == values, "\(input.lastPathComponent) after export")
            }
        }
    }

    @Test("a raw SML telegram given as hex reaches its decoder as the telegram's bytes, no String between")
    func binaryRawRecord() throws {
        let telegram = try EDL40Fixtures.telegram("safe-edl-40-01")
        let text = try EDL40Fixtures.corpusBytes("edl40-sml/safe-edl-40-01.sml.hex")
        let signedData = try VerificationUnit.rawRecords(text)
        let value = try #require(signedData.signedValues.first)
        #expect(value.signedBytes == telegram)
        #expect(value.signedBytesTransport == .hex)
        let log = DecodeLog()
        let verified = Self.countingVerifier(log).verifyKeepingDecodedValues(signedData: signedData, unit: .rawRecord)
        #expect(log.calls == [telegram])
        #expect(verified.values.first?.transport == .hex)
        #expect(verified.values.first?.format == .edl40SML)
    }

    @Test("a value without a nature takes the one its readings stand for, only where the input has no nature field")
    func natureInference() throws {
        let pair = try SAFEValuesReader.values(
            Paths.bytes(SAFEXMLTests.generated.appendingPathComponent("safe/safe-ocmf-pair.xml")))
        let signedData = SignedData(
            encodingMethod: nil, publicKey: nil,
            signedValues: pair.map { SignedValue(nature: nil, signedData: $0.data) })
        let inferred = Verifier().verifyKeepingDecodedValues(signedData: signedData, unit: .safeTransaction)
        #expect(Set(inferred.values.map(\.nature)) == [.start, .end])
        let asSent = Verifier().verifyKeepingDecodedValues(signedData: signedData, unit: .signedData)
        #expect(asSent.values.allSatisfy { $0.nature == .other && $0.natureText == nil })
    }
}
