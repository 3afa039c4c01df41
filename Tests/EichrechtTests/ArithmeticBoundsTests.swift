import Foundation
import Testing

@testable import Eichrecht

/// Arithmetic on numbers from the input never traps (the contract's "Bounded work"): every scaler
/// an i8 can hold, in every binary format, either decodes or fails `format`; exponents and time
/// offsets far outside what a meter writes do the same. `Foundation.Decimal` traps for an exponent
/// of −127 or −128 (checked by hand: `Decimal(sign: .plus, exponent: -128, significand: 9223372036854775807)`
/// kills the process), which is what these tests guard against.
@Suite("Arithmetic bounds")
struct ArithmeticBoundsTests {
    static let allScalers = Array(Int8.min...Int8.max)

    /// Whether `scaler` must decode (inside the documented range) or fail.
    static func accepted(_ scaler: Int8) -> Bool { DecimalText.scalerRange.contains(scaler) }

    // MARK: The checked constructor

    @Test("DecimalText(integer:scaler:): nil outside −9…+9, exact and finite inside, also in kWh")
    func checkedConstructor() throws {
        for scaler in Self.allScalers {
            for integer in [Int64.min, -1, 0, 1, Int64.max] {
                let value = DecimalText(integer: integer, scaler: scaler)
                #expect((value != nil) == Self.accepted(scaler), "scaler \(scaler)")
                guard let value else { continue }
                let reading = Reading(type: .end, value: value, unit: "Wh")
                let kWh = try #require(reading.energyKWh)
                let resolution = try #require(reading.resolutionKWh)
                #expect(!kWh.isNaN && !resolution.isNaN && !(kWh - resolution).isNaN)
                #expect(value.text == DecimalText(value.text)?.text)
            }
        }
        #expect(throws: FormatError.self) { _ = try DecimalText.scaled(1, scaler: -128, format: .alfen) }
    }

    @Test("DecimalText(text): digits at 10^±40 read, beyond them nil (no NaN, no trap)")
    func textExponents() throws {
        let digits38 = String(repeating: "9", count: 38)
        let tenTo37 = "1" + String(repeating: "0", count: 37)
        for (text, readable) in [
            ("1e40", true), ("1e-40", true), ("1e41", false), ("1e-41", false), ("\(digits38)e2", true),
            ("\(tenTo37)e40", true), ("\(tenTo37)e41", false), ("0.0001e-36", true), ("0.0001e-37", false),
            ("1e999", false), ("-1e-999", false),
        ] {
            let value = DecimalText(text)
            #expect((value != nil) == readable, "\(text)")
            if let value {
                let kWh = try #require(Reading(type: .end, value: value, unit: "MWh").energyKWh)
                #expect(!kWh.isNaN && !(kWh - value.resolution).isNaN, "\(text)")
            }
        }
    }

    // MARK: Every scaler in every binary format

    /// Asserts the decode outcome for one scaler: success inside the range, a `FormatError` of
    /// `format` outside it.
    static func expectOutcome(
        _ scaler: Int8, format: MeterFormat, sourceLocation: SourceLocation = #_sourceLocation,
        _ decode: () throws(FormatError) -> Void
    ) {
        do {
            try decode()
            #expect(accepted(scaler), "\(format) scaler \(scaler) decoded", sourceLocation: sourceLocation)
        } catch {
            #expect(!accepted(scaler), "\(format) scaler \(scaler): \(error)", sourceLocation: sourceLocation)
            #expect(error.format == format, sourceLocation: sourceLocation)
        }
    }

    @Test("Alfen: dataset byte 45 (scaler) −128…127")
    func alfen() throws {
        let line = String(
            decoding: try Paths.bytes(Paths.corpus.appendingPathComponent("alfen/safe-verifiertest-1.txt")),
            as: UTF8.self
        ).trimmingCharacters(in: .whitespacesAndNewlines)
        var fields = line.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        let dataset = try #require(Base32.decode(fields[4]))
        for scaler in Self.allScalers {
            var bytes = dataset
            bytes[45] = UInt8(bitPattern: scaler)
            fields[4] = AlfenFixtures.base32(bytes)
            let altered = Array(fields.joined(separator: ";").utf8)
            Self.expectOutcome(scaler, format: .alfen) { () throws(FormatError) in
                _ = try AlfenDecoder.decode(altered[...])
            }
        }
    }

    /// The telegram with the scaler of every entry that has one set to `scaler`, checksums recomputed.
    static func telegram(_ original: [UInt8], scaler: Int8) throws -> [UInt8] {
        let file = try SMLFile.read(original)
        var bytes = original
        for entry in try file.firstGetListResponse().entries where entry.scaler != nil {
            let position = entry.value.offset - 1
            #expect(bytes[position - 1] == 0x52)  // Integer8 just before the value
            bytes[position] = UInt8(bitPattern: scaler)
        }
        return EDL40Tests.resealed(bytes, like: file)
    }

    @Test("EDL40 SML telegram with recomputed checksums: every scaler; out of range fails format")
    func edl40SML() throws {
        let original = try EDL40Fixtures.telegram("safe-edl-40-01")
        for scaler in Self.allScalers {
            let bytes = try Self.telegram(original, scaler: scaler)
            Self.expectOutcome(scaler, format: .edl40SML) { () throws(FormatError) in _ = try EDL40Fixtures.edl40(bytes)
            }
        }
        let report = EDL40Fixtures.report([(Hex.encode(try Self.telegram(original, scaler: -128)), "End")])
        #expect(report.check(.format)?.status == .fail)
        #expect(report.verdict == .invalid)
    }

