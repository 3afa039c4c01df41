import Foundation
import Testing

@testable import Eichrecht

/// Keys as devices and operators send them (Scripts/generate_key_vectors.py): inside a KEBA P30
/// JSON envelope, base64 of hex, `0x` hex, PEM pasted into a field; a trusted key that wins over a
/// key nobody can read; key files in PEM, DER and text. Every positive case has a negative twin.
@Suite("Key envelopes and key files")
struct KeyEnvelopeTests {
    static let root = Paths.vectors.appendingPathComponent("generated-keys")
    static let keys = root.appendingPathComponent("keys")

    static func text(_ name: String) throws -> String {
        String(decoding: try Paths.bytes(keys.appendingPathComponent(name)), as: UTF8.self)
    }

    static func mainKey() throws -> PublicKey {
        try #require(try? KeyInput(text: text("keys-main.pub.hex")).publicKey(for: .prime256v1).get())
    }

    @Test("the manifest covers every envelope, its negative twin and the trusted-key rule")
    func coverage() {
        let vectors = GeneratedVector.load(Self.root)
        #expect(vectors.count >= 30)
        #expect(vectors.contains { $0.verdicts == ["verified"] && $0.checks.contains { $0 == ("public_key", "warn") } })
        #expect(vectors.contains { $0.file.contains("wrong-key") && $0.verdicts == ["invalid"] })
        #expect(vectors.contains { $0.file.contains("keba") && $0.verdicts == ["verified"] })
    }

    @Test("every spelling of one key decodes to the same key; the envelope is named")
    func spellings() throws {
        let main = try Self.mainKey()
        let hex = Hex.encode(main.spkiDER, uppercase: false)
        let pem = try Self.text("keys-main.pub.pem")
        let cases: [(String, String?)] = [
            (Base64.encode(Array(#"{"UK":"\#(hex)"}"#.utf8)), #"a JSON object's member "UK""#),
            (#"{"UK": "\#(hex)"}"#, #"a JSON object's member "UK""#),
            (#"{"type":"EC","publicKey":"\#(Base64.encode(main.spkiDER))"}"#, #"member "publicKey""#),
            (Base64.encode(Array(hex.utf8)), nil),
            ("0x" + hex, nil),
            ("0X" + hex.uppercased(), nil),
            (pem, "PEM text"),
            (pem.replacingOccurrences(of: "\n", with: ""), "PEM text"),
            (pem.replacingOccurrences(of: "\n", with: "\\n"), "PEM text"),
            (Base64.encode(Array(pem.utf8)), "base64 of PEM text"),
            (pem.filter { !$0.isWhitespace }, "PEM text"),
        ]
        for (text, envelope) in cases {
            let key = try #require(try? KeyInput(text: text).publicKey(for: .prime256v1).get(), "\(text)")
            #expect(key == main, "\(text)")
            if let envelope {
                #expect(key.envelope?.contains(envelope) == true, "\(text): \(key.envelope ?? "none")")
            } else {
                #expect(key.envelope == nil, "\(text)")
            }
        }
    }

    @Test("an envelope with no key, or two, gives no key")
    func emptyEnvelopes() {
        for text in [
            Base64.encode(Array(#"{"UK":"not a key"}"#.utf8)), #"{"UK":"3059","PK":"3059"}"#, "{}", "{\"UK\": 5}",
            "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----", "{\"UK\":", String(repeating: "{", count: 50),
        ] {
            #expect(throws: KeyInput.DecodingError.self, "\(text)") {
                _ = try KeyInput(text: text).publicKey(for: .prime256v1).get()
            }
        }
    }

    @Test("nested wrappers are bounded")
    func depthBound() throws {
        let hex = Hex.encode(try Self.mainKey().spkiDER, uppercase: false)
        var text = hex
        for _ in 0..<8 { text = Base64.encode(Array(#"{"UK":"\#(text)"}"#.utf8)) }
        #expect(throws: KeyInput.DecodingError.self) { _ = try KeyInput(text: text).publicKey(for: .prime256v1).get() }
    }

    @Test("the envelope is a deviation of the record that carries the wrapped key")
    func deviationReported() throws {
        let report = try #require(
            try Verifier().verify(
                document: Paths.bytes(Self.root.appendingPathComponent("cdrs/envelope-keba-base64-json.json"))
            ).first)
        #expect(report.verdict == .verified)
        #expect(report.values.allSatisfy { $0.deviations.contains { $0.description.contains(#"member "UK""#) } })
    }

    @Test("an unreadable CDR key set aside for the trusted key is named in the warning")
    func setAsideNamed() throws {
        var options = VerificationOptions()
        options.trustedKeys = TrustedKeys([.init(key: KeyInput(text: try Self.text("keys-main.pub.hex")))])
        let report = try #require(
            try Verifier(options: options).verify(
                document: Paths.bytes(
                    Self.root.appendingPathComponent("cdrs/trusted-over-unreadable-garbage.json"))
            ).first)
        let check = try #require(report.checks.first { $0.code == .publicKey })
        #expect(check.status == .warn)
        #expect(check.reason.code == "public_key.set_aside")
        guard case .setAside(let problems)? = check.reason as? PublicKeyReason else {
            Issue.record("public_key: \(check.reason.code)")
            return
        }
        #expect(problems.contains { if case .unusable(.cdr, _) = $0 { true } else { false } })
    }

    @Test("key files: PEM, DER and text load; broken ones throw")
    func keyFiles() throws {
        let main = try Self.mainKey()
        for name in [
            "main.ec.pub.pem", "keys-main.pub.pem", "main.pub.der", "main.pub.b64", "main.pub.0x.txt",
            "main.pub.keba.txt", "keys-main.pub.hex",
        ] {
            let bytes = try Paths.bytes(Self.keys.appendingPathComponent(name))
            let input = try KeyInput.load(keyFile: bytes)
            #expect(try input.validated() == main, "\(name)")
            let list = try TrustedKeys.load(keyFile: bytes)
            #expect(list.entries.count == 1 && list.entries.first?.identity == nil, "\(name)")
        }
        let pemList = try TrustedKeys.load(
            keyFile: Paths.bytes(Self.keys.appendingPathComponent("trusted-main-pem-list.json")))
        #expect(try pemList.entries.first?.key.validated() == main)
        for name in [
            "broken-truncated.pem", "broken-not-a-key.txt", "broken-empty.txt", "broken-binary.der", "keys-main.pem",
        ] {
            let bytes = try Paths.bytes(Self.keys.appendingPathComponent(name))
            #expect(throws: KeyFileError.self, "\(name)") { _ = try KeyInput.load(keyFile: bytes) }
            #expect(throws: KeyFileError.self, "\(name)") { _ = try TrustedKeys.load(keyFile: bytes) }
        }
        let list = try Paths.bytes(Self.keys.appendingPathComponent("broken-list.csv"))
        #expect {
            _ = try TrustedKeys.load(keyFile: list)
        } throws: { error in
            (error as? KeyFileError)?.reason.contains("SECONDMETER") == true
        }
    }
}
