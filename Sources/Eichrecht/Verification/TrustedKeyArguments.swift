import Foundation

/// Reads trusted keys as the command-line tools take them (`--key KEY`, `--keys FILE` of
/// `eichrecht` and `eichrecht-server`): a key that cannot be read or parsed is a usage error with one
/// line naming the option, the file and what is wrong. One rule for every tool that takes keys.
public enum TrustedKeyArguments {
    /// A key argument that cannot be used: the option, the argument as shown, and what is wrong.
    /// A tool prints it as one line in its language (`text(_:)`; the texts are in the message
    /// catalogue).
    public struct Problem: Error, Sendable, Worded {
        /// `--key` or `--keys`.
        public var option: String
        /// The argument as given (a path), or shortened to one line (key text).
        public var argument: String
        public var kind: Kind

        public enum Kind: Sendable {
            /// The file exists but cannot be read.
            case unreadableFile(InputError)
            /// The file holds no usable key (or key list).
            case unusableFile(KeyFileError)
            /// No such file, and the argument is no key text either.
            case neitherFileNorKey(KeyInput.DecodingError)
        }
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
                throw Problem(option: option, argument: argument, kind: .unusableFile(error))
            }
        }
        let input = KeyInput(text: argument)
        if case .failure(let error) = input.publicKey(for: nil) {
            throw Problem(option: option, argument: shown(argument), kind: .neitherFileNorKey(error))
        }
        return input
    }

    /// `--keys`: the path of a key list (CSV, JSON) or of one key (PEM, DER, text).
    public static func keyList(_ path: String) throws(Problem) -> TrustedKeys {
        let bytes = try read(path, option: "--keys")
        do { return try TrustedKeys.load(keyFile: bytes) } catch {
            throw Problem(option: "--keys", argument: path, kind: .unusableFile(error))
        }
    }

    private static func read(_ path: String, option: String) throws(Problem) -> [UInt8] {
        do { return try readFile(path) } catch {
            throw Problem(option: option, argument: path, kind: .unreadableFile(error))
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
