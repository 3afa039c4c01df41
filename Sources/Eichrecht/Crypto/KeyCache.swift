import Synchronization

/// Parsed OpenSSL key handles, shared by every verification.
///
/// One meter signs thousands of CDRs with the same key; building the `EVP_PKEY` once per key instead
/// of once per signature saves most of the non-signature work. Bounded, so a stream of CDRs with
/// ever-new keys cannot grow it without limit.
final class KeyCache: Sendable {
    static let shared = KeyCache(capacity: 4096)

    private let capacity: Int
    private let storage = Mutex<[PublicKey: OpenSSL.VerificationKey]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The OpenSSL handle for `key`, created on first use.
    func handle(for key: PublicKey) -> OpenSSL.VerificationKey? {
        if let cached = storage.withLock({ $0[key] }) { return cached }
        guard let created = OpenSSL.VerificationKey(spki: key.spkiDER) else { return nil }
        storage.withLock { cache in
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[key] = created
        }
        return created
    }
}
