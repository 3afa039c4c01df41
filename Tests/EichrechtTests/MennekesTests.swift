import Foundation
import Testing

@testable import Eichrecht

/// Mennekes EDL40 XML (variant C): `ChargingProcess` and `Billing` roots.
@Suite("Mennekes")
struct MennekesTests {
    static func decode(_ path: String) throws -> [(EDL40Record, SignedRecord)] {
        try MennekesDecoder.decode(try EDL40Fixtures.corpusBytes(path), context: .berlin)
    }

    @Test("a bare ChargingProcess: start and end blocks rebuilt, both verify")
    func chargingProcess() throws {
        let records = try MennekesTests.decode("mennekes/safe-de-2021.xml")
        #expect(records.count == 2)
        let (start, startSigned) = try #require(records.first)
        let (end, endSigned) = try #require(records.last)
        #expect(start.readingType == .begin && end.readingType == .end)
        #expect(startSigned.readings.first?.type == .begin && endSigned.readings.first?.type == .end)
        #expect(start.serverIDHex == "0901454d4800007f87b0")
        #expect(Hex.encode(start.block.contractID, uppercase: true) == "0473A44A3F3E80")  // hex-decoded
        #expect(start.block.logbook == [0x01, 0xA6])  // EventCounter 422, high byte first
        #expect(start.block.status == 136)
        #expect(start.block.obis == OBISCode.signedEnergy && start.block.unit == 30)
        // 10:44:16+02:00 → local epoch = UTC + 7200.
        #expect(start.time?.isoUTC == "2021-07-23T08:44:16Z")
        #expect(Int64(start.block.localTime) == 1_627_029_856 + 7200)
        #expect(start.meteringPoint == "DE*MEK*E001000*001")
        #expect(try EDL40Fixtures.verifiesWithEmbeddedKey(records[0]))
        #expect(try EDL40Fixtures.verifiesWithEmbeddedKey(records[1]))
        #expect(endSigned.readings.first?.value?.text == "31494.2")
        #expect(startSigned.sessionInvariants[.eventCounter] == "422")
    }

    @Test("a namespaced Billing document with CDATA decoration: the same rules")
    func billing() throws {
        let records = try MennekesTests.decode("transparenzsoftware/xml/ACU_korrekt.metra.xml")
        #expect(records.count == 2)
        #expect(try records.allSatisfy { try EDL40Fixtures.verifiesWithEmbeddedKey($0) })
        // ACU_falsch: the start value was changed; its signature fails, the end still verifies.
        let forged = try MennekesTests.decode("transparenzsoftware/xml/ACU_falsch.metra.xml")
        #expect(try EDL40Fixtures.verifiesWithEmbeddedKey(forged[0]) == false)
        #expect(try EDL40Fixtures.verifiesWithEmbeddedKey(forged[1]))
    }

    @Test("ISO 8601 times with offset, with line breaks removed; malformed ones rejected")
    func times() {
        #expect(MennekesTime.parse("2018-09-04T12:22:10+02:00")?.seconds == 1_536_056_530)
        #expect(MennekesTime.parse("2018-09-04T12:22:10+02:00")?.offsetSeconds == 7200)
        #expect(MennekesTime.parse("2018-09-04T10:22:10Z")?.seconds == 1_536_056_530)
        #expect(MennekesTime.parse("2018-09-04T12:22:10.5+02:00")?.seconds == 1_536_056_530)
        #expect(MennekesTime.parse("2018-09-04T12:22:10") == nil)  // no offset
        #expect(MennekesTime.parse("2018-02-30T12:22:10Z") == nil)
        #expect(MennekesTime.parse("2018-09-04 12:22+02:00") == nil)
    }

    @Test("detection: ChargingProcess and Billing roots, not other XML")
    func detection() throws {
        let bare = try EDL40Fixtures.corpusBytes("mennekes/safe-de-2021.xml")
        let billing = try EDL40Fixtures.corpusBytes("transparenzsoftware/xml/ACU_korrekt.metra.xml")
        #expect(MennekesDecoder.recognises(bare[...]))
        #expect(MennekesDecoder.recognises(billing[...]))
        #expect(!MennekesDecoder.recognises(Array("<signedMeterValue/>".utf8)[...]))
        #expect(FormatRegistry.decoder(recognising: bare[...])?.format == .mennekes)
    }

    @Test("malformed: odd hex, a 9-byte server id, a missing Value, a signature of 49 bytes")
    func malformed() throws {
        let text = String(decoding: try EDL40Fixtures.corpusBytes("mennekes/safe-de-2021.xml"), as: UTF8.self)
        let cases = [
            text.replacingOccurrences(of: "<CustomerIdent>0473A44A3F3E80", with: "<CustomerIdent>0473A44A3F3E8"),
            text.replacingOccurrences(of: "<ServerId>0901454D4800007F87B0", with: "<ServerId>0901454D4800007F87"),
            text.replacingOccurrences(of: "<Value>314940</Value>", with: ""),
            text.replacingOccurrences(of: "ECD42E4B580E110CFB4D", with: "ECD42E4B580E110CFB"),
            text.replacingOccurrences(of: "</ChargingProcess>", with: ""),
        ]
        for (index, bad) in cases.enumerated() {
            #expect(throws: FormatError.self, "case \(index)") {
                _ = try MennekesDecoder.decode(Array(bad.utf8), context: .berlin)
            }
        }
    }

    @Test("split: one standalone ChargingProcess document per measurement, each decodes to its record")
    func split() throws {
        let bytes = try EDL40Fixtures.corpusBytes("transparenzsoftware/xml/ACU_korrekt.metra.xml")
        let pieces = try #require(MennekesDecoder.splitMeasurements(bytes))
        #expect(pieces.count == 2)
        let whole = try MennekesDecoder.decode(bytes, context: .berlin)
        for (piece, expected) in zip(pieces, whole) {
            let records = try MennekesDecoder.decode(piece, context: .berlin)
            #expect(records.count == 1)
            #expect(records.first?.0 == expected.0)
        }
    }

    @Test("one ChargingProcess as one OCPI value verifies the signatures and pairs begin with end")
    func oneValue() throws {
        let text = String(decoding: try EDL40Fixtures.corpusBytes("mennekes/safe-de-2021.xml"), as: UTF8.self)
        let report = EDL40Fixtures.report([(text, "End")], encodingMethod: "EDL40 Mennekes")
        #expect(report.values.first?.signature == .valid)
        #expect(report.check(.format)?.status == .pass)
        #expect(report.check(.publicKey)?.status == .pass)
    }
}
