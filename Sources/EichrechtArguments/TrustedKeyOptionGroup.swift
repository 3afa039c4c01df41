import ArgumentParser
import Eichrecht
import Foundation

/// `--key` and `--keys`, the trusted keys of every tool that verifies (`eichrecht verify`,
/// `receipt`, `eichrecht-server`): one declaration, one help text, one reading rule
/// (`TrustedKeyArguments`).
public struct TrustedKeyOptionGroup: ParsableArguments, Sendable {
    @Option(
        help:
            "A trusted public key (hex, base64, SPKI, SEC1, X‖Y, PEM), or a file that holds one (PEM, DER or text).")
    public var key: String?

    @Option(
        help: ArgumentHelp(
            "A file of trusted keys: CSV (meter,key), JSON ({\"meter\": \"key\"}), or one key as PEM or DER.",
            valueName: "file"))
    public var keys: String?

    public init() {}

    /// The keys of `--key` and `--keys`. A key that cannot be used is a usage error, never a run of
    /// `invalid` verdicts: one line `program: problem` in `language` on standard error, exit
    /// status 2.
    public func trustedKeys(program: String, language: Language = .en) throws -> TrustedKeys {
        do {
            return try TrustedKeyArguments.trustedKeys(key: key, keys: keys)
        } catch {
            try? FileHandle.standardError.write(
                contentsOf: Array("\(program): \(TextSafety.escaped(error.text(language)))\n".utf8))
            throw ExitCode(2)
        }
    }
}
