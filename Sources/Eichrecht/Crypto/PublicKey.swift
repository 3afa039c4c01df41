/// A validated elliptic-curve public key: a point that OpenSSL confirmed lies on `curve`.
///
/// Keys arrive as DER SubjectPublicKeyInfo, SEC1 points (compressed or uncompressed) or bare X‖Y.
/// Whatever the shape, the key is normalised to the uncompressed point, so two spellings of one key
/// compare equal.
public struct PublicKey: Sendable, Hashable, CustomStringConvertible {
    /// The curve the point lies on.
    public let curve: Curve
    /// The uncompressed SEC1 point `04 ‖ X ‖ Y`.
    public let point: [UInt8]
    /// The shape the key was given in.
    public let shape: Shape
    /// The wrapper the key text was found in, when it was not a plain spelling: a JSON object's
    /// member (KEBA sends `{"UK": "<hex SPKI>"}` in base64), PEM text pasted into a field. Noted in
    /// the report as a deviation; it takes no part in comparing keys.
    public internal(set) var envelope: String?

    /// The byte shape a key arrived in, named in reports by its raw value.
    public enum Shape: String, Sendable, Hashable, Codable {
        /// A DER SubjectPublicKeyInfo, which names its curve.
        case spki
        /// An SEC1 uncompressed point `04 ‖ X ‖ Y`.
        case uncompressedPoint = "sec1_uncompressed"
        /// An SEC1 compressed point `02`/`03 ‖ X` (Alfen's 25-byte keys).
        case compressedPoint = "sec1_compressed"
        /// The bare coordinates `X ‖ Y` without the `04` prefix (EDL40, Mennekes).
        case rawXY = "raw_xy"
    }

    /// Why bytes are not a usable key.
    public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The bytes fit none of the key shapes (for the expected curve, when one is known).
        case unrecognisedShape(byteCount: Int)
        /// A SubjectPublicKeyInfo that is malformed or not an EC key.
        case malformedSPKI
        /// The key names a curve this verifier does not support.
        case unsupportedCurve
        /// The point is not on the curve.
        case pointNotOnCurve(Curve)
        /// The key's curve differs from the one the signature algorithm names.
        case curveMismatch(key: Curve, expected: Curve)

        /// The reason in words, for reports.
        public var description: String {
            switch self {
            case .unrecognisedShape(let count):
                "\(count) bytes are neither a SubjectPublicKeyInfo, an SEC1 point nor a raw X‖Y key"
            case .malformedSPKI: "malformed SubjectPublicKeyInfo (not an EC public key)"
            case .unsupportedCurve: "the key's curve is not supported"
            case .pointNotOnCurve(let curve): "the point is not on \(curve)"
            case .curveMismatch(let key, let expected):
                "the key is on \(key), but the record is signed with \(expected)"
            }
        }
    }

    /// Upper-case hex of the DER SubjectPublicKeyInfo, made once: every report names the key.
    private let spkiHex: String

    init(curve: Curve, point: [UInt8], shape: Shape) {
        self.curve = curve
        self.point = point
        self.shape = shape
        self.spkiHex = Hex.encode(PublicKey.spkiDER(curve: curve, point: point), uppercase: true)
    }

    /// Equal when the curve and the point are equal, whatever shape the key was given in.
    public static func == (lhs: PublicKey, rhs: PublicKey) -> Bool {
        lhs.curve == rhs.curve && lhs.point == rhs.point
    }

    /// Hashes the curve and the point only, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        // The first coordinate bytes tell keys apart well enough (and equal keys hash equally):
        // hashing all 65–133 bytes one by one showed up in every lookup.
        hasher.combine(curve)
        hasher.combine(point.count)
        for byte in point.prefix(12) { hasher.combine(byte) }
    }

    /// Parses key bytes. `curve` is the curve the signature algorithm names; it is required for the
    /// shapes that do not carry a curve (SEC1 points, raw X‖Y). A SubjectPublicKeyInfo on another
    /// curve gives `.curveMismatch`.
    public static func parse(_ bytes: [UInt8], curve expected: Curve?) -> Result<PublicKey, ParseError> {
        var spkiFailure: ParseError?
        if bytes.first == DER.sequence {
            switch parseSPKI(bytes) {
            case .success(let key):
                if let expected, key.curve != expected {
                    return .failure(.curveMismatch(key: key.curve, expected: expected))
                }
                return .success(key)
            case .failure(.malformedSPKI):
                // A raw X‖Y key can start with 0x30 by chance: try the point shapes too.
                spkiFailure = .malformedSPKI
            case .failure(let error):
                return .failure(error)
            }
        }
        var firstFailure: ParseError?
        for curve in expected.map({ [$0] }) ?? Curve.allCases {
            let n = curve.coordinateSize
            let shape: Shape
            let sec1: [UInt8]
            switch (bytes.first, bytes.count) {
            case (0x04, 1 + 2 * n):
                (shape, sec1) = (.uncompressedPoint, bytes)
            case (0x02, 1 + n), (0x03, 1 + n):
                (shape, sec1) = (.compressedPoint, bytes)
            case (_, 2 * n):
                (shape, sec1) = (.rawXY, [0x04] + bytes)
            default:
                continue
            }
            if let point = OpenSSL.uncompressedPoint(sec1, on: curve) {
                return .success(PublicKey(curve: curve, point: point, shape: shape))
            }
            firstFailure = firstFailure ?? .pointNotOnCurve(curve)
        }
        return .failure(spkiFailure ?? firstFailure ?? .unrecognisedShape(byteCount: bytes.count))
    }

    /// Parses a DER SubjectPublicKeyInfo whose algorithm is id-ecPublicKey with a named curve.
    static func parseSPKI(_ bytes: [UInt8]) -> Result<PublicKey, ParseError> {
        let ecPublicKey: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01]
        guard let body = DER.readOnly(DER.sequence, bytes[...]),
            let (algorithm, rest) = DER.readElement(body), algorithm.tag == DER.sequence,
            let bits = DER.readOnly(DER.bitString, rest),
            let (oid, parameters) = DER.readElement(algorithm.content), oid.tag == DER.objectIdentifier,
            oid.content.elementsEqual(ecPublicKey),
            let curveOID = DER.readOnly(DER.objectIdentifier, parameters),
            bits.first == 0, bits.count > 1
        else { return .failure(.malformedSPKI) }
        guard let curve = Curve(oidContent: curveOID) else { return .failure(.unsupportedCurve) }
        let sec1 = Array(bits.dropFirst())
        guard let point = OpenSSL.uncompressedPoint(sec1, on: curve) else { return .failure(.pointNotOnCurve(curve)) }
        return .success(PublicKey(curve: curve, point: point, shape: .spki))
    }

    /// The DER SubjectPublicKeyInfo of this key (uncompressed point).
    public var spkiDER: [UInt8] { PublicKey.spkiDER(curve: curve, point: point) }

    private static func spkiDER(curve: Curve, point: [UInt8]) -> [UInt8] {
        let ecPublicKey: [UInt8] = [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01]
        let algorithm = DER.encode(
            DER.sequence,
            DER.encode(DER.objectIdentifier, ecPublicKey) + DER.encode(DER.objectIdentifier, curve.oidContent))
        return DER.encode(DER.sequence, algorithm + DER.encode(DER.bitString, [0] + point))
    }

    /// Upper-case hex of the DER SubjectPublicKeyInfo, the spelling most registers print.
    public var description: String { spkiHex }
}
