import Foundation
import Testing

/// `--key` and `--keys` with key files (Vectors/generated-keys/keys): PEM as `openssl ec -pubout`
/// writes it, binary DER, every text spelling; a key that cannot be read or parsed is a usage error
/// (exit 2, one line on stderr naming the option and the file), never a run of `invalid` verdicts.
@Suite("eichrecht CLI: key files")
struct KeyFileCLITests {
    static let keys = Paths.vectors.appendingPathComponent("generated-keys/keys")
    /// A CDR without a public_key, signed by keys-main.
    static let cdr = Paths.vectors.appendingPathComponent("generated-keys/cdrs/trusted-pem-key-file.json").path

    static func key(_ name: String) -> String { keys.appendingPathComponent(name).path }

    @Test(
        "--key and --keys accept PEM, DER and text key files",
        .enabled(if: CLITests.executable != nil),
        arguments: [
            "main.ec.pub.pem", "keys-main.pub.pem", "main.pub.der", "main.pub.b64", "main.pub.0x.txt",
            "main.pub.keba.txt", "keys-main.pub.hex",
        ])
    func keyFiles(_ name: String) throws {
        for option in ["--key", "--keys"] {
            let run = try CLITests.run(["verify", "--format", "json", option, Self.key(name), Self.cdr])
            #expect(run.status == 0, "\(option) \(name): \(run.stderr)")
            #expect(run.stdout.contains(#""key_source":"trusted""#), "\(option) \(name)")
        }
    }

    @Test("--key as PEM text on the command line", .enabled(if: CLITests.executable != nil))
    func pemArgument() throws {
        let pem = try String(contentsOf: Self.keys.appendingPathComponent("main.ec.pub.pem"), encoding: .utf8)
        // Text starting with "-" needs the `--key=` form, or the parser reads it as an option.
        #expect(try CLITests.run(["verify", "--key=" + pem, Self.cdr]).status == 0)
    }

    @Test(
        "an unusable key file is a usage error: exit 2, one line naming the option and the file",
        .enabled(if: CLITests.executable != nil),
        arguments: [
            ("--key", "broken-truncated.pem"), ("--key", "broken-not-a-key.txt"), ("--key", "broken-empty.txt"),
            ("--key", "broken-binary.der"), ("--key", "keys-main.pem"), ("--keys", "broken-truncated.pem"),
            ("--keys", "broken-list.csv"), ("--keys", "broken-empty.txt"), ("--keys", "broken-binary.der"),
        ])
    func brokenKeyFiles(_ option: String, _ name: String) throws {
        let run = try CLITests.run(["verify", "--format", "json", option, Self.key(name), Self.cdr])
        #expect(run.status == 2, "\(option) \(name)")
        #expect(run.stdout.isEmpty, "no verdicts: \(run.stdout)")
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(run.stderr)")
        #expect(run.stderr.contains(option) && run.stderr.contains(name), "\(run.stderr)")
    }

    @Test("a missing file or key text that is no key is a usage error", .enabled(if: CLITests.executable != nil))
    func missingAndBadText() throws {
        for arguments in [
            ["--key", "no-such-key.pem"], ["--key", "3059zz"], ["--keys", "no-such-list.csv"],
        ] {
            let run = try CLITests.run(["verify"] + arguments + [Self.cdr])
            #expect(run.status == 2, "\(arguments)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            #expect(run.stderr.contains(arguments[0]), "\(run.stderr)")
        }
        let export = try CLITests.run(["export", "--safe-xml", "--key", Self.key("broken-not-a-key.txt"), Self.cdr])
        #expect(export.status == 2)
        #expect(export.stderr.contains("--key"))
    }

    @Test(
        "a readable trusted key of another meter still makes the CDR invalid", .enabled(if: CLITests.executable != nil))
    func otherKey() throws {
        let run = try CLITests.run(["verify", "--format", "json", "--key", Self.key("keys-other.pub.pem"), Self.cdr])
        #expect(run.status == 1)
        #expect(run.stdout.contains(#""verdict":"invalid""#))
    }

    @Test(
        "under --lang de a key usage error is German, under en the English line is unchanged",
        .enabled(if: CLITests.executable != nil),
        arguments: [
            ("--key", "broken-empty.txt", "die Datei ist leer", "the file is empty"),
            (
                "--key", "broken-binary.der", "eine Binärdatei, die keine DER-SubjectPublicKeyInfo ist",
                "a binary file that is not a DER SubjectPublicKeyInfo"
            ),
            (
                "--keys", "broken-list.csv",
                "der Schlüssel für „SECONDMETER“: kein verwendbarer öffentlicher Schlüssel",
                "the key for \"SECONDMETER\": not a usable public key"
            ),
            ("--key", "no-such-key.pem", "keine solche Datei und kein Schlüsseltext", "no such file, and not key text"),
        ])
    func germanKeyProblems(_ option: String, _ name: String, _ german: String, _ english: String) throws {
        for (language, words) in [("de", german), ("en", english)] {
            for command in [["verify", "--lang", language], ["receipt", "--lang", language]] {
                let run = try CLITests.run(command + [option, Self.key(name), Self.cdr])
                #expect(run.status == 2, "\(command) \(option) \(name)")
                #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
                #expect(run.stderr.contains(words), "\(command) \(option) \(name): \(run.stderr)")
            }
        }
    }
}
