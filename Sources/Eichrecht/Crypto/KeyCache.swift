import Synchronization

/// Decoded keys and their OpenSSL handles, kept by one `Verifier` for all its verifications.
///
/// One meter signs thousands of CDRs with the same key: decoding the key text and building the
/// `EVP_PKEY` once per key instead of once per signature saves most of the non-signature work.
/// The cache belongs to the verifier that made it (there is no process-wide state); copies of a
/// verifier share it, and it is safe to use from any number of threads. Bounded, so a stream of
/// CDRs with ever-new keys cannot grow it without limit.
public final class KeyCache: Sendable {
    private struct DecodedKey: Hashable {
        var input: KeyInput
        var curve: Curve?
    }

    private struct Storage {
        var decoded: [DecodedKey: Result<PublicKey, KeyInput.DecodingError>] = [:]
        var handles: [PublicKey: OpenSSL.VerificationKey] = [:]
    }

    private let capacity: Int
    private let storage = Mutex(Storage())

    /// A cache holding up to `capacity` keys of each kind.
    public init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// `input.publicKey(for: curve)`, decoded once.
    func publicKey(_ input: KeyInput, for curve: Curve?) -> Result<PublicKey, KeyInput.DecodingError> {
        let key = DecodedKey(input: input, curve: curve)
        if let cached = storage.withLock({ $0.decoded[key] }) { return cached }
        let result = input.publicKey(for: curve)
        storage.withLock { storage in
            if storage.decoded.count >= capacity { storage.decoded.removeAll(keepingCapacity: true) }
            storage.decoded[key] = result
        }
        return result
    }

    /// The OpenSSL handle for `key`, created on first use.
    func handle(for key: PublicKey) -> OpenSSL.VerificationKey? {
        if let cached = storage.withLock({ $0.handles[key] }) { return cached }
        guard let created = OpenSSL.VerificationKey(spki: key.spkiDER) else { return nil }
        storage.withLock { storage in
            if storage.handles.count >= capacity { storage.handles.removeAll(keepingCapacity: true) }
            storage.handles[key] = created
        }
        return created
    }
}
