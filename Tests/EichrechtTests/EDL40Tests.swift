import Foundation
import Testing

@testable import Eichrecht

/// The EDL40 block, the SML telegram decoder (variant A) and the signature-only XML (variant B).
@Suite("EDL40")
struct EDL40Tests {
    static let berlin = TimeZone(identifier: "Europe/Berlin") ?? .gmt

    // MARK: Block rebuild

    @Test("the block rebuilt from a known telegram (S.A.F.E. edl-40-01), byte by byte")
    func blockFromTelegram() throws {
        let (record, signed) = try EDL40Fixtures.edl40(try EDL40Fixtures.telegram("safe-edl-40-01"))
        let block = record.block.bytes
        #expect(block.count == 320)
        // server id | local time 777 | status | seconds index 729 | pagination 33 | OBIS | unit | scaler |
        // value 3275 | logbook 0600
        #expect(
            Hex.encode(block[0..<41])
                == "090145535911039569400903000000d9020000210000000100011100ff1effcb0c0000000000000600")
        #expect(Hex.encode(block[41..<49]) == "3632343837383837")  // contract id "62487887", ASCII
        #expect(Hex.encode(block[169..<173]) == "ec050000")  // contract-id time 1516
        #expect(block[173...].allSatisfy { $0 == 0 })
        #expect(
            Hex.encode(SignatureVerifier.sha256(block))
                == "916655dd982fd55d45778914fb4d983dcd74e8f43d3045a3bfeb994733ffd040")
        #expect(signed.signedBytes == block)
        #expect(record.curve == .prime192v1)
        #expect(record.contractText == "62487887")
    }

    @Test("EMOC: status remap, extended fields, P-256 from the 66-byte list signature")
    func emocBlock() throws {
        let (record, signed) = try EDL40Fixtures.edl40(try EDL40Fixtures.telegram("safe-emh-emoc-p256-begin"))
        #expect(record.curve == .prime256v1)
        #expect(record.signatureVersion == 4)
        #expect(record.statusWord == 0x8004_0104)
        #expect(record.block.status == 0x88)  // bit 8 → 7, bit 31 → 3
        #expect(record.block.historicalValue == 192_106)
        #expect(record.block.historicalCompensatedValue == 192_106)
        #expect(record.block.lineResistance == 1000)
        #expect(
            Hex.encode(SignatureVerifier.sha256(signed.signedBytes))
                == "83eb046cab2dc9c81be894dbfbdbf6cfa3d96e2b5e42b20da777ac1cf64ede2e")
        #expect(signed.algorithm == SignatureAlgorithm(curve: .prime256v1))
    }

    @Test("EMOC status remap: out 0←17, 3←31, 4←16, 5←11, 6←9, 7←8")
    func emocRemap() {
        #expect(EDL40SMLDecoder.emocStatus(1 << 17) == 0x01)
        #expect(EDL40SMLDecoder.emocStatus(1 << 31) == 0x08)
        #expect(EDL40SMLDecoder.emocStatus(1 << 16) == 0x10)
        #expect(EDL40SMLDecoder.emocStatus(1 << 11) == 0x20)
        #expect(EDL40SMLDecoder.emocStatus(1 << 9) == 0x40)
        #expect(EDL40SMLDecoder.emocStatus(1 << 8) == 0x80)
        #expect(EDL40SMLDecoder.emocStatus(0xFF) == 0)
    }

    @Test(
        "every bundled EDL40 telegram verifies with its key",
        arguments: [
            "safe-edl-40-01", "safe-edl-40-02", "safe-edl-40-03", "safe-emh-emoc-p256-begin", "safe-emh-emoc-p256-end",
        ])
    func telegramsVerify(_ name: String) throws {
        let (record, signed) = try EDL40Fixtures.edl40(try EDL40Fixtures.telegram(name))
        let key = try EDL40Fixtures.key("conformance/edl40-sml/\(name).pubkey.hex").publicKey(for: record.curve).get()
        #expect(try EDL40Fixtures.verifies(signed, key: key))
    }

    @Test(
        "the worked example of the format document (EDL40+ begin; shared corpus only)", .enabled(if: Paths.sharedExists)
    )
    func workedExample() throws {
        let url = Paths.shared.appendingPathComponent("edl40-sml/chargy-edl40plus-emh-begin.sml.hex")
        let text = String(decoding: try Paths.bytes(url), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let (record, _) = try EDL40Fixtures.edl40(try #require(Hex.decode(text)))
        let block = record.block.bytes
        #expect(
            Hex.encode(block[0..<41])
                == "0901454d4800008f7ea058b8bb5e0875cf0a00dd0000000100011100ff1effd4e90100000000000110")
        #expect(Hex.encode(block[41..<51]) == "9110105ebb9be85c0dd8")
        #expect(Hex.encode(block[169..<173]) == "3ab8bb5e")
        #expect(
            Hex.encode(SignatureVerifier.sha256(block))
                == "6457f9f9b8519b00f2b208983568cf104d8b9343fff65b0f7fc8c06df6643533")
        #expect(record.block.localTime == 1_589_353_528 + 7200)
        #expect(record.time?.isoUTC == "2020-05-13T07:05:28Z")
        #expect(record.time?.clock == .informative)
    }

    // MARK: Readings and times

    @Test("the reading: exact decimal from value × 10^scaler, Wh, OBIS text, server id as meter serial")
    func reading() throws {
        let (_, signed) = try EDL40Fixtures.edl40(try EDL40Fixtures.telegram("safe-edl-40-03"))
        let reading = try #require(signed.readings.first)
        #expect(reading.value?.text == "946.3")
        #expect(reading.value?.value == Decimal(string: "946.3"))
        #expect(reading.resolutionKWh == Decimal(string: "0.0001"))
        #expect(reading.unit == "Wh")
        #expect(reading.register == "1-0:1.17.0*255")
        #expect(reading.type == .unspecified)
        #expect(signed.meter.serial == "09014553591103956940")
        #expect(signed.meter.vendor == "ESY")
        #expect(signed.pagination?.number == 2)
        #expect(signed.natureIsSigned == false)
        #expect(signed.identification?.data == "99999999")
        #expect(signed.sessionInvariants[.logbookBytes] == "0700")
    }

    @Test("a meter without a set clock (seconds since power-up) has clock quality unknown")
    func clocklessMeter() throws {
        let (record, _) = try EDL40Fixtures.edl40(try EDL40Fixtures.telegram("safe-edl-40-02"))
        #expect(record.time?.clock == .unknown)
        #expect(record.time?.text.contains("1995487") == true)
    }

    @Test("local wall-clock time to UTC in Europe/Berlin: winter, summer, DST gap and overlap")
    func localTime() {
        func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int) -> Int64 {
            CivilTime.epochMilliseconds(
                year: y, month: mo, day: d, hour: h, minute: mi, second: 0, millisecond: 0, offsetSeconds: 0) / 1000
        }
        // Winter: 09:15 local = 08:15Z.
        var (time, note) = EDL40Time.local(utc(2026, 3, 2, 9, 15), zone: EDL40Tests.berlin)
        #expect(time.isoUTC == "2026-03-02T08:15:00Z")
        #expect(time.utcOffsetSeconds == 3600 && note == nil)
        // Summer: 09:15 local = 07:15Z.
        (time, note) = EDL40Time.local(utc(2026, 7, 15, 9, 15), zone: EDL40Tests.berlin)
        #expect(time.isoUTC == "2026-07-15T07:15:00Z")
        #expect(time.text == "2026-07-15T09:15:00+02:00" && note == nil)
        // 2026-10-25 02:30 local happens twice (CEST, then CET): the earlier instant, with a note.
        (time, note) = EDL40Time.local(utc(2026, 10, 25, 2, 30), zone: EDL40Tests.berlin)
        #expect(time.isoUTC == "2026-10-25T00:30:00Z")
        #expect(note?.code == "deviation.local_time_twice")
        // 2026-03-29 02:30 local does not exist: read with the offset before the change (CET).
        (time, note) = EDL40Time.local(utc(2026, 3, 29, 2, 30), zone: EDL40Tests.berlin)
        #expect(time.isoUTC == "2026-03-29T01:30:00Z")
        #expect(note?.code == "deviation.local_time_skipped")
        // Just after the gap: 03:30 CEST = 01:30Z.
        (time, note) = EDL40Time.local(utc(2026, 3, 29, 3, 30), zone: EDL40Tests.berlin)
        #expect(time.isoUTC == "2026-03-29T01:30:00Z" && note == nil)
        // Another zone is honoured.
        (time, _) = EDL40Time.local(utc(2026, 7, 15, 9, 15), zone: TimeZone(identifier: "UTC") ?? .gmt)
        #expect(time.isoUTC == "2026-07-15T09:15:00Z")
    }

    @Test("the meter time zone reaches the signature-only decoder through DecodingContext")
    func timeZoneContext() throws {
        let xml = try EDL40Fixtures.corpusBytes("edl40-payload/oicp-cdr-emh-start.xml")
        let (berlin, _) = try EDL40SignatureOnlyDecoder.decode(xml, context: DecodingContext.berlin)
        #expect(berlin.time?.isoUTC == "2022-07-18T05:35:45Z")
        let london = DecodingContext(meterTimeZone: TimeZone(identifier: "Europe/London") ?? .gmt)
        let (other, _) = try EDL40SignatureOnlyDecoder.decode(xml, context: london)
        #expect(other.time?.isoUTC == "2022-07-18T06:35:45Z")
    }

    // MARK: Negative cases through the verifier

    static func telegramValue(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

    @Test("a tampered block byte (CRCs intact) makes the signature invalid")
    func tamperedValue() throws {
        let original = try EDL40Fixtures.telegram("safe-edl-40-01")
        let file = try SMLFile.read(original)
        let entry = try #require(try file.firstGetListResponse().entry(OBISCode.signedEnergy))
        // The last data byte of the value element (type-length 5x: x − 1 data bytes).
        let tl = entry.value.offset
        #expect(original[tl] & 0x70 == 0x50)
        var bytes = original
        bytes[tl + Int(original[tl] & 0x0F) - 1] ^= 0x01
        bytes = EDL40Tests.resealed(bytes, like: file)
        #expect(throws: Never.self) { _ = try SMLFile.read(bytes) }
        let key = try EDL40Fixtures.key("conformance/edl40-sml/safe-edl-40-01.pubkey.hex")
        let report = EDL40Fixtures.report(
            [(EDL40Tests.telegramValue(bytes), "End")], options: EDL40Fixtures.options(trusting: key))
        #expect(report.check(.format)?.status == .pass)
        #expect(report.values.first?.signature == .invalid)
        #expect(report.verdict == .invalid)
    }

    /// Recomputes the message and file checksums of an altered copy of an SML file without escapes.
    static func resealed(_ altered: [UInt8], like file: SMLFile) -> [UInt8] {
        var bytes = altered
        for message in file.messages {
            let crc = SMLTestWriter.crc(Array(bytes[message.offset..<message.checksumOffset]))
            bytes[message.checksumOffset + 1] = UInt8(crc & 0xFF)
            bytes[message.checksumOffset + 2] = UInt8(crc >> 8)
        }
        let crc = SMLTestWriter.crc(Array(bytes[0..<(bytes.count - 2)]))
        bytes[bytes.count - 2] = UInt8(crc & 0xFF)
        bytes[bytes.count - 1] = UInt8(crc >> 8)
        return bytes
    }

    @Test("every byte changed behind intact checksums: the decoders throw or decode, never crash")
    func resealedMutations() throws {
        for (bytes, isa) in [
            (try EDL40Fixtures.telegram("safe-emh-emoc-p256-begin"), false),
            (try EDL40Fixtures.isaTelegram("isa-edl-40p-ok"), true),
        ] {
            let file = try SMLFile.read(bytes)
            for index in 8..<(bytes.count - 8) {
                for mask: UInt8 in [0x01, 0xFF] {
                    var copy = bytes
                    copy[index] ^= mask
                    copy = EDL40Tests.resealed(copy, like: file)
                    if isa {
                        _ = try? ISAEDL40Decoder.decode(copy, context: DecodingContext.berlin)
                    } else {
                        _ = try? EDL40Fixtures.edl40(copy)
                    }
                }
            }
        }
    }

    @Test("a wrong CRC fails format; a truncated telegram fails format; neither crashes")
    func crcAndTruncation() throws {
        let key = try EDL40Fixtures.key("conformance/edl40-sml/safe-edl-40-01.pubkey.hex")
        var bytes = try EDL40Fixtures.telegram("safe-edl-40-01")
        bytes[bytes.count - 1] ^= 0x01
        let report = EDL40Fixtures.report(
            [(EDL40Tests.telegramValue(bytes), "End")], options: EDL40Fixtures.options(trusting: key))
        #expect(report.check(.format)?.status == .fail)
        #expect(report.check(.format)?.reason.code == "format.malformed")
        #expect(report.check(.format)?.reason.text(.en).contains("checksum") == true)
        #expect(report.verdict == .invalid)

        let truncated = Array(try EDL40Fixtures.telegram("safe-edl-40-01").prefix(150))
        #expect(throws: FormatError.self) { _ = try EDL40Fixtures.edl40(truncated) }
        let cut = EDL40Fixtures.report([(EDL40Tests.telegramValue(truncated), "End")])
        #expect(cut.check(.format)?.status == .fail)
        #expect(cut.verdict == .invalid)
    }

    @Test("a valid key that is not the meter's: the signature is invalid")
    func wrongKey() throws {
        let bytes = try EDL40Fixtures.telegram("safe-edl-40-01")
        // The EDL40+ test key (another P-192 key) from the generated vectors.
        let other = KeyInput(
            text: String(
                decoding: try Paths.bytes(EDL40Fixtures.generated.appendingPathComponent("keys/p192-other.pub.hex")),
                as: UTF8.self))
        let report = EDL40Fixtures.report(
            [(EDL40Tests.telegramValue(bytes), "End")], options: EDL40Fixtures.options(trusting: other))
        #expect(report.check(.publicKey)?.status == .pass)
        #expect(report.values.first?.signature == .invalid)
        #expect(report.verdict == .invalid)
    }

    @Test("a key of the wrong curve length (64-byte key, 50-byte signature) fails public_key")
    func wrongCurveLength() throws {
        let bytes = try EDL40Fixtures.telegram("safe-edl-40-01")
        let p256 = try EDL40Fixtures.key("conformance/edl40-sml/safe-emh-emoc-p256-begin.pubkey.hex")
        let report = EDL40Fixtures.report(
            [(EDL40Tests.telegramValue(bytes), "End")], options: EDL40Fixtures.options(trusting: p256))
        #expect(report.check(.publicKey)?.status == .fail)
        #expect(report.verdict == .invalid)
        // And the reverse: a 48-byte key for a 66-byte (P-256) signature.
        let emoc = try EDL40Fixtures.telegram("safe-emh-emoc-p256-begin")
        let p192 = try EDL40Fixtures.key("conformance/edl40-sml/safe-edl-40-01.pubkey.hex")
        let reverse = EDL40Fixtures.report(
            [(EDL40Tests.telegramValue(emoc), "End")], options: EDL40Fixtures.options(trusting: p192))
        #expect(reverse.check(.publicKey)?.status == .fail)
    }

    @Test("a list signature of another length is malformed")
    func signatureLength() throws {
        let server: [UInt8] = [0x09, 0x01, 0x54, 0x53, 0x54, 0, 0, 0x12, 0x34, 0x56]
        let energy = SMLTestWriter.entry(
            OBISCode.signedEnergy, value: SMLTestWriter.integer(1000, width: 5),
            status: SMLTestWriter.unsigned(8, width: 1), unit: SMLTestWriter.unsigned(30, width: 1),
            scaler: SMLTestWriter.integer(-1, width: 1))
        for length in [48, 49, 51, 64, 65, 67] {
            let body = SMLTestWriter.getList(
                server: server, entries: [energy], signature: [UInt8](repeating: 1, count: length))
            let file = SMLTestWriter.file([SMLTestWriter.message(tag: 0x0701, body: body)])
            #expect(throws: FormatError.self, "\(length) bytes") { _ = try EDL40Fixtures.edl40(file) }
        }
        let good = SMLTestWriter.getList(server: server, entries: [energy], signature: [UInt8](repeating: 1, count: 50))
        let (record, _) = try EDL40Fixtures.edl40(
            SMLTestWriter.file([SMLTestWriter.message(tag: 0x0701, body: good)]))
        #expect(record.block.logbook == [1, 1])
        #expect(record.block.value == 1000)
    }

    @Test("detection: SML telegrams go to EDL40 unless their list name is ISA's")
    func detection() throws {
        let edl = try EDL40Fixtures.telegram("safe-edl-40-01")
        let isa = try EDL40Fixtures.isaTelegram("isa-edl-40p-ok")
        #expect(FormatRegistry.decoder(recognising: edl[...])?.format == .edl40SML)
        #expect(FormatRegistry.decoder(recognising: isa[...])?.format == .isaEDL40)
        #expect(FormatRegistry.decoder(forEncodingMethod: "EDL40 E-Mobility Extension")?.format == .edl40SML)
        #expect(FormatRegistry.decoder(forEncodingMethod: "edl40 mennekes")?.format == .mennekes)
        #expect(FormatRegistry.unsupportedEncodingMethods.isEmpty)
    }

    // MARK: Variant B

    @Test("signature-only XML: block fields, embedded key, signature verifies")
    func signatureOnly() throws {
        let xml = try EDL40Fixtures.corpusBytes("edl40-payload/oicp-cdr-emh-start.xml")
        let (record, signed) = try EDL40SignatureOnlyDecoder.decode(xml, context: DecodingContext.berlin)
        #expect(record.serverIDHex == "0901454d4800008a1db9")
        #expect(record.block.localTime == 1_658_129_745)
        #expect(record.block.value == 194_535_167)
        #expect(Hex.encode(record.block.contractID, uppercase: true) == "B2D6A76B")
        #expect(record.publicKey?.count == 48)
        #expect(signed.deviations.isEmpty)
        let report = Verifier().verify(
            signedData: SignedData(signedValues: [
                SignedValue(nature: "Start", signedData: String(decoding: xml, as: UTF8.self))
            ]))
        #expect(report.values.first?.signature == .valid)
        #expect(report.values.first?.keySource == .embedded)
    }

    @Test("signature-only XML: P-256, XML-escaped once, tampered signature")
    func signatureOnlyVariants() throws {
        let p256 = try EDL40Fixtures.corpusBytes("edl40-payload/safe-emh-emoc-p256-begin.xml")
        let (record, _) = try EDL40SignatureOnlyDecoder.decode(p256, context: DecodingContext.berlin)
        #expect(record.curve == .prime256v1)
        let escaped = String(decoding: p256, as: UTF8.self).replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        #expect(EDL40SignatureOnlyDecoder.recognises(Array(escaped.utf8)[...]))
        let (unescaped, signed) = try EDL40SignatureOnlyDecoder.decode(
            Array(escaped.utf8), context: DecodingContext.berlin)
        #expect(unescaped.block == record.block)
        #expect(signed.deviations.contains { $0.description.contains("escaped") })

        let tampered = try EDL40Fixtures.corpusBytes("edl40-payload/safe-signatureonly-tampered-signature.xml")
        let report = EDL40Fixtures.report([(String(decoding: tampered, as: UTF8.self), "End")])
        #expect(report.values.first?.signature == .invalid)
        #expect(report.verdict == .invalid)
    }

    @Test("signature-only XML: a 319-byte block, a missing element, broken XML are format errors")
    func signatureOnlyErrors() throws {
        let text = String(
            decoding: try EDL40Fixtures.corpusBytes("edl40-payload/oicp-cdr-emh-start.xml"), as: UTF8.self)
        let root = try XMLReader.parse(Array(text.utf8))
        let blockText = try #require(root.child("encodedMeterValue")?.trimmedText)
        let short = try #require(Base64.decode(blockText)).dropLast()
        let shortText = text.replacingOccurrences(of: blockText, with: Base64.encode(short))
        #expect(throws: FormatError.self) {
            _ = try EDL40SignatureOnlyDecoder.decode(Array(shortText.utf8), context: DecodingContext.berlin)
        }
        let noSignature = text.replacingOccurrences(of: "meterValueSignature", with: "otherElement")
        #expect(throws: FormatError.self) {
            _ = try EDL40SignatureOnlyDecoder.decode(Array(noSignature.utf8), context: DecodingContext.berlin)
        }
        let broken = text.replacingOccurrences(of: "</signedMeterValue>", with: "")
        #expect(EDL40SignatureOnlyDecoder.recognises(Array(broken.utf8)[...]))
        #expect(throws: FormatError.self) {
            _ = try EDL40SignatureOnlyDecoder.decode(Array(broken.utf8), context: DecodingContext.berlin)
        }
    }
}
