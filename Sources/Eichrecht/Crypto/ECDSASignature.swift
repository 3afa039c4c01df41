/// An ECDSA signature as the pair of integers (r, s), however the meter encoded it.
///
/// Meters encode signatures three ways: canonical DER, non-canonical DER (eBZ writes r without the
/// sign byte and s with a superfluous one) and raw r‖s (Isabellenhütte, Alfen, EDL40). Parsing only
/// extracts the two integers as unsigned magnitudes; the verifier then re-encodes them canonically.
/// The leniency cannot make a forged signature pass: OpenSSL still checks the same (r, s) against
/// the same digest and key, and rejects values outside [1, n−1].
public struct ECDSASignature: Sendable, Hashable {
    /// r as an unsigned big-endian magnitude without leading zero bytes.
    public let r: [UInt8]
    /// s as an unsigned big-endian magnitude without leading zero bytes.
    public let s: [UInt8]
    /// How the signature was encoded.
    public let encoding: Encoding

    /// The encoding a meter used for the signature's two integers.
    public enum Encoding: String, Sendable, Hashable, Codable {
        /// Canonical DER ECDSA-Sig-Value.
        case der
        /// A DER-like SEQUENCE of two INTEGERs that breaks DER's minimal-encoding rules.
        case nonCanonicalDER = "non_canonical_der"
        /// The two integers concatenated, each of the curve's coordinate size (IEEE P1363).
        case raw
    }

    /// A signature from r and s as unsigned big-endian magnitudes; leading zero bytes are dropped.
    public init(r: [UInt8], s: [UInt8], encoding: Encoding) {
        self.r = Array(r.drop(while: { $0 == 0 }))
        self.s = Array(s.drop(while: { $0 == 0 }))
        self.encoding = encoding
    }

    /// Parses signature bytes: strict DER first, then lenient DER, then raw r‖s when the length is
    /// exactly twice the coordinate size of `curve`.
    public static func parse(_ bytes: [UInt8], curve: Curve?) -> ECDSASignature? {
        if let (r, s) = parseSequence(bytes, strict: true) {
            return ECDSASignature(r: r, s: s, encoding: .der)
        }
        if let (r, s) = parseSequence(bytes, strict: false) {
            return ECDSASignature(r: r, s: s, encoding: .nonCanonicalDER)
        }
        if let curve, bytes.count == 2 * curve.coordinateSize {
            return ECDSASignature(
                r: Array(bytes[0..<curve.coordinateSize]), s: Array(bytes[curve.coordinateSize...]), encoding: .raw)
        }
        return nil
    }

    /// Parses raw r‖s of any even length (formats that define the raw encoding themselves).
    public static func parseRaw(_ bytes: [UInt8]) -> ECDSASignature? {
        guard !bytes.isEmpty, bytes.count % 2 == 0 else { return nil }
        let half = bytes.count / 2
        return ECDSASignature(r: Array(bytes[0..<half]), s: Array(bytes[half...]), encoding: .raw)
    }

    private static func parseSequence(_ bytes: [UInt8], strict: Bool) -> ([UInt8], [UInt8])? {
        guard let body = DER.readOnly(DER.sequence, bytes[...], strict: strict),
            let (first, rest) = DER.readElement(body, strict: strict), first.tag == DER.integer,
            let (second, tail) = DER.readElement(rest, strict: strict), second.tag == DER.integer, tail.isEmpty,
            !first.content.isEmpty, !second.content.isEmpty
        else { return nil }
        if strict {
            // DER: minimal two's complement, non-negative.
            for content in [first.content, second.content] {
                guard let lead = content.first, lead & 0x80 == 0 else { return nil }
                if content.count > 1, lead == 0, content[content.startIndex + 1] & 0x80 == 0 { return nil }
            }
        }
        return (Array(first.content), Array(second.content))
    }

    /// The canonical DER encoding of (r, s).
    ///
    /// Written into one buffer: this runs for every signature verified.
    public var derEncoded: [UInt8] {
        // r and s have no leading zero bytes; a sign byte goes before a high first byte.
        let rLength = Swift.max(1, r.count + (r.first.map { $0 & 0x80 != 0 ? 1 : 0 } ?? 0))
        let sLength = Swift.max(1, s.count + (s.first.map { $0 & 0x80 != 0 ? 1 : 0 } ?? 0))
        let body = 2 + rLength + 2 + sLength
        guard rLength < 0x80, sLength < 0x80, body < 0x80 else {
            return DER.encode(DER.sequence, DER.encodeUnsignedInteger(r) + DER.encodeUnsignedInteger(s))
        }
        var out: [UInt8] = []
        out.reserveCapacity(2 + body)
        out.append(DER.sequence)
        out.append(UInt8(body))
        func integer(_ magnitude: [UInt8], _ length: Int) {
            out.append(DER.integer)
            out.append(UInt8(length))
            if magnitude.count < length { out.append(0) }
            out.append(contentsOf: magnitude)
        }
        integer(r, rLength)
        integer(s, sLength)
        return out
    }

    /// Whether both integers fit the curve's order size (a precondition, not a validity check).
    func fits(_ curve: Curve) -> Bool {
        r.count <= curve.coordinateSize && s.count <= curve.coordinateSize && !r.isEmpty && !s.isEmpty
    }
}
