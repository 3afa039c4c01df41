/// Why a key file given to the verifier (`--key`, `--keys`) cannot be used.
public struct KeyFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in words.
    public var reason: String

    /// An error saying `reason`.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }
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
        case .failure(let error): throw KeyFileError("not a usable public key: \(error)")
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
        do { list = try parse(bytes) } catch {
            let position = error.line.map { "line \($0): " } ?? ""
            throw KeyFileError(position + error.reason)
        }
        for (index, entry) in list.entries.enumerated() {
            do { _ = try entry.key.validated() } catch {
                let whose = entry.identity.map { "the key for \"\($0)\"" } ?? "key \(index + 1)"
                throw KeyFileError("\(whose): \(error.reason)")
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
        if bytes.isEmpty { throw KeyFileError("the file is empty") }
        if isBinary(bytes) {
            guard bytes.first == 0x30 else {
                throw KeyFileError("a binary file that is not a DER SubjectPublicKeyInfo (it does not start with 0x30)")
            }
            return KeyInput(bytes: bytes)
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.contains("PRIVATE KEY-----") {
            throw KeyFileError("the file holds a private key; give the public key (openssl ec -pubout)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.trimmingCharacters(in: " \t\r\n")
        if text.isEmpty { throw KeyFileError("the file holds only whitespace") }
        return KeyInput(text: text)
    }
}
