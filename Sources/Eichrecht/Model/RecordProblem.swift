/// Why a record's signature algorithm is unusable: what the decoder found, typed, so that the
/// catalogue words it in every language.
public enum AlgorithmProblem: Worded, Hashable {
    /// OCMF `SA` names ECDSA on a known curve with a hash other than SHA-256 (as written).
    case ocmfHashNotSHA256(algorithm: String, hash: String)
    /// OCMF `SA` is no OCMF signature algorithm (as written).
    case ocmfUnknownAlgorithm(String)
}

/// Why a record's signature cannot be decoded: what the decoder found, typed.
public enum SignatureProblem: Worded, Hashable {
    /// OCMF `SE` names an encoding other than hex or base64 (as written).
    case ocmfUnknownEncoding(String)
    /// OCMF `SD` is not valid text in its encoding (`hex`, `base64`).
    case ocmfNotEncoded(encoding: String)
    /// OCMF `SD` decodes to bytes that are neither DER nor raw r‖s for the curve.
    case ocmfNotASignature(byteCount: Int)
    /// A BSM-WS36A snapshot's signature is missing or not hex.
    case bsmMissingOrNotHex
    /// A BSM-WS36A snapshot's signature is no DER ECDSA signature.
    case bsmNotDER
    /// An EDL40 signature has a length no curve uses.
    case edl40Length(byteCount: Int)
    /// PCDF `SG` is no DER ECDSA signature.
    case pcdfNotDER(byteCount: Int)
}
