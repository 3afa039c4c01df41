import Foundation
import Testing

@testable import Eichrecht

@Suite("Text encodings")
struct EncodingTests {
    @Test func hex() {
        #expect(Hex.decode("00ff10Ab") == [0x00, 0xFF, 0x10, 0xAB])
        #expect(Hex.decode("0x30 59:30-13", lenient: true) == [0x30, 0x59, 0x30, 0x13])
        #expect(Hex.decode("abc") == nil, "odd length")
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.decode("30 59") == nil, "spaces only in lenient mode")
        #expect(Hex.encode([0xDE, 0xAD], uppercase: true) == "DEAD")
    }

    @Test func base64() {
        #expect(Base64.decode("TWFu") == Array("Man".utf8))
        #expect(Base64.decode("TWE=") == Array("Ma".utf8))
        #expect(Base64.decode("TWE") == Array("Ma".utf8), "padding is optional")
        #expect(Base64.decode("TQ==") == Array("M".utf8))
        #expect(Base64.decode("-_8=") == [0xFB, 0xFF], "URL-safe alphabet")
        #expect(Base64.decode("TW\nFu") == Array("Man".utf8), "line breaks are skipped")
        #expect(Base64.decode("T") == nil, "a truncated final group")
        #expect(Base64.decode("TW=u") == nil, "padding in the middle")
        #expect(Base64.decode("TW|u") == nil)
        #expect(Base64.decode("TR==") == nil, "non-zero trailing bits")
        let all = (0...255).map { UInt8($0) }
        #expect(Base64.decode(Base64.encode(all)) == all)
    }

    @Test func base32() {
        #expect(Base32.decode("MZXW6===") == Array("foo".utf8))
        #expect(Base32.decode("mzxw6") == Array("foo".utf8))
        #expect(Base32.decode("MZXW6YTBOI======") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil, "1 is not in the alphabet")
        #expect(Base32.decode("MZ=XW") == nil)
    }

    @Test func decimalText() throws {
        let value = try #require(DecimalText("2935.600"))
        #expect(value.value == Decimal(string: "2935.6"))
        #expect(value.resolution == Decimal(string: "0.001"))
        #expect(value.text == "2935.600")
        let exponent = try #require(DecimalText("1.606848e7"))
        #expect(exponent.value == Decimal(16_068_480))
        #expect(exponent.resolution == Decimal(10))
        let padded = try #require(DecimalText("       3.988"))
        #expect(padded.value == Decimal(string: "3.988"))
        #expect(DecimalText("00000000.000")?.value == 0)
        #expect(DecimalText("-0.5")?.value == Decimal(string: "-0.5"))
        for bad in ["", "abc", "1.2.3", "1e", "12a", ".", "1e9999", "--1", "0x10"] {
            #expect(DecimalText(bad) == nil, "\(bad)")
        }
        // Exact: no binary floating point in between.
        #expect(DecimalText("0.1")!.value + DecimalText("0.2")!.value == DecimalText("0.3")!.value)
    }

    @Test func keyTextSpellings() throws {
        let file = try Paths.bytes(Paths.corpus.appendingPathComponent("ocmf-spec/ts-fromweb.pubkey.txt"))
        let text = String(decoding: file, as: UTF8.self)
        let key = try KeyInput(text: text).publicKey(for: .prime256v1).get()
        #expect(key.curve == .prime256v1)
        let spaced = stride(from: 0, to: text.count, by: 4).map { offset -> String in
            let start = text.index(text.startIndex, offsetBy: offset)
            let end = text.index(start, offsetBy: min(4, text.count - offset))
            return String(text[start..<end])
        }.joined(separator: " ")
        let der = key.spkiDER
        let raw = Array(key.point.dropFirst())
        let spellings: [String] = [
            text, text.lowercased(), spaced, Base64.encode(der), Base64.encode(Array(text.utf8)),
            Hex.encode(key.point), Hex.encode(raw), "oca:base16:asn1:" + text,
            Base64.encode(Array(("oca:base16:asn1:" + text).utf8)), "  \"\(text)\"\n",
        ]
        for spelling in spellings {
            let result = KeyInput(text: spelling).publicKey(for: .prime256v1)
            #expect((try? result.get()) == key, "\(spelling): \(result)")
        }
        #expect(throws: KeyInput.DecodingError.self) { try KeyInput(text: "").publicKey(for: .prime256v1).get() }
        #expect(throws: KeyInput.DecodingError.self) {
            try KeyInput(text: "not a key!").publicKey(for: .prime256v1).get()
        }
        #expect(throws: KeyInput.DecodingError.self) { try KeyInput(text: "3059").publicKey(for: .prime256v1).get() }
    }
}

@Suite("Times")
struct TimeTests {
    @Test func ocmfTime() throws {
        let (time, deviation) = try #require(OCMFTime.parse("2018-07-24T13:22:04,000+0200 S"))
        #expect(time.isoUTC == "2018-07-24T11:22:04Z")
        #expect(time.clock == .synchronised)
        #expect(time.utcOffsetSeconds == 7200)
        #expect(deviation == nil)
        #expect(try #require(OCMFTime.parse("2019-08-13T10:03:36,000+0000 R")).0.clock == .relative)
        #expect(try #require(OCMFTime.parse("2019-08-13T10:03:36,123-0130 I")).0.isoUTC == "2019-08-13T11:33:36.123Z")
        #expect(
            try #require(OCMFTime.parse("1970-01-01T01:01:49,000+0100 S")).0.clock == .unknown,
            "a 1970 clock was never set")
        #expect(OCMFTime.parse("2018-07-24T13:22:04,000+02:00 S")?.1 != nil, "colon offset is a deviation")
        for bad in [
            "", "2018-07-24", "2018-13-24T13:22:04,000+0200 S", "2018-02-30T13:22:04,000+0200 S",
            "2018-07-24T13:22:04,000+0200 Q", "2018-07-24T13:22:04,000+0200  S", "garbage",
        ] {
            #expect(OCMFTime.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func ocpiTime() throws {
        #expect(try #require(OCPITime("2015-06-29T20:39:09Z")).isoUTC == "2015-06-29T20:39:09Z")
        #expect(try #require(OCPITime("2016-12-29T17:45:09.2")).epochMilliseconds % 1000 == 200)
        #expect(try #require(OCPITime("2018-01-01T01:08:01.123Z")).isoUTC == "2018-01-01T01:08:01.123Z")
        #expect(try #require(OCPITime("2018-01-01T03:08:01+02:00")).isoUTC == "2018-01-01T01:08:01Z")
        #expect(try #require(OCPITime("1970-01-01T00:00:00Z")).isUnknown)
        #expect(OCPITime("yesterday") == nil)
        #expect(OCPITime("2018-01-01T01:08:01Zjunk") == nil)
    }

    @Test func civilRoundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = CivilTime.civilFromDays(days)
            #expect(CivilTime.daysFromCivil(year: y, month: m, day: d) == days)
        }
    }
}
