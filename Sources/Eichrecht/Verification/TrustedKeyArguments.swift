import Foundation

/// Reads trusted keys as the command-line tools take them (`--key KEY`, `--keys FILE` of
/// `eichrecht` and `eichrecht-server`): a key that cannot be read or parsed is a usage error with one
/// line naming the option, the file and what is wrong. One rule for every tool that takes keys.
public enum TrustedKeyArguments {
    /// A key argument that cannot be used, as the one line a tool prints.
    public struct Problem: Error, Sendable {
        public var line: String
    }

    /// The largest key file read.
    static let maximumFileSize = 64 << 20

    /// The trusted keys of a `--key` argument (key text or a key file) and a `--keys` file.
    public static func trustedKeys(key: String?, keys: String?) throws(Problem) -> TrustedKeys {
        var trusted: [TrustedKeys.Entry] = []
        if let key { trusted.append(TrustedKeys.Entry(identity: nil, key: try Self.key(key, option: "--key"))) }
        if let keys { trusted.append(contentsOf: try keyList(keys).entries) }
        return TrustedKeys(trusted)
    }

    /// `--key`: key text, or the path of a file that holds one key (PEM, binary DER or text).
    public static func key(_ argument: String, option: String) throws(Problem) -> KeyInput {
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
    public static func keyList(_ path: String) throws(Problem) -> TrustedKeys {
        let bytes = try read(path, option: "--keys")
        do { return try TrustedKeys.load(keyFile: bytes) } catch {
            throw Problem(line: "--keys \(path): \(error.reason)")
        }
    }

    private static func read(_ path: String, option: String) throws(Problem) -> [UInt8] {
        do { return try readFile(path) } catch {
            throw Problem(line: "\(option) \(path): cannot be read: \(error.reason)")
        }
    }

    /// The whole of a small file (at most 64 MiB).
    private static func readFile(_ path: String) throws(InputError) -> [UInt8] {
        let source = try FileSource(path: path)
        var bytes: [UInt8] = []
        while true {
            let chunk = try source.read(maximum: 1 << 20)
            if chunk.isEmpty { return bytes }
            bytes += chunk
            if bytes.count > maximumFileSize { throw InputError(.fileTooLarge(mebibytes: 64)) }
        }
    }

    /// The argument as one short line: line breaks shown as spaces, long text cut.
    private static func shown(_ text: String) -> String {
        let flat = text.map { $0.isNewline ? " " : $0 }
        return flat.count > 48 ? "\"\(String(flat.prefix(45)))…\"" : "\"\(String(flat))\""
    }
}
