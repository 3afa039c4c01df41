import Eichrecht
import Foundation

/// Reads the key options (`--key`, `--keys`) for `validate()` and `run()`: a key that cannot be read
/// or parsed is a usage error with one line naming the option, the file and what is wrong.
enum KeyOption {
    /// A key option that cannot be used, as the one line the CLI prints.
    struct Problem: Error {
        var line: String
    }

    /// `--key`: key text, or the path of a file that holds one key (PEM, binary DER or text).
    static func key(_ argument: String, option: String) throws(Problem) -> KeyInput {
        if FileManager.default.fileExists(atPath: argument) {
            let bytes = try read(argument, option: option)
            do { return try KeyInput.load(keyFile: bytes) } catch {
                throw Problem(line: "\(option) \(argument): \(error.reason)")
            }
        }
        let input = KeyInput(text: argument)
        do { _ = try input.validated() } catch {
            throw Problem(line: "\(option) \(shown(argument)): no such file, and not key text (\(error.reason))")
        }
        return input
    }

    /// `--keys`: the path of a key list (CSV, JSON) or of one key (PEM, DER, text).
    static func keyList(_ path: String) throws(Problem) -> TrustedKeys {
        let bytes = try read(path, option: "--keys")
        do { return try TrustedKeys.load(keyFile: bytes) } catch {
            throw Problem(line: "--keys \(path): \(error.reason)")
        }
    }

    private static func read(_ path: String, option: String) throws(Problem) -> [UInt8] {
        do { return try Verify.readFile(path) } catch {
            throw Problem(line: "\(option) \(path): cannot be read: \(error.reason)")
        }
    }

    /// The argument as one short line: line breaks shown as spaces, long text cut.
    private static func shown(_ text: String) -> String {
        let flat = text.map { $0.isNewline ? " " : $0 }
        return flat.count > 48 ? "\"\(String(flat.prefix(45)))…\"" : "\"\(String(flat))\""
    }
}
