import Foundation

/// Settings of a verification. All have the contract's defaults.
public struct VerificationOptions: Sendable, Hashable {
    /// The least energy difference (kWh) that counts as a mismatch; the effective tolerance is the
    /// larger of this and the resolution of the coarser signed reading.
    public var energyTolerance: Decimal = Decimal(sign: .plus, exponent: -3, significand: 1)
    /// Clock skew allowed between signed times and CDR times, in seconds.
    public var timeTolerance: Int = 120
    /// Keys the caller trusts (from a label, a register or `--key`).
    public var trustedKeys: TrustedKeys = TrustedKeys()
    /// The meter's time zone, for formats that sign local time without an offset.
    public var meterTimeZone: TimeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt

    /// The defaults: 0.001 kWh energy tolerance, 120 s time tolerance, no trusted keys, meters in
    /// Europe/Berlin.
    public init() {}
}

/// Public keys the caller trusts, either for every meter or per meter identity.
public struct TrustedKeys: Sendable, Hashable {
    /// One trusted key, for one meter or for any.
    public struct Entry: Sendable, Hashable {
        /// The meter serial or gateway serial the key belongs to; `nil` = any meter.
        public var identity: String?
        /// The trusted key, as given.
        public var key: KeyInput

        /// An entry trusting `key` for `identity`, or for any meter when `identity` is `nil`.
        public init(identity: String? = nil, key: KeyInput) {
            self.identity = identity
            self.key = key
        }
    }

    /// The trusted keys, in the order given.
    public var entries: [Entry]

    /// A list of the given entries (none by default).
    public init(_ entries: [Entry] = []) { self.entries = entries }

    /// Whether no key is trusted.
    public var isEmpty: Bool { entries.isEmpty }

    /// The entry for a signer: one registered for its identity, else one for any meter.
    func entry(for identity: MeterIdentity) -> Entry? {
        let candidates = [identity.serial, identity.gatewaySerial].compactMap { $0.map(IdentityText.normalise) }
        if let match = entries.first(where: { entry in
            entry.identity.map { candidates.contains(IdentityText.normalise($0)) } ?? false
        }) {
            return match
        }
        return entries.first { $0.identity == nil }
    }

    /// Whether any entry is bound to a specific identity.
    var hasIdentities: Bool { entries.contains { $0.identity != nil } }
}

/// Comparison of meter identities: case-insensitive, ignoring spaces, dashes and colons.
enum IdentityText {
    static func normalise(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x2D, 0x3A, 0x09: continue  // space, dash, colon, tab
            case 0x41...0x5A: bytes.append(byte | 0x20)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }
}
