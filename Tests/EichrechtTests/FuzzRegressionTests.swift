import Foundation
import Testing

@testable import Eichrecht

/// Inputs the fuzz harnesses (`Scripts/fuzz.sh`) found crashing, replayed the way the harness feeds
/// them, and the sealing the SML harness relies on.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// Found by the SML harness (`Fuzz/FuzzSML.swift`) on the code before this change, after about
    /// 4,900 runs: the message bytes of an EDL40 telegram whose signed value's time is a local
    /// timestamp with offsets near 2^62 minutes. `EDL40Time.sml` multiplied the offset by 60 and
    /// trapped (overflow); now the offsets are range-checked first and the clock counts as not set.
    static let smlTimeOffsetOverflow =
        "760238620062007265000001017601023002330b0901455359110395694072620165000002dc0163a26b007602396200620072650000"
        + "070177010b09014553591103956940070100011100ff72620165000002dc7477070100011100ff65000000007262037365000003"
        + "09537472696e67530000530000621e52ff590000000000000ccb0177078100600800010101010172620172620165000002d90177"
        + "078180817101ff0101010165000000210177078182815401ff017262037365000005ec53000053000001010936323438243838"
        + "370183043d22c9b6d13064323cdd8d467da49c8293767fa8fb0e2a01875af27b59d9c13b986d52f8b8d59f49086cc9a7c15742"
        + "49060001631df7007603313062006200726500000201710163194200"

    /// Runs one input as `Fuzz/FuzzSML.swift` does (decoders in two zones, then the whole document
    /// with every writer, as binary and as hex); reaching the end is the test.
    static func replaySML(_ payload: [UInt8]) {
        let telegram = SMLSealing.sealed(payload)
        for zone in ["Europe/Berlin", "UTC"] {
            let context = DecodingContext(meterTimeZone: TimeZone(identifier: zone) ?? .gmt)
            _ = try? EDL40SMLDecoder.decode(telegram, context: context)
            _ = try? ISAEDL40Decoder.decode(telegram, context: context)
        }
        for document in [telegram, Array(Hex.encode(telegram).utf8)] {
            for report in (try? Verifier().verify(document: document)) ?? [] {
                for language in Language.allCases {
                    _ = ReportJSONWriter(language: language).encode(report)
                    _ = TextRenderer(language: language).render(report)
                }
            }
        }
    }

    @Test("SML: a local timestamp whose offsets overflow when multiplied by 60")
    func smlTimeOffset() throws {
        let payload = try #require(Hex.decode(Self.smlTimeOffsetOverflow))
        Self.replaySML(payload)
        let (record, _) = try EDL40SMLDecoder.decode(SMLSealing.sealed(payload), context: DecodingContext.berlin)
        #expect(record.time?.clock == .unknown)
    }

    @Test("sealing a corpus telegram's messages gives a telegram that decodes to the same block")
    func sealingRoundTrip() throws {
        for name in ["safe-edl-40-01", "safe-emh-emoc-p256-begin"] {
            let original = try EDL40Fixtures.telegram(name)
            let payload = try SMLTransport.read(original).payload
            var broken = payload
            broken[broken.count - 3] ^= 0xFF  // the last message's checksum
            let sealed = SMLSealing.sealed(broken)
            #expect(try EDL40Fixtures.edl40(sealed).1.signedBytes == EDL40Fixtures.edl40(original).1.signedBytes)
        }
    }
}