    @Test("ISA EDL40P telegram with recomputed checksums: every scaler of both registers")
    func isa() throws {
        let original = try EDL40Fixtures.isaTelegram("isa-edl-40p-ok")
        for scaler in Self.allScalers {
            let bytes = try Self.telegram(original, scaler: scaler)
            Self.expectOutcome(scaler, format: .isaEDL40) { () throws(FormatError) in
                _ = try ISAEDL40Decoder.decode(bytes, context: DecodingContext.berlin)
            }
        }
        let report = EDL40Fixtures.report([(Hex.encode(try Self.telegram(original, scaler: 127)), "End")])
        #expect(report.check(.format)?.status == .fail)
        #expect(report.verdict == .invalid)
    }

    @Test("EDL40 prebuilt block (signature-only XML): byte 30 −128…127")
    func signatureOnly() throws {
        let xml = String(
            decoding: try EDL40Fixtures.corpusBytes("edl40-payload/oicp-cdr-emh-start.xml"), as: UTF8.self)
        let (record, _) = try EDL40SignatureOnlyDecoder.decode(Array(xml.utf8), context: DecodingContext.berlin)
        let encoded = Base64.encode(record.block.bytes)
        #expect(xml.contains(encoded))
        for scaler in Self.allScalers {
            var block = record.block.bytes
            block[30] = UInt8(bitPattern: scaler)
            let altered = Array(xml.replacingOccurrences(of: encoded, with: Base64.encode(block)).utf8)
            Self.expectOutcome(scaler, format: .edl40Signature) { () throws(FormatError) in
                _ = try EDL40SignatureOnlyDecoder.decode(altered, context: DecodingContext.berlin)
            }
        }
    }

    @Test("Mennekes XML: <Scaler> −128…127")
    func mennekes() throws {
        let xml = String(decoding: try EDL40Fixtures.corpusBytes("mennekes/safe-de-2021.xml"), as: UTF8.self)
        #expect(xml.contains("<Scaler>-1</Scaler>"))
        for scaler in Self.allScalers {
            let altered = Array(
                xml.replacingOccurrences(of: "<Scaler>-1</Scaler>", with: "<Scaler>\(scaler)</Scaler>").utf8)
            Self.expectOutcome(scaler, format: .mennekes) { () throws(FormatError) in
                _ = try MennekesDecoder.decode(altered, context: .berlin)
            }
        }
        let report = EDL40Fixtures.report(
            [(xml.replacingOccurrences(of: "<Scaler>-1</Scaler>", with: "<Scaler>-128</Scaler>"), "End")],
            encodingMethod: "EDL40 Mennekes")
        #expect(report.check(.format)?.status == .fail)
        #expect(report.verdict == .invalid)
    }

    @Test("EMH chargeIT: measuredValue.scale −128…127")
    func emh() throws {
        let container = String(decoding: try EMHTests.generatedContainer(), as: UTF8.self)
        let pattern = try #require(container.range(of: #""scale"\s*:\s*-1"#, options: .regularExpression))
        let written = String(container[pattern])
        for scaler in Self.allScalers {
            let altered = Array(container.replacingOccurrences(of: written, with: "\"scale\": \(scaler)").utf8)
            Self.expectOutcome(scaler, format: .emhChargeIT) { () throws(FormatError) in
                _ = try EMHChargeITDecoder.decode(altered)
            }
        }
    }

    @Test("BSM-WS36A: the scale of a numeric data point −128…127")
    func bsm() throws {
        for scaler in Self.allScalers {
            var points = BSMTests.examplePoints
            points[1] = BSMTests.point("RCR", 0, unit: 30, scale: Int(scaler))
            let snapshot = BSMTests.snapshot(points: points)
            Self.expectOutcome(scaler, format: .bsmWS36A) { () throws(FormatError) in
                for decoded in try BSMDecoder.decode(snapshot) { _ = decoded.signedRecord() }
            }
        }
    }

    // MARK: Times

    @Test("SML local timestamps with offsets near Int64.max: no trap, the time is not set")
    func smlOffsets() {
        let zone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        for (offset, season) in [
            (Int64.max / 2, 0), (Int64.max, Int64.max), (Int64.min, 0), (Int64.min, Int64.min), (Int64.max / 60 + 1, 0),
            (1_000_000, 0),
        ] as [(Int64, Int64)] {
            let time = SMLTime.localTimestamp(
                timestamp: 1_600_000_000, localOffsetMinutes: offset, seasonOffsetMinutes: season)
            let (read, note) = EDL40Time.sml(time, zone: zone)
            #expect(read.clock == .unknown)
            #expect(note != nil)
            _ = time.blockValue
        }
        let (good, _) = EDL40Time.sml(
            .localTimestamp(timestamp: 1_600_000_000, localOffsetMinutes: 60, seasonOffsetMinutes: 60), zone: zone)
        #expect(good.utcOffsetSeconds == 7200)
    }

    @Test("a time tolerance of Int.max or Int.min seconds does not trap", arguments: [Int.max, Int.min, 0])
    func timeTolerance(_ seconds: Int) throws {
        var options = VerificationOptions()
        options.timeTolerance = seconds
        let bytes = try Paths.bytes(Paths.repository.appendingPathComponent("Examples/cdr-ocmf.json"))
        let report = try #require(try Verifier(options: options).verify(document: bytes).first)
        #expect(report.check(.startTime) != nil)
    }
}
