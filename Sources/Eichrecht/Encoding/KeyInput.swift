/// A public key as it arrived, before it is decoded: text from a CDR, a CLI flag or a record, or
/// bytes a binary format embeds.
///
/// OCPI says `public_key` is "base64 encoded" but not of what. Senders use base64 of DER, base64 of
/// the hex text, plain hex (with or without spaces), base32, and OCPP's `oca:base16:asn1:` envelope
/// (itself often base64-wrapped). Decoding tries each reading and keeps the first that yields a key.
public struct KeyInput: Sendable, Hashable, CustomStringConvertible {
    /// The two forms a key arrives in.
    public enum Representation: Sendable, Hashable {
        /// Key text in an encoding still to be guessed: hex, base64, base32 or an `oca:` envelope.
        case text(String)
        /// Key bytes a binary record carries as they are (Alfen, EDL40, PCDF).
        case bytes([UInt8])
    }

    /// The key as it arrived.
    public let representation: Representation

    /// A key given as text: a CDR's `public_key`, a CLI flag, a S.A.F.E. `<publicKey>`, a record's key
    /// field.
    public init(text: String) { representation = .text(text) }

    /// Key text, or `nil` when it is empty or only whitespace.
    static func nonEmpty(_ text: String) -> KeyInput? {
        text.trimmingCharacters(in: " \t\r\n").isEmpty ? nil : KeyInput(text: text)
    }
    /// A key given as bytes, as a binary record embeds it.
    public init(bytes: [UInt8]) { representation = .bytes(bytes) }

    /// The text as given, or the bytes as upper-case hex.
    public var description: String {
        switch representation {
        case .text(let text): text
        case .bytes(let bytes): Hex.encode(bytes, uppercase: true)
        }
    }

    /// Why a key could not be decoded.
    public enum DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The text is empty once surrounding whitespace and quotes are trimmed, or the bytes are
        /// empty.
        case empty
        /// The text is neither hex, base64, base32, PEM, an `oca:` envelope nor a JSON object holding
        /// one key.
        case undecodableText
        /// No decoding of the text is a usable key. Carries the first decoding's parse error, or the
        /// error of the first decoding that had a key's shape (wrong curve, point not on the curve,
        /// unsupported curve).
        case invalidKey(PublicKey.ParseError)

        /// The reason in words, for reports.
        public var description: String {
            switch self {
            case .empty: "the key is empty"
            case .undecodableText:
                "the key text is neither hex, base64, base32, PEM, an oca: envelope nor a JSON object holding one key"
            case .invalidKey(let error): error.description
            }
        }
    }

    /// Decodes the key for a record signed on `curve` (needed for shapes without a curve).
    public func publicKey(for curve: Curve?) -> Result<PublicKey, DecodingError> {
        let candidates: [KeyCandidate]
        switch representation {
        case .bytes(let bytes): candidates = bytes.isEmpty ? [] : [KeyCandidate(bytes: bytes, envelope: nil)]
        case .text(let text):
            let trimmed = text.trimmingCharacters(in: " \t\r\n\"'")
            if trimmed.isEmpty { return .failure(.empty) }
            candidates = KeyInput.candidates(trimmed, depth: 0)
        }
        if candidates.isEmpty { return .failure(.undecodableText) }
        var firstFailure: PublicKey.ParseError?
        for candidate in candidates {
            switch PublicKey.parse(candidate.bytes, curve: curve) {
            case .success(var key):
                key.envelope = candidate.envelope
                return .success(key)
            case .failure(let error):
                // A key that decoded to a real key shape settles the matter: report its error.
                switch error {
                case .curveMismatch, .pointNotOnCurve, .unsupportedCurve: return .failure(.invalidKey(error))
                default: firstFailure = firstFailure ?? error
                }
            }
        }
        return .failure(.invalidKey(firstFailure ?? .unrecognisedShape(byteCount: 0)))
    }

    /// How deep wrappers may nest (base64 of a JSON object whose member is base64 of hex text is
    /// three): enough for every sender seen, and a bound on the work hostile text can cause.
    static let maximumDepth = 3

    /// Every plausible byte decoding of key text, most likely first, each with the envelope it was
    /// found in (for the report), `nil` for the plain spellings.
    static func candidates(_ text: String, depth: Int) -> [KeyCandidate] {
        guard depth <= maximumDepth else { return [] }
        if text.count > 4, text.prefix(4).lowercased() == "oca:" {
            return ocaEnvelope(text).map { [KeyCandidate(bytes: $0, envelope: nil)] } ?? []
        }
        if let wrapped = KeyEnvelope.unwrap(text, depth: depth) { return wrapped }
        var result: [KeyCandidate] = []
        if let hex = Hex.decode(text, lenient: true), !hex.isEmpty {
            result.append(KeyCandidate(bytes: hex, envelope: nil))
        }
        if let decoded = Base64.decode(text), !decoded.isEmpty {
            // Base64 of text (hex digits, an oca: envelope, JSON, PEM) is decoded once more.
            if decoded.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }),
                let inner = String(validating: decoded, as: UTF8.self)
            {
                let nested = candidates(inner.trimmingCharacters(in: " \t\r\n"), depth: depth + 1)
                result += nested.map { candidate in
                    KeyCandidate(bytes: candidate.bytes, envelope: candidate.envelope.map { "base64 of \($0)" })
                }
            } else {
                result.append(KeyCandidate(bytes: decoded, envelope: nil))
            }
        }
        if let decoded = Base32.decode(text), !decoded.isEmpty {
            result.append(KeyCandidate(bytes: decoded, envelope: nil))
        }
        return result
    }

    /// `oca:<encoding>:<content type>:<printed key>` (OCA application note on signed meter values).
    static func ocaEnvelope(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let printed = String(parts[3])
        switch parts[1].lowercased() {
        case "base16", "hex":
            return Hex.decode(printed.filter { $0.isHexDigit }, lenient: true)
        case "base64":
            return Base64.decode(printed)
        case "base32":
            return Base32.decode(printed)
        default:
            return nil
        }
    }
}

extension String {
    /// Trims the given ASCII characters from both ends. Works on UTF-8 bytes: fast, and `"\r\n"`
    /// in the set stands for both characters (as one grapheme it would match only the pair).
    func trimmingCharacters(in set: String) -> String {
        let bytes = Set(set.utf8)
        var slice = utf8[...]
        while let first = slice.first, first < 0x80, bytes.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, last < 0x80, bytes.contains(last) { slice = slice.dropLast() }
        if slice.count == utf8.count { return self }
        return String(Substring(slice))
    }
}
