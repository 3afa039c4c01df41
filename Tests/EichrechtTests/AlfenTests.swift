import Foundation
import Testing

@testable import Eichrecht

/// Files and helpers of the Alfen tests, located relative to this file.
enum AlfenFixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repository.appendingPathComponent("Vectors/corpus/alfen")

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    /// A corpus line as text, trimmed.
    static func line(_ name: String) throws -> String {
        String(decoding: try bytes(corpus.appendingPathComponent(name)), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// TPS `ALFEN_TEST_STRING` (Apache-2.0): a start line, value 15762 Wh, pagination 17.
    static func tpsLine() throws -> String { try line("safe-verifiertest-1.txt") }

    static func decode(_ text: String) throws(FormatError) -> (AlfenRecord, SignedRecord) {
        try AlfenDecoder.decode(Array(text.utf8)[...])
    }

    /// The line with one of its six fields replaced.
    static func replacing(_ text: String, field: Int, with value: String) -> String {
        var fields = text.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        if field < fields.count { fields[field] = value }
        return fields.joined(separator: ";")
    }

    static func field(_ text: String, _ index: Int) -> String {
        let fields = text.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        return index < fields.count ? fields[index] : ""
    }

    /// RFC 4648 base32 with padding (the library only decodes base32).
    static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var out = ""
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | Int(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[(buffer >> bits) & 31])
            }
            buffer &= (1 << bits) - 1
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        while out.count % 8 != 0 { out.append("=") }
        return out
    }

    /// Verifies a document (CDR, SignedData or raw lines) and returns its one report.
    static func report(_ text: String, options: VerificationOptions = VerificationOptions()) throws -> Report {
        let reports = try Verifier(options: options).verify(document: Array(text.utf8))
        try #require(reports.count == 1)
        return try #require(reports.first)
    }
}

@Suite("Alfen decoder")
struct AlfenDecoderTests {
    @Test("the TPS test string decodes field by field")
    func tpsFields() throws {
        let (record, signed) = try AlfenFixtures.decode(try AlfenFixtures.tpsLine())
        #expect(record.type == .start)
        #expect(record.blobVersion == "3")
        #expect(record.publicKey.count == 25)
        #expect(record.dataset.count == 82)
        #expect(record.signature.count == 48)
        #expect(Hex.encode(record.adapterID) == "0a546573744465760011")
        #expect(String(decoding: record.adapterFirmware, as: UTF8.self) == "v013")
        #expect(Hex.encode(record.adapterFirmwareChecksum) == "2da6")
        #expect(Hex.encode(record.meterID) == "0a01445a470033000140")
        #expect(record.status == 0)
        #expect(record.secondIndex == 2_523_271)
        #expect(record.time.isoUTC == "2018-11-23T14:41:01Z")
        #expect(record.obisText == "1-0:1.8.0*255")
        #expect(record.unitCode == 30)
        #expect(record.scaler == 0)
        #expect(record.value == 15762)
        #expect(record.uid == "1")
        #expect(record.sessionID == 18)
        #expect(record.pagination == 17)

        #expect(signed.format == .alfen)
        #expect(signed.signedBytes == record.dataset)
        #expect(signed.algorithm == SignatureAlgorithm(curve: .prime192v1, hash: .sha256))
        #expect(signed.signature?.encoding == .raw)
        #expect(signed.embeddedKey == KeyInput(bytes: record.publicKey))
        #expect(signed.meter.serial == "0a01445a470033000140")
        #expect(signed.meter.vendor == "DZG")
        #expect(signed.pagination?.number == 17)
        #expect(signed.identification?.data == "1")
        #expect(signed.natureIsSigned)
        #expect(signed.sessionInvariants[.sessionID] == "18")
        #expect(signed.deviations.isEmpty)
        let reading = try #require(signed.readings.first)
        #expect(signed.readings.count == 1)
        #expect(reading.type == .begin)
        #expect(reading.value?.value == Decimal(15762))
        #expect(reading.unit == "Wh")
        #expect(reading.energyKWh == Decimal(sign: .plus, exponent: -3, significand: 15762))
        #expect(reading.time?.clock == .informative)
        #expect(reading.register == "1-0:1.8.0*255")
        #expect(reading.flags.isEmpty)
        if case .alfen(let details)? = signed.details {
            #expect(details == record)
        } else {
            Issue.record("the record's details are not Alfen")
        }
    }

