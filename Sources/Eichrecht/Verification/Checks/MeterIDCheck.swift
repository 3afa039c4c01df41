/// `meter_id`: the CDR's `meter_id`, when present, against the signed meter serial or server id.
struct MeterIDCheck: SessionCheck {
    typealias Reason = MeterIDReason
    static let code = CheckCode.meterID

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard let cdr = session.cdr else { return skip(.noCDR) }
        guard let meterId = cdr.meterId, !meterId.trimmingCharacters(in: " ").isEmpty else {
            return skip(.cdrMeterIdMissing)
        }
        var signed: [String] = []
        for entry in session.distinctRecords {
            for identity in [entry.record.meter.serial, entry.record.meter.gatewaySerial].compactMap({ $0 })
            where !signed.contains(identity) {
                signed.append(identity)
            }
        }
        guard !signed.isEmpty else { return skip(.nothingSigned) }
        let wanted = IdentityText.normalise(meterId)
        if let match = signed.first(where: { candidate in
            let normal = IdentityText.normalise(candidate)
            return normal == wanted || Hex.encode(Array(candidate.utf8)) == wanted
        }) {
            return pass(.matches(cdr: meterId, signed: match), expected: .text(match), actual: .text(meterId))
        }
        return fail(
            .differs(cdr: meterId, signed: signed), expected: .text(signed.joined(separator: ", ")),
            actual: .text(meterId))
    }
}

/// The reasons of `meter_id`.
enum MeterIDReason: Explained, Hashable {
    /// No CDR to compare with.
    case noCDR
    /// The CDR has no `meter_id`.
    case cdrMeterIdMissing
    /// The signed data names no meter.
    case nothingSigned
    /// The CDR's `meter_id` names the signing meter.
    case matches(cdr: String, signed: String)
    /// The CDR's `meter_id` names another meter than the signed ones.
    case differs(cdr: String, signed: [String])

    public var code: String {
        switch self {
        case .noCDR: "meter_id.no_cdr"
        case .cdrMeterIdMissing: "meter_id.cdr_meter_id_missing"
        case .nothingSigned: "meter_id.nothing_signed"
        case .matches: "meter_id.matches"
        case .differs: "meter_id.differs"
        }
    }
}
