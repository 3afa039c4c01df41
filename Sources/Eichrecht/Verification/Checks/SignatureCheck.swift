/// `signature`: every signed value's signature verifies over the exact signed bytes (OpenSSL ECDSA).
struct SignatureCheck: SessionCheck {
    typealias Reason = SignatureReason
    static let code = CheckCode.signature

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard !session.records.isEmpty else { return skip(.noRecord) }
        var invalid: [SignatureFinding] = []
        var unchecked: [SignatureFinding] = []
        for entry in session.records {
            let finding = SignatureFinding(value: entry.position, note: entry.signature.reason)
            switch entry.signature.status {
            case .invalid: invalid.append(finding)
            case .unchecked: unchecked.append(finding)
            case .valid: break
            }
        }
        if !invalid.isEmpty { return fail(.invalid(invalid)) }
        if !unchecked.isEmpty { return skip(.unchecked(unchecked)) }
        return pass(
            .valid(
                count: session.records.count,
                algorithms: Set(session.records.compactMap(\.record.algorithm)).sorted {
                    $0.description < $1.description
                },
                withoutWhitespace: session.records.contains { $0.signature.normalised }))
    }
}

/// The reasons of `signature`.
enum SignatureReason: Explained, Hashable {
    /// No decoded record to verify.
    case noRecord
    /// Signatures that do not verify.
    case invalid([SignatureFinding])
    /// Signatures that could not be checked.
    case unchecked([SignatureFinding])
    /// Every signature verifies; `withoutWhitespace` when one did only over the compact payload.
    case valid(count: Int, algorithms: [SignatureAlgorithm], withoutWhitespace: Bool)

    public var code: String {
        switch self {
        case .noRecord: "signature.no_record"
        case .invalid: "signature.invalid"
        case .unchecked: "signature.unchecked"
        case .valid: "signature.valid"
        }
    }
}

/// One record's signature finding.
struct SignatureFinding: Sendable, Hashable {
    /// The value holding the record.
    public var value: ValuePosition
    /// Why, when known.
    public var note: SignatureNote?
}