    @Test("the worked example of the format notes (EVBox simulator start line)")
    func workedExample() throws {
        let (record, _) = try AlfenFixtures.decode(try AlfenFixtures.line("evbox-simulator-start.txt"))
        #expect(Hex.encode(record.publicKey) == "02c55d80210a24760351c10c0c9367af7100c230010e08e98d")
        #expect(
            Hex.encode(SignatureVerifier.sha256(record.dataset))
                == "a2713275367fb6a44fe129378897bd3ab0b33647476ad98914f5d32cb5075c82")
        #expect(record.status == 0x2000_0000)
        #expect(record.adapterStatus == 0x2000)
        #expect(record.meterStatus == 0)
        #expect(record.secondIndex == 9_081_715)
        #expect(record.time.isoUTC == "2020-01-02T09:37:16Z")
        #expect(record.value == 111_133)
        #expect(record.uid == "045D596A313480")
        #expect(record.sessionID == 87)
        #expect(record.pagination == 171)
    }

    @Test("quotes, whitespace and a missing trailing ';' are tolerated")
    func tolerantSyntax() throws {
        let line = try AlfenFixtures.tpsLine()
        let bare = String(line.dropLast())  // no trailing ';'
        for text in [bare, "  \"\(line)\"\n", "'\(bare)'", "\r\n\t\(line)  "] {
            #expect(AlfenDecoder.recognises(Array(text.utf8)))
            #expect(try AlfenFixtures.decode(text).0.pagination == 17)
        }
        let lower = AlfenFixtures.replacing(line, field: 3, with: AlfenFixtures.field(line, 3).lowercased())
        let (_, signed) = try AlfenFixtures.decode(lower)
        #expect(signed.deviations.contains { $0.description.contains("lower-case") })
    }

    @Test("exact field lengths are enforced")
    func wrongLengths() throws {
        let line = try AlfenFixtures.tpsLine()
        let key = AlfenFixtures.field(line, 3)
        let dataset = AlfenFixtures.field(line, 4)
        let signature = AlfenFixtures.field(line, 5)
        let cases: [(Int, String, String)] = [
            (3, String(key.dropLast(8)), "public key"),
            (3, key + "AAAAAAAA", "public key"),
            (4, AlfenFixtures.base32(Array(try #require(Base32.decode(dataset)).dropLast())), "dataset"),
            (4, AlfenFixtures.base32(try #require(Base32.decode(dataset)) + [0]), "dataset"),
            (5, AlfenFixtures.base32(Array(try #require(Base32.decode(signature)).dropLast())), "signature"),
        ]
        for (index, value, name) in cases {
            let text = AlfenFixtures.replacing(line, field: index, with: value)
            let fieldStart = text.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
                .prefix(index).reduce(0) { $0 + $1.count + 1 }
            let error = #expect(throws: FormatError.self) { try AlfenFixtures.decode(text) }
            #expect(error?.format == .alfen)
            #expect(error?.reason.contains(name) == true, "\(error?.reason ?? "")")
            #expect(error?.reason.contains("exactly") == true, "\(error?.reason ?? "")")
            #expect(error?.offset == fieldStart)
        }
    }

    @Test("bad base32 is a format error at the offending byte")
    func badBase32() throws {
        let line = try AlfenFixtures.tpsLine()
        let dataset = AlfenFixtures.field(line, 4)
        let broken = AlfenFixtures.replacing(line, field: 4, with: "AB1" + dataset.dropFirst(3))
        let datasetStart = line.utf8.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
            .prefix(4).reduce(0) { $0 + $1.count + 1 }
        let error = #expect(throws: FormatError.self) { try AlfenFixtures.decode(broken) }
        #expect(error?.offset == datasetStart + 2)
        #expect(error?.reason.contains("base32") == true)
        let afterPadding = AlfenFixtures.replacing(line, field: 5, with: AlfenFixtures.field(line, 5) + "A")
        #expect(throws: FormatError.self) { try AlfenFixtures.decode(afterPadding) }
    }

    @Test("malformed lines are format errors, never crashes")
    func malformedLines() throws {
        let line = try AlfenFixtures.tpsLine()
        let malformed = [
            "", "AP;", "AP;0;3;", "XP;0;3;A;B;C;", AlfenFixtures.replacing(line, field: 1, with: "3"),
            AlfenFixtures.replacing(line, field: 1, with: "00"), AlfenFixtures.replacing(line, field: 2, with: ""),
            AlfenFixtures.replacing(line, field: 3, with: ""), line + "EXTRA;",
            line.replacingOccurrences(of: "AP;0", with: "AP;0\u{7F}"),
        ]
        for text in malformed {
            #expect(throws: FormatError.self, "\(text.prefix(30))") { try AlfenFixtures.decode(text) }
        }
        // Every prefix of a valid line either decodes or throws a FormatError.
        let bytes = Array(line.utf8)
        for end in 0..<bytes.count {
            do { _ = try AlfenDecoder.decode(bytes[0..<end]) } catch { #expect(error.format == .alfen) }
        }
        // Random bytes behind the marker.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let noise = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in
                UInt8.random(in: 0...255, using: &generator)
            }
            do { _ = try AlfenDecoder.decode((Array("AP;".utf8) + noise)[...]) } catch {
                #expect(error.format == .alfen)
            }
        }
    }

    @Test("values are exact decimals: integer × 10^scaler")
    func decimalValues() {
        #expect(DecimalText.scaledText(15762, scaler: 0) == "15762")
        #expect(DecimalText.scaledText(1_234_567, scaler: -1) == "123456.7")
        #expect(DecimalText.scaledText(5, scaler: -3) == "0.005")
        #expect(DecimalText.scaledText(-42, scaler: -1) == "-4.2")
        #expect(DecimalText.scaledText(12, scaler: 2) == "1200")
        #expect(DecimalText.scaledText(0, scaler: 2) == "0")
        #expect(DecimalText(integer: 0, scaler: 2)?.value == 0)
        #expect(DecimalText.scaledText(Int64.min, scaler: 0) == "-9223372036854775808")
    }

    @Test("status bits: errors, warnings and informational bits")
    func statusFlags() {
        #expect(AlfenStatus.flags(0x2000_0000).isEmpty)
        #expect(AlfenStatus.flags(0x1000_0000).isEmpty)
        for bit in [1, 2, 16, 30, 31] {
            let flags = AlfenStatus.flags(UInt32(1) << UInt32(bit))
            #expect(flags.map(\.severity) == [.error], "bit \(bit)")
        }
        for bit in [0, 8, 9, 10, 11, 26, 5, 20] {
            let flags = AlfenStatus.flags(UInt32(1) << UInt32(bit))
            #expect(flags.map(\.severity) == [.warning], "bit \(bit)")
        }
        #expect(AlfenStatus.describe(0x2000, adapter: true).english == "0x2000 (start-charge command)")
        #expect(AlfenStatus.describe(0x2000, adapter: true).german == "0x2000 (Befehl Ladebeginn)")
    }
}

@Suite("Alfen verification")
struct AlfenVerificationTests {
    @Test("the TPS test string verifies with its embedded key")
    func validSignature() throws {
        let report = try AlfenFixtures.report(try AlfenFixtures.tpsLine())
        #expect(report.values.map(\.signature) == [.valid])
        #expect(report.values.first?.keySource == .embedded)
        #expect(report.check(.format)?.status == .pass)
        #expect(report.check(.signature)?.status == .pass)
        #expect(report.check(.pairing)?.status == .fail)  // a single start line has no end
        #expect(report.verdict == .unverifiable)
    }

    @Test("a tampered dataset byte makes the signature invalid")
    func tamperedDataset() throws {
        let line = try AlfenFixtures.tpsLine()
        var dataset = try #require(Base32.decode(AlfenFixtures.field(line, 4)))
        dataset[46] ^= 0x01  // the meter value
        let tampered = AlfenFixtures.replacing(line, field: 4, with: AlfenFixtures.base32(dataset))
        #expect(try AlfenFixtures.decode(tampered).0.value == 15763)
        let report = try AlfenFixtures.report(tampered)
        #expect(report.values.map(\.signature) == [.invalid])
        #expect(report.verdict == .invalid)
    }

    @Test("another embedded key makes the signature invalid; another CDR key fails public_key")
    func wrongKey() throws {
        let line = try AlfenFixtures.tpsLine()
        let otherKey = AlfenFixtures.field(try AlfenFixtures.line("safe-verifiertest-2.txt"), 3)
        #expect(otherKey != AlfenFixtures.field(line, 3))
        let swapped = AlfenFixtures.replacing(line, field: 3, with: otherKey)
        let report = try AlfenFixtures.report(swapped)
        #expect(report.values.map(\.signature) == [.invalid])
        #expect(report.verdict == .invalid)

        let signedData = """
            {"encoding_method": "Alfen Eichrecht", "public_key": "\(otherKey)",
             "signed_values": [{"nature": "Start", "signed_data": "\(line)"}]}
            """
        let mismatch = try AlfenFixtures.report(signedData)
        #expect(mismatch.check(.publicKey)?.status == .fail)
        #expect(mismatch.verdict == .invalid)

        let same = signedData.replacingOccurrences(of: otherKey, with: AlfenFixtures.field(line, 3))
        let agreeing = try AlfenFixtures.report(same)
        #expect(agreeing.check(.publicKey)?.status == .pass)
        #expect(agreeing.values.map(\.signature) == [.valid])
    }

    @Test("an adapter error bit fails meter_status despite a valid signature")
    func adapterError() throws {
        let report = try AlfenFixtures.report(try AlfenFixtures.line("safe-verifiertest-2.txt"))
        #expect(report.values.map(\.signature) == [.valid])
        #expect(report.check(.meterStatus)?.status == .fail)
        #expect(report.verdict == .invalid)
    }

    @Test("several raw lines are one session; encoded forms decode too")
    func rawLinesAndTransports() throws {
        let start = try AlfenFixtures.line("evbox-simulator-start.txt")
        let stop = try AlfenFixtures.line("evbox-simulator-stop.txt")
        let report = try AlfenFixtures.report(start + "\n" + stop + "\n")
        #expect(report.values.map(\.nature) == ["Start", "End"])
        #expect(report.values.map(\.signature) == [.valid, .valid])
        #expect(report.session?.energyKWh == "0.138")
        #expect(report.verdict == .verified)

        let base64 = """
            {"encoding_method": "Alfen Eichrecht", "signed_values": [
             {"nature": "Start", "signed_data": "\(Base64.encode(Array(start.utf8)))"},
             {"nature": "End", "plain_data": "\(stop)"}]}
            """
        let encoded = try AlfenFixtures.report(base64)
        #expect(encoded.values.map(\.transport) == [.base64, .plain])
        #expect(encoded.verdict == .verified)
        #expect(encoded.check(.format)?.status == .pass)
    }

    @Test("the OCPI nature must agree with the signed line type")
    func natureMismatch() throws {
        let start = try AlfenFixtures.line("evbox-simulator-start.txt")
        let stop = try AlfenFixtures.line("evbox-simulator-stop.txt")
        let swapped = """
            {"encoding_method": "Alfen Eichrecht", "signed_values": [
             {"nature": "Start", "signed_data": "\(stop)"}, {"nature": "End", "signed_data": "\(start)"}]}
            """
        let report = try AlfenFixtures.report(swapped)
        #expect(report.values.map(\.signature) == [.valid, .valid])
        #expect(report.check(.consistency)?.status == .fail)
        #expect(report.verdict == .invalid)
    }

    @Test("the signed UID is compared with cdr_token.uid by identification (warning only)")
    func uidWarning() throws {
        let start = try AlfenFixtures.line("evbox-simulator-start.txt")
        let stop = try AlfenFixtures.line("evbox-simulator-stop.txt")
        func cdr(uid: String) -> String {
            """
            {"id": "uid-\(uid)", "start_date_time": "2020-01-02T09:37:00Z", "end_date_time": "2020-01-02T09:41:00Z",
             "total_energy": 0.138, "cdr_token": {"uid": "\(uid)", "type": "RFID"},
             "signed_data": {"encoding_method": "Alfen Eichrecht", "signed_values": [
              {"nature": "Start", "signed_data": "\(start)"}, {"nature": "End", "signed_data": "\(stop)"}]}}
            """
        }
        let same = try AlfenFixtures.report(cdr(uid: "045d596a313480"))
        #expect(same.check(.consistency)?.status == .pass)
        #expect(same.check(.identification)?.status == .pass)
        #expect(same.verdict == .verified)
        let other = try AlfenFixtures.report(cdr(uid: "04AABBCCDDEEFF"))
        #expect(other.check(.consistency)?.status == .pass)
        #expect(other.check(.identification)?.status == .warn)
        #expect(other.check(.identification)?.reason.code == "identification.uid_differs")
        #expect(other.verdict == .verified)
    }
}
