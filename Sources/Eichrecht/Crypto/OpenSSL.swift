internal import COpenSSL

/// The only place in the package that calls OpenSSL. Every pointer stays inside these functions.
enum OpenSSL {
    /// SHA-256 of `bytes`.
    static func sha256<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var digest = [UInt8](repeating: 0, count: 32)
        let ok = digest.withUnsafeMutableBufferPointer { out in
            withContiguousBytes(bytes) { input in
                eichrecht_sha256(input.baseAddress, input.count, out.baseAddress)
            }
        }
        precondition(ok == 1, "OpenSSL could not compute SHA-256")  // only on an OpenSSL malfunction
        return digest
    }

    /// The uncompressed form of an SEC1 point, or `nil` when it is not a point of `curve`.
    static func uncompressedPoint(_ sec1: [UInt8], on curve: Curve) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: 1 + 2 * curve.coordinateSize)
        var length = 0
        let rc = out.withUnsafeMutableBufferPointer { buffer in
            sec1.withUnsafeBufferPointer { input in
                eichrecht_point_to_uncompressed(
                    curve.nid, input.baseAddress, input.count, buffer.baseAddress, buffer.count, &length)
            }
        }
        guard rc == 1, length == out.count else { return nil }
        return out
    }

    /// Runs `body` on a contiguous buffer of the collection's bytes without copying arrays.
    private static func withContiguousBytes<C: Collection, R>(
        _ bytes: C, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R where C.Element == UInt8 {
        if let result = bytes.withContiguousStorageIfAvailable(body) { return result }
        return Array(bytes).withUnsafeBufferPointer(body)
    }

    /// An OpenSSL public key handle. Immutable after creation, so one handle serves concurrent
    /// verifications (each verification makes its own `EVP_PKEY_CTX`).
    final class VerificationKey: @unchecked Sendable {
        private let pkey: OpaquePointer

        init?(spki: [UInt8]) {
            guard let pkey = spki.withUnsafeBufferPointer({ eichrecht_pkey_from_spki($0.baseAddress, $0.count) })
            else { return nil }
            self.pkey = pkey
        }

        deinit { EVP_PKEY_free(pkey) }

        /// Whether the DER signature verifies over the digest.
        func verify(derSignature: [UInt8], digest: [UInt8]) -> Bool {
            derSignature.withUnsafeBufferPointer { sig in
                digest.withUnsafeBufferPointer { dgst in
                    eichrecht_ecdsa_verify_digest(pkey, sig.baseAddress, sig.count, dgst.baseAddress, dgst.count) == 1
                }
            }
        }
    }
}
