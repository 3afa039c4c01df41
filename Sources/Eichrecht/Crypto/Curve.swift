internal import COpenSSL

/// An elliptic curve a calibrated meter signs with.
///
/// The raw values are OpenSSL's curve names, so a report names a curve exactly as `openssl ecparam`
/// does. Every curve of OCMF Table 22 is here, plus secp521r1, which some gateways use for their own
/// signatures.
public enum Curve: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// The Koblitz curve secp192k1 (SEC 2).
    case secp192k1
    /// NIST P-192 (secp192r1), under OpenSSL's name: the curve of Alfen, Mennekes and most EDL40
    /// signatures.
    case prime192v1
    /// The Koblitz curve secp256k1 (SEC 2).
    case secp256k1
    /// NIST P-256 (secp256r1), under OpenSSL's name.
    case prime256v1
    /// Brainpool P-256 r1 (RFC 5639), `brainpool256r1` in OCMF.
    case brainpoolP256r1
    /// NIST P-384.
    case secp384r1
    /// Brainpool P-384 r1 (RFC 5639), `brainpool384r1` in OCMF.
    case brainpoolP384r1
    /// NIST P-521.
    case secp521r1

    /// Size of one coordinate (and of r or s) in bytes.
    public var coordinateSize: Int {
        switch self {
        case .secp192k1, .prime192v1: 24
        case .secp256k1, .prime256v1, .brainpoolP256r1: 32
        case .secp384r1, .brainpoolP384r1: 48
        case .secp521r1: 66
        }
    }

    /// The name people know the curve by (NIST names where they exist).
    public var description: String {
        switch self {
        case .secp192k1: "secp192k1"
        case .prime192v1: "P-192 (secp192r1)"
        case .secp256k1: "secp256k1"
        case .prime256v1: "P-256 (secp256r1)"
        case .brainpoolP256r1: "brainpoolP256r1"
        case .secp384r1: "P-384 (secp384r1)"
        case .brainpoolP384r1: "brainpoolP384r1"
        case .secp521r1: "P-521 (secp521r1)"
        }
    }

    /// DER content octets of the curve's object identifier (RFC 5480 / RFC 5639 / SEC 2).
    var oidContent: [UInt8] {
        switch self {
        case .secp192k1: [0x2B, 0x81, 0x04, 0x00, 0x1F]
        case .prime192v1: [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x01]
        case .secp256k1: [0x2B, 0x81, 0x04, 0x00, 0x0A]
        case .prime256v1: [0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]
        case .brainpoolP256r1: [0x2B, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x07]
        case .secp384r1: [0x2B, 0x81, 0x04, 0x00, 0x22]
        case .brainpoolP384r1: [0x2B, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0B]
        case .secp521r1: [0x2B, 0x81, 0x04, 0x00, 0x23]
        }
    }

    /// The curve with this OID, if it is one we support.
    init?(oidContent: ArraySlice<UInt8>) {
        guard let curve = Curve.allCases.first(where: { $0.oidContent[...] == oidContent }) else { return nil }
        self = curve
    }

    /// OpenSSL's numeric identifier.
    var nid: Int32 {
        switch self {
        case .secp192k1: NID_secp192k1
        case .prime192v1: NID_X9_62_prime192v1
        case .secp256k1: NID_secp256k1
        case .prime256v1: NID_X9_62_prime256v1
        case .brainpoolP256r1: NID_brainpoolP256r1
        case .secp384r1: NID_secp384r1
        case .brainpoolP384r1: NID_brainpoolP384r1
        case .secp521r1: NID_secp521r1
        }
    }

    /// Parses a curve name in any spelling meters and specifications use: OpenSSL names, SEC names,
    /// NIST names and OCMF's `brainpool256r1` (without the `P`), all case-insensitive.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "secp192k1": self = .secp192k1
        case "secp192r1", "prime192v1", "p192", "nistp192": self = .prime192v1
        case "secp256k1": self = .secp256k1
        case "secp256r1", "prime256v1", "p256", "nistp256": self = .prime256v1
        case "brainpool256r1", "brainpoolp256r1": self = .brainpoolP256r1
        case "secp384r1", "prime384v1", "p384", "nistp384": self = .secp384r1
        case "brainpool384r1", "brainpoolp384r1": self = .brainpoolP384r1
        case "secp521r1", "p521", "nistp521": self = .secp521r1
        default: return nil
        }
    }
}

/// The hash a signature algorithm applies to the signed bytes.
public enum HashFunction: String, Sendable, Hashable, Codable {
    case sha256 = "SHA-256"
}

/// A signature algorithm: ECDSA on a curve with a hash.
public struct SignatureAlgorithm: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The curve the signing key lies on.
    public var curve: Curve
    /// The hash applied to the signed bytes; ECDSA signs its digest.
    public var hash: HashFunction

    /// ECDSA on `curve` with `hash`; the default, SHA-256, is the hash every supported format uses.
    public init(curve: Curve, hash: HashFunction = .sha256) {
        self.curve = curve
        self.hash = hash
    }

    /// The algorithm as reports print it, e.g. `ECDSA P-256 (secp256r1) with SHA-256`.
    public var description: String { "ECDSA \(curve) with \(hash.rawValue)" }
}
