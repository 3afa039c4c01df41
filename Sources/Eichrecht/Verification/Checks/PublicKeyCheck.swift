/// `public_key`: a key is present, parses, lies on the curve the record names, and agrees with every
/// other key given (trusted key, CDR key, key embedded in the record).
struct PublicKeyCheck: SessionCheck {
    typealias Reason = PublicKeyReason
    static let code = CheckCode.publicKey

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard !session.records.isEmpty else { return skip(.noRecord) }
        var keys: [PublicKey: KeySource] = [:]
        var missing = 0
        for entry in session.records {
            switch entry.key {
            case .failed(let problem): return fail(.unusable(entry.position, problem))
            case .none: missing += 1
            case .resolved(let key, let source): keys[key] = keys[key] ?? source
            }
        }
        guard let (key, source) = keys.first.map({ ($0.key, $0.value) }) else { return skip(.noKey) }
        if keys.count > 1 { return fail(.severalKeys(keys.count)) }
        if missing > 0 { return skip(.someRecordsWithoutKey(missing)) }
        if let result = setAside(session) { return result }
        let origin: KeyName
        switch source {
        case .trusted: origin = .trusted
        case .cdr: origin = KeyName.given(unit: session.unit, perValue: false)
        case .embedded: origin = .embedded
        }
        return pass(
            .fits(curve: key.curve, shape: key.shape, envelope: key.envelope, from: origin), expected: .key(key))
    }

    /// Keys that could not be read but were set aside for a trusted key: a warning naming them when
    /// the trusted key verifies every such record, a failure when it does not (then the unreadable
    /// key might have been the right one, and nothing vouches for the records).
    private func setAside(_ session: Session) -> CheckResult? {
        let entries = session.records.filter { !$0.setAsideKeys.isEmpty }
        guard !entries.isEmpty else { return nil }
        if let unverified = entries.first(where: { $0.signature.status != .valid }) {
            return fail(.setAsideUnverified(unverified.position, unverified.setAsideKeys))
        }
        // One CDR key unreadable for every value is one problem, named once.
        var seen: Set<KeyProblem> = []
        return warn(.setAside(entries.flatMap(\.setAsideKeys).filter { seen.insert($0).inserted }))
    }
}

/// The reasons of `public_key`.
enum PublicKeyReason: Explained, Hashable {
    /// No decoded record to check a key for.
    case noRecord
    /// A value's key cannot be used.
    case unusable(ValuePosition, KeyProblem)
    /// No key anywhere.
    case noKey
    /// The records of one session are signed with several different keys.
    case severalKeys(Int)
    /// Some records have no key.
    case someRecordsWithoutKey(Int)
    /// Unreadable keys were set aside for a trusted key, which does not verify the value.
    case setAsideUnverified(ValuePosition, [KeyProblem])
    /// Unreadable keys were set aside; the trusted key verifies the records.
    case setAside([KeyProblem])
    /// One key, on the curve the records name.
    case fits(curve: Curve, shape: PublicKey.Shape, envelope: String?, from: KeyName)

    public var code: String {
        switch self {
        case .noRecord: "public_key.no_record"
        case .unusable(_, let problem): problem.code
        case .noKey: "public_key.missing"
        case .severalKeys: "public_key.several_keys"
        case .someRecordsWithoutKey: "public_key.some_records_without_key"
        case .setAsideUnverified: "public_key.set_aside_unverified"
        case .setAside: "public_key.set_aside"
        case .fits: "public_key.fits"
        }
    }
}
