import Foundation
import Testing

@testable import Eichrecht

/// Bad input never crashes: unreadable input is an `InputError` with a position, bad signed data
/// inside a readable CDR is a verdict with a reason.
@Suite("Bad input")
struct RobustnessTests {
    static let record =
        (try? Paths.bytes(Paths.corpus.appendingPathComponent("ocmf-spec/ts-fromweb-0.ocmf.txt")))
        .map { String(decoding: $0, as: UTF8.self) } ?? ""

    static func cdr(signedData: String, publicKey: String = "", method: String = "OCMF") -> String {
        let escaped = signedData.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
            of: "\"", with: "\\\"")
        return
            #"{"id":"X","total_energy":0.0001,"start_date_time":"2019-08-13T10:00:00Z","end_date_time":"2019-08-13T10:05:00Z","signed_data":{"encoding_method":"\#(method)","public_key":"\#(publicKey)","signed_values":[{"nature":"End","plain_data":"","signed_data":"\#(escaped)"}]}}"#
    }

    static func verify(_ json: String) throws -> Report {
        try Verifier().verify(cdrJSON: Array(json.utf8))
    }

    @Test func goodCDRVerifiesAsBaseline() throws {
        let key = String(
            decoding: try Paths.bytes(Paths.corpus.appendingPathComponent("ocmf-spec/ts-fromweb.pubkey.txt")),
            as: UTF8.self)
        let report = try Self.verify(Self.cdr(signedData: Base64.encode(Array(Self.record.utf8)), publicKey: key))
        #expect(report.verdict == .verified, "\(report.reason)")
    }

    @Test(
        "bad signed data gives a verdict with its reason",
        arguments: [
            ("truncated base64", String(Base64.encode(Array(record.utf8)).dropLast(5)), CheckCode.format),
            ("odd-length hex", String(Hex.encode(Array(record.utf8)).dropLast()), CheckCode.format),
            ("broken OCMF JSON", record.replacingOccurrences(of: "\"RD\":[", with: "\"RD\":[[["), CheckCode.format),
            ("empty signed data", "", CheckCode.format),
            ("1 MB of signed data", String(repeating: "A", count: 1 << 20), CheckCode.format),
            (
                "1 MB OCMF payload",
                "OCMF|{\"PG\":\"T1\",\"X\":\"" + String(repeating: "a", count: 1 << 20)
                    + "\",\"RD\":[]}|{\"SD\":\"00\"}", CheckCode.format
            ),
        ])
    func badSignedData(_ name: String, _ signedData: String, _ failing: CheckCode) throws {
        let report = try Self.verify(
            Self.cdr(signedData: signedData, publicKey: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"))
        #expect(report.verdict == .invalid, "\(name): \(report.verdict)")
        #expect(report.check(failing)?.status == .fail, "\(name): \(report.check(failing)?.reason.text(.en) ?? "")")
        #expect(!report.reason.text(.en).isEmpty)
    }

    @Test(
        "bad keys fail public_key",
        arguments: [
            "3059301306072A8648CE3D0201",  // truncated SPKI
            "04AABB",  // a point of the wrong length
            "@@@@",  // not an encoding at all
            String(repeating: "00", count: 64),  // X‖Y not on the curve
        ])
    func badKeys(_ key: String) throws {
        let report = try Self.verify(Self.cdr(signedData: Self.record, publicKey: key))
        #expect(report.verdict == .invalid)
        #expect(report.check(.publicKey)?.status == .fail, "\(report.check(.publicKey)?.reason.text(.en) ?? "")")
        #expect(report.values.first?.signature == .unchecked)
    }

    @Test func unknownEncodingMethodIsUnverifiable() throws {
        let report = try Self.verify(Self.cdr(signedData: "c29tZXRoaW5nIGVsc2U=", method: "Foo Meter"))
        #expect(report.verdict == .unverifiable)
        #expect(report.check(.format)?.status == .skip)
    }

    @Test func unreadableCDRFieldsStillGiveAVerdict() throws {
        let json = #"{"id":7,"total_energy":"lots","start_date_time":"soon","signed_data":{"signed_values":"x"}}"#
        let report = try Self.verify(json)
        #expect(report.verdict == .invalid)
        #expect(report.check(.format)?.status == .fail)
        #expect(report.cdr?.problems.count == 2)
    }

    @Test func nonUTF8Input() {
        var bytes = Array(Self.cdr(signedData: Self.record).utf8)
        bytes.insert(0xFF, at: 10)
        #expect(throws: InputError.self) { try Verifier().verify(document: bytes) }
        #expect(throws: InputError.self) { try Verifier().verify(document: [0xFF, 0xFE, 0x00, 0x41]) }
        #expect(throws: InputError.self) { try Verifier().verify(document: []) }
    }

    /// Deterministic mutations of real inputs: whatever comes out, nothing traps.
    @Test func mutationsNeverCrash() throws {
        var generator = SplitMix64(seed: 0x5EED)
        let seeds: [[UInt8]] = try [
            Array(
                Self.cdr(
                    signedData: Base64.encode(Array(Self.record.utf8)),
                    publicKey: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"
                ).utf8),
            Array(Self.record.utf8),
            Paths.bytes(Paths.generatedOCMF.appendingPathComponent("cdrs/input-array.json")),
        ]
        var reports = 0
        var errors = 0
        for seed in seeds {
            for _ in 0..<700 {
                let bytes = generator.mutate(seed, symbols: Array("{}[]|\",:0A=".utf8), emptyByte: 0x7B)
                do {
                    reports += try Verifier().verify(document: bytes).count
                } catch {
                    errors += 1
                }
            }
        }
        #expect(reports + errors >= 2100)
    }
}

/// A small deterministic PRNG for reproducible mutation tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `seed` with one to four random edits: a byte replaced, removed, a syntax `symbol` inserted,
    /// or the tail cut off. An edit that empties the bytes leaves `[emptyByte]`.
    mutating func mutate(_ seed: [UInt8], symbols: [UInt8], emptyByte: UInt8) -> [UInt8] {
        var bytes = seed
        for _ in 0..<(1 + Int(next() % 4)) {
            let index = Int(next() % UInt64(bytes.count))
            switch next() % 4 {
            case 0: bytes[index] = UInt8(truncatingIfNeeded: next())
            case 1: bytes.remove(at: index)
            case 2: bytes.insert(symbols[Int(next() % UInt64(symbols.count))], at: index)
            default: bytes = Array(bytes[..<index])
            }
            if bytes.isEmpty { bytes = [emptyByte] }
        }
        return bytes
    }
}
