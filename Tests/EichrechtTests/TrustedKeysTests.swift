import Foundation
import Testing

@testable import Eichrecht

/// Trusted key lists (`--keys`): CSV and JSON parsing, and what a list means for `public_key` and
/// `key_trust` — a listed meter's key must be the one used, an unlisted meter keeps its CDR's or
/// record's key with a warning.
@Suite("Trusted key lists")
struct TrustedKeysTests {
    static let generated = Paths.vectors.appendingPathComponent("generated-ocpp-safe-pcdf-bsm")

    static func list(_ name: String) throws -> TrustedKeys {
        try TrustedKeys.parse(Paths.bytes(generated.appendingPathComponent("keys/\(name)")))
    }

    static func verify(_ file: String, keys: TrustedKeys) throws -> [Report] {
        var options = VerificationOptions()
        options.trustedKeys = keys
        return try Verifier(options: options).verify(document: Paths.bytes(generated.appendingPathComponent(file)))
    }

    static func status(_ report: Report?, _ code: CheckCode) -> CheckStatus? { report?.check(code)?.status }

    @Test("CSV: header, comments, separators, key spellings")
    func csv() throws {
        let keys = try Self.list("trusted-main.csv")
        #expect(keys.entries.count == 3)
        #expect(keys.entries.map(\.identity) == ["1ACME0000007", "ACME0000002", "001BZR5555500005"])
        let semicolons = try TrustedKeys.parse(Array("serial;key\n\n# c\n A-1 ; 0011 \n".utf8))
        #expect(semicolons.entries.first?.identity == "A-1")
        #expect(semicolons.entries.first?.key.description == "0011")
        #expect(throws: InputError.self) { try TrustedKeys.parse(Array("a,b\nc\n".utf8)) }
        #expect(throws: InputError.self) { try TrustedKeys.parse(Array("# only a comment\n".utf8)) }
        let bare = try TrustedKeys.parse(Array("3059AB\n".utf8))
        #expect(bare.entries.first?.identity == nil)
    }

    @Test("JSON: an object of meter to key, or an array of entries naming their meter")
    func json() throws {
        let keys = try Self.list("trusted-main.json")
        #expect(keys.entries.count == 3)
        #expect(try Self.list("trusted-other.json").entries.count == 3)
        let ids = try TrustedKeys.parse(
            Array(#"[{"server_id":"0A 01 44 5A","key":"00"},{"meter_id":7,"publicKey":"01"}]"#.utf8))
        #expect(ids.entries.map(\.identity) == ["0A 01 44 5A", "7"])
        #expect(throws: InputError.self) {
            try TrustedKeys.parse(Array(#"[{"meter":"a","public_key":"00"},{"public_key":"01"}]"#.utf8))
        }
        #expect(throws: InputError.self) { try TrustedKeys.parse(Array(#"{"a": 5}"#.utf8)) }
        #expect(throws: InputError.self) { try TrustedKeys.parse(Array(#"[{"meter":"a"}]"#.utf8)) }
        #expect(throws: InputError.self) { try TrustedKeys.parse(Array("[1,".utf8)) }
        let single = try TrustedKeys.parse(Array(#"[{"public_key":"00"}]"#.utf8))
        #expect(single.entries.first?.identity == nil)
    }

    @Test("identities match ignoring case, spaces, dashes and colons, serial or gateway serial")
    func matching() {
        let keys = TrustedKeys([.init(identity: "0a-01:44 5a", key: KeyInput(text: "00"))])
        #expect(keys.entry(for: MeterIdentity(serial: "0A01445A")) != nil)
        #expect(keys.entry(for: MeterIdentity(serial: "X", gatewaySerial: "0A01445a")) != nil)
        #expect(keys.entry(for: MeterIdentity(serial: "0A01445B")) == nil)
    }

    @Test(
        "a listed meter's key passes public_key and key_trust (CSV and JSON)",
        arguments: ["trusted-main.csv", "trusted-main.json"])
    func listedKey(_ list: String) throws {
        for file in ["cdrs/ocmf-cdr.json", "cdrs/pcdf-cdr.json", "bsm/bsm-good.json", "safe/safe-ocmf-pair.xml"] {
            let report = try Self.verify(file, keys: try Self.list(list)).first
            #expect(report?.verdict == .verified, "\(file): \(report?.reason.code ?? "")")
            #expect(Self.status(report, .publicKey) == .pass, "\(file)")
            #expect(Self.status(report, .keyTrust) == .pass, "\(file)")
            #expect(report?.values.allSatisfy { $0.keySource == .trusted } == true, "\(file)")
        }
    }

    @Test("a key that differs from the listed one fails public_key")
    func differingKey() throws {
        for file in [
            "cdrs/ocmf-cdr.json", "cdrs/pcdf-cdr.json", "bsm/bsm-good.json", "ocpp/ocpp201-transaction-event.json",
        ] {
            let report = try Self.verify(file, keys: try Self.list("trusted-other.json")).first
            #expect(report?.verdict == .invalid, "\(file)")
            #expect(
                Self.status(report, .publicKey) == .fail,
                "\(file): \(report?.check(.publicKey)?.reason.text(.en) ?? "")")
        }
    }

    @Test("a meter not in the list keeps its CDR's or record's key, and key_trust warns")
    func unlistedMeter() throws {
        for file in ["cdrs/ocmf-cdr.json", "cdrs/pcdf-cdr.json", "bsm/bsm-good.json"] {
            let report = try Self.verify(file, keys: try Self.list("trusted-unlisted.csv")).first
            #expect(report?.verdict == .verified, "\(file): \(report?.reason.code ?? "")")
            #expect(Self.status(report, .publicKey) == .pass, "\(file)")
            #expect(Self.status(report, .keyTrust) == .warn, "\(file)")
        }
    }

    @Test("with a listed key and no key in the data, the listed key verifies alone")
    func listedKeyOnly() throws {
        let report = try Self.verify("safe/safe-no-key.xml", keys: try Self.list("trusted-main.csv")).first
        #expect(report?.verdict == .verified, "\(report?.reason.code ?? "")")
        #expect(Self.status(report, .keyTrust) == .pass)
        let unlisted = try Self.verify("safe/safe-no-key.xml", keys: try Self.list("trusted-unlisted.csv")).first
        #expect(unlisted?.verdict == .unverifiable)
    }

    @Test("--keys on the command line", .enabled(if: CLITests.executable != nil))
    func commandLine() throws {
        let file = Self.generated.appendingPathComponent("cdrs/ocmf-cdr.json").path
        let keys = Self.generated.appendingPathComponent("keys")
        let listed = try CLITests.run([
            "verify", "--format", "json", "--keys", keys.appendingPathComponent("trusted-main.csv").path, file,
        ])
        #expect(listed.status == 0 && listed.stdout.contains(#""key_source":"trusted""#))
        let other = try CLITests.run(["verify", "--keys", keys.appendingPathComponent("trusted-other.json").path, file])
        #expect(other.status == 1)
        let brokenList = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString).json")
        try Data("[{\"meter\":".utf8).write(to: brokenList)
        defer { try? FileManager.default.removeItem(at: brokenList) }
        let broken = try CLITests.run(["verify", "--keys", brokenList.path, file])
        #expect(broken.status == 2 && broken.stderr.contains(brokenList.lastPathComponent))
    }
}
