/// An EDL40 signature as transmitted: r‖s (24 bytes each on P-192, 32 on P-256), often followed by
/// the two logbook bytes that the block also carries at offset 39.
///
/// The curve follows from the length, because the EDL40 family names it nowhere else reliably:
/// 48 or 50 bytes mean P-192, 64 or 66 bytes P-256. Any other length is malformed (a hand-copied
/// value that lost or gained characters still decodes, so the exact length is the only guard).
struct EDL40Signature: Sendable, Hashable {
    var bytes: [UInt8]
    var curve: Curve
    /// The trailing logbook bytes, when the signature carries them.
    var logbook: [UInt8]?

    /// The signature lengths a format accepts.
    enum Lengths {
        /// r‖s plus logbook bytes only (SML listSignature: the block needs the logbook bytes).
        case withLogbook
        /// With or without the logbook bytes.
        case any
    }

    /// Splits the bytes, or says why they are not an EDL40 signature.
    init?(_ bytes: [UInt8], lengths: Lengths) {
        switch (bytes.count, lengths) {
        case (50, _): (curve, logbook) = (.prime192v1, Array(bytes[48...]))
        case (66, _): (curve, logbook) = (.prime256v1, Array(bytes[64...]))
        case (48, .any): (curve, logbook) = (.prime192v1, nil)
        case (64, .any): (curve, logbook) = (.prime256v1, nil)
        default: return nil
        }
        self.bytes = bytes
    }

    /// What lengths are allowed, for error messages.
    static func expected(_ lengths: Lengths) -> ExpectedLength {
        switch lengths {
        case .withLogbook: .oneOf([50, 66])
        case .any: .oneOf([48, 50, 64, 66])
        }
    }

    /// r‖s without the logbook bytes.
    var rs: [UInt8] { Array(bytes.prefix(2 * curve.coordinateSize)) }

    var ecdsa: ECDSASignature? { ECDSASignature.parseRaw(rs) }
}
