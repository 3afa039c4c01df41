/// Verifies ECDSA signatures with OpenSSL.
public enum SignatureVerifier {
    /// Whether `signature` is a valid ECDSA signature of `message` under `key` with `algorithm`.
    ///
    /// `message` is hashed with the algorithm's hash; for 192-bit curves ECDSA uses the leftmost
    /// bits of the digest, as OpenSSL does. High-S signatures are valid ECDSA and are accepted.
    ///
    /// With a `cache` (a verifier's `keyCache`), the key's OpenSSL handle is built once and reused;
    /// `nil` builds it for this call only.
    public static func verify<C: Collection>(
        message: C, signature: ECDSASignature, key: PublicKey, algorithm: SignatureAlgorithm, cache: KeyCache?
    ) -> Bool where C.Element == UInt8 {
        guard key.curve == algorithm.curve, signature.fits(key.curve),
            let handle = cache?.handle(for: key) ?? OpenSSL.VerificationKey(spki: key.spkiDER)
        else { return false }
        let digest: [UInt8]
        switch algorithm.hash {
        case .sha256: digest = OpenSSL.sha256(message)
        }
        return handle.verify(derSignature: signature.derEncoded, digest: digest)
    }

    /// SHA-256 of `bytes`, from OpenSSL.
    public static func sha256<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        OpenSSL.sha256(bytes)
    }
}
