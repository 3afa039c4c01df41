import Foundation
import Testing

@testable import Eichrecht

/// The Isabellenhütte EDL40P telegram (variant E): its own block, START / UPDATE / STOP.
@Suite("ISA EDL40P")
struct ISAEDL40Tests {
    static func decode(_ name: String) throws -> (ISAEDL40Record, SignedRecord) {
        try ISAEDL40Decoder.decode(try EDL40Fixtures.isaTelegram(name), context: DecodingContext.berlin)
    }

    static func verifies(_ signed: SignedRecord, keyFile: String) throws -> Bool {
        try EDL40Fixtures.verifies(signed, key: try EDL40Fixtures.key(keyFile).publicKey(for: .prime256v1).get())
    }

    @Test("STOP telegram: block rebuilt, begin and end readings on one register, 22.3294 kWh")
    func stop() throws {
        let (record, signed) = try ISAEDL40Tests.decode("isa-edl-40p-ok")
        #expect(record.kind == .stop)
        #expect(record.block.bytes.count == 320)
        #expect(Hex.encode(record.block.listName) == "8180816202ff")
        #expect(record.block.pagination == 24)
        #expect(record.block.esth.count == 20)
        #expect(record.block.start.localTime == 1_597_129_751)
        #expect(record.block.actual.localTime == 1_597_130_095)
        #expect(try ISAEDL40Tests.verifies(signed, keyFile: "conformance/isa-edl40/isa-edl-40p-ok.pubkey.hex"))
        #expect(signed.readings.map(\.type) == [.begin, .end])
        #expect(signed.readings.map(\.register) == ["1-0:1.8.0*255", "1-0:1.8.0*255"])
        let begin = try #require(signed.readings.first?.energyKWh)
        let end = try #require(signed.readings.last?.energyKWh)
        #expect(begin == Decimal(string: "25695.9316"))
        #expect(end - begin == Decimal(string: "22.3294"))
        // The plain SML timestamps are local wall-clock time: 07:09:11 CEST = 05:09:11Z.
        #expect(signed.readings.first?.time?.isoUTC == "2020-08-11T05:09:11Z")
        #expect(signed.natureIsSigned)
        #expect(signed.meter.serial == "09014953410000000001")
        #expect(signed.meter.vendor == "ISA")
    }

    @Test("START and UPDATE telegrams: begin only, begin and intermediate")
    func startAndUpdate() throws {
        let (start, startSigned) = try ISAEDL40Tests.decode("isa-edl-40p-begin-fail")
        #expect(start.kind == .start)
        #expect(startSigned.readings.map(\.type) == [.begin])
        #expect(
            try ISAEDL40Tests.verifies(startSigned, keyFile: "conformance/isa-edl40/isa-edl-40p-begin-fail.pubkey.hex"))
        let (update, updateSigned) = try ISAEDL40Tests.decode("isa-edl-40p-update-fail")
        #expect(update.kind == .update)
        #expect(updateSigned.readings.map(\.type) == [.begin, .intermediate])
        #expect(updateSigned.meter.serial == "0901495341000112c6fc")
        #expect(
            try ISAEDL40Tests.verifies(
                updateSigned, keyFile: "conformance/isa-edl40/isa-edl-40p-update-fail.pubkey.hex"))
    }

    @Test("the altered telegram (data-fail) is a format error: its file checksum does not match")
    func dataFail() throws {
        #expect {
            _ = try ISAEDL40Tests.decode("isa-edl-40p-data-fail")
        } throws: { error in
            (error as? FormatError)?.reason.contains("checksum") == true
        }
    }

    @Test("the off-curve key (sign-fail) fails public_key; a tampered actual value fails the signature")
    func keyAndTamper() throws {
        let bytes = try EDL40Fixtures.isaTelegram("isa-edl-40p-ok")
        let badKey = try EDL40Fixtures.key("conformance/isa-edl40/isa-edl-40p-sign-fail.pubkey.hex")
        let report = EDL40Fixtures.report(
            [(Hex.encode(bytes), "End")], options: EDL40Fixtures.options(trusting: badKey))
        #expect(report.check(.publicKey)?.status == .fail)
        #expect(report.verdict == .invalid)

        let file = try SMLFile.read(bytes)
        let entry = try #require(try file.firstGetListResponse().entry(OBISCode.activeImport))
        var altered = bytes
        altered[entry.value.offset + 8] ^= 0x01  // last byte of the 8-byte value
        altered = EDL40Tests.resealed(altered, like: file)
        let key = try EDL40Fixtures.key("conformance/isa-edl40/isa-edl-40p-ok.pubkey.hex")
        let tampered = EDL40Fixtures.report(
            [(Hex.encode(altered), "End")], options: EDL40Fixtures.options(trusting: key))
        #expect(tampered.check(.format)?.status == .pass)
        #expect(tampered.values.first?.signature == .invalid)
        #expect(tampered.verdict == .invalid)
    }

    @Test("a STOP telegram alone is a complete session: verified with its key")
    func stopAlone() throws {
        let bytes = try EDL40Fixtures.isaTelegram("isa-edl-40p-ok")
        let key = try EDL40Fixtures.key("conformance/isa-edl40/isa-edl-40p-ok.pubkey.hex")
        let report = EDL40Fixtures.report([(Hex.encode(bytes), "End")], options: EDL40Fixtures.options(trusting: key))
        #expect(report.verdict == .verified, "\(report.reason)")
        #expect(report.check(.pairing)?.status == .pass)
        #expect(report.session?.energyKWh == "22.3294")
    }

    @Test("a START telegram sent as nature End contradicts its signed list name")
    func natureMismatch() throws {
        let bytes = try EDL40Fixtures.isaTelegram("isa-edl-40p-begin-fail")
        let key = try EDL40Fixtures.key("conformance/isa-edl40/isa-edl-40p-begin-fail.pubkey.hex")
        let report = EDL40Fixtures.report([(Hex.encode(bytes), "End")], options: EDL40Fixtures.options(trusting: key))
        #expect(report.check(.consistency)?.status == .fail)
    }

    @Test("a GetList.Res without the ISA entries is a format error naming the missing entry")
    func missingEntries() throws {
        let server: [UInt8] = [0x09, 0x01, 0x49, 0x53, 0x41, 0, 0, 0, 0, 1]
        let body = SMLTestWriter.list([
            SMLTestWriter.absent, SMLTestWriter.octets(server),
            SMLTestWriter.octets([0x81, 0x80, 0x81, 0x62, 0x02, 0xFF]),
            SMLTestWriter.absent, SMLTestWriter.list([]), SMLTestWriter.octets([UInt8](repeating: 0, count: 66)),
            SMLTestWriter.absent,
        ])
        let file = SMLTestWriter.file([SMLTestWriter.message(tag: 0x0701, body: body)])
        #expect(ISAEDL40Decoder.hasISAListName(file[...]))
        #expect {
            _ = try ISAEDL40Decoder.decode(file, context: DecodingContext.berlin)
        } throws: { error in
            // The start register (1-0:1.8.0*128) is named by its OBIS code.
            (error as? FormatError)?.problem == .missingEntry(obis: "010001080080")
        }
    }
}
