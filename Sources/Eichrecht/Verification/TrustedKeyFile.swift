/// Why a key file given to the verifier (`--key`, `--keys`) cannot be used. The texts are in the
/// message catalogue (`Reports/Catalogue/*/…Keys.swift`).
public enum KeyFileError: Error, Sendable, Hashable, CustomStringConvertible, Explained {
    /// The file is empty.
    case empty
    /// The file holds only whitespace.
    case onlyWhitespace
    /// Binary, but not a DER SubjectPublicKeyInfo (which starts with a SEQUENCE, 0x30).
    case binaryNotDER
    /// The file holds a private key.
    case privateKey
    /// The file's key is not a usable public key.
    case unusableKey(KeyInput.DecodingError)
    /// A key list (CSV, JSON) that cannot be read; the error carries the line.
    case unreadableList(InputError)
    /// A key of a list is not a usable public key: the key for `identity`, or the `number`-th.
    case unusableListedKey(identity: String?, number: Int, KeyInput.DecodingError)

    public var code: String {
        switch self {
        case .empty: "key_file.empty"
        case .onlyWhitespace: "key_file.only_whitespace"
        case .binaryNotDER: "key_file.binary_not_der"
        case .privateKey: "key_file.private_key"
        case .unusableKey: "key_file.unusable_key"
        case .unreadableList: "key_file.unreadable_list"
        case .unusableListedKey: "key_file.unusable_listed_key"
        }
    }

    /// What is wrong, in English.
    public var reason: String { english }

    public var description: String { english }
}

extension KeyInput {
    /// A key file's contents: PEM text (as `openssl ec -pubout` writes it), a binary DER
    /// SubjectPublicKeyInfo (`-outform DER`), or key text in any spelling `KeyInput` reads.
    ///
    /// Throws unless the file holds a key that parses for some supported curve: a trusted key the
    /// operator mistyped must stop the run, not turn every record `invalid`.
    public static func load(keyFile bytes: [UInt8]) throws(KeyFileError) -> KeyInput {
        let input = try KeyFileContents.single(bytes)
        _ = try input.validated()
        return input
    }

    /// The key, decoded for whichever supported curve it names or fits; throws why it is none.
    public func validated() throws(KeyFileError) -> PublicKey {
        switch publicKey(for: nil) {
        case .success(let key): return key
        case .failure(let error): throw KeyFileError.unusableKey(error)
        }
    }
}

extension TrustedKeys {
    /// A key list file (`--keys`): a list as `parse(_:)` reads it, or a single key as PEM, binary
    /// DER or text, trusted for every meter. Throws unless the file is readable and every key in it
    /// parses for some supported curve.
    public static func load(keyFile bytes: [UInt8]) throws(KeyFileError) -> TrustedKeys {
        if KeyFileContents.isBinary(bytes) || KeyFileContents.isPEM(bytes) {
            return TrustedKeys([Entry(identity: nil, key: try KeyInput.load(keyFile: bytes))])
        }
        let list: TrustedKeys
        do { list = try parse(bytes) } catch { throw KeyFileError.unreadableList(error) }
        for (index, entry) in list.entries.enumerated() {
            if case .failure(let error) = entry.key.publicKey(for: nil) {
                throw KeyFileError.unusableListedKey(identity: entry.identity, number: index + 1, error)
            }
        }
        return list
    }
}

/// How a key file's bytes are told apart.
enum KeyFileContents {
    /// Binary: not UTF-8, or control bytes other than tab and line breaks (a DER file).
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        guard String(validating: bytes, as: UTF8.self) != nil else { return true }
        return bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    }

    /// PEM text: holds a `-----BEGIN ` marker.
    static func isPEM(_ bytes: [UInt8]) -> Bool {
        KeyEnvelope.pemBody(String(decoding: bytes, as: UTF8.self)) != nil
    }

    /// The one key a file holds, before validation.
    static func single(_ bytes: [UInt8]) throws(KeyFileError) -> KeyInput {
        if bytes.isEmpty { throw KeyFileError.empty }
        if isBinary(bytes) {
            guard bytes.first == 0x30 else {
                throw KeyFileError.binaryNotDER
            }
            return KeyInput(bytes: bytes)
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.contains("PRIVATE KEY-----") {
            throw KeyFileError.privateKey
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.trimmingCharacters(in: " \t\r\n")
        if text.isEmpty { throw KeyFileError.onlyWhitespace }
        return KeyInput(text: text)
    }
}
