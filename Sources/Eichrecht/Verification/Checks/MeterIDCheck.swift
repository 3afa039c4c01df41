/// `meter_id`: the CDR's `meter_id`, when present, against the signed meter serial or server id.
struct MeterIDCheck: SessionCheck {
    static let code = CheckCode.meterID

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard let cdr = session.cdr else { return skip(Label.noCDR) }
        guard let meterId = cdr.meterId, !meterId.trimmingCharacters(in: " ").isEmpty else {
            return skip(Message(en: "the CDR has no meter_id", de: "der CDR hat keine meter_id"))
        }
        var signed: [String] = []
        for entry in session.distinctRecords {
            for identity in [entry.record.meter.serial, entry.record.meter.gatewaySerial].compactMap({ $0 })
            where !signed.contains(identity) {
                signed.append(identity)
            }
        }
        guard !signed.isEmpty else {
            return skip(Message(en: "the signed data names no meter", de: "die signierten Daten nennen keinen Zähler"))
        }
        let wanted = IdentityText.normalise(meterId)
        if let match = signed.first(where: { candidate in
            let normal = IdentityText.normalise(candidate)
            return normal == wanted || Hex.encode(Array(candidate.utf8)) == wanted
        }) {
            return pass(
                Message(
                    en: "CDR meter_id \(meterId) = signed \(match)",
                    de: "meter_id des CDR \(meterId) = signiert \(match)"),
                expected: match, actual: meterId)
        }
        let list = signed.joined(separator: ", ")
        return fail(
            Message(
                en: "CDR meter_id \(meterId), but the meter signed as \(list)",
                de: "meter_id des CDR ist \(meterId), der Zähler signierte aber als \(list)"),
            expected: list, actual: meterId)
    }
}
