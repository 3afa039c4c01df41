import Foundation

/// `energy`: the signed energy (end − begin, kWh) against the CDR's `total_energy`.
struct EnergyCheck: SessionCheck {
    static let code = CheckCode.energy

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard let cdr = session.cdr else { return skip(Label.noCDR) }
        guard let total = cdr.totalEnergy else {
            // A CDR that does not say readably what it bills cannot agree with the meter.
            if let written = cdr.unreadable[.totalEnergy] {
                let shown = TextSafety.escaped(written.prefix(60))
                return fail(
                    Message(
                        en: "the CDR's total_energy \(shown) is not a finite decimal number",
                        de: "total_energy des CDR (\(shown)) ist keine endliche Dezimalzahl"),
                    actual: written)
            }
            return fail(
                Message(en: "the CDR has no total_energy", de: "der CDR nennt keine total_energy (Energiemenge)"))
        }
        guard let billing = session.billingRegister, let pair = billing.pair,
            let begin = pair.begin.energyKWh, let end = pair.end.energyKWh
        else {
            return skip(
                Message(
                    en: "no signed begin/end pair to compute the energy from",
                    de: "kein signiertes Paar aus Anfangs- und Endwert"))
        }
        let signed = end - begin
        let resolution = max(pair.begin.resolutionKWh ?? 0, pair.end.resolutionKWh ?? 0)
        let tolerance = max(options.energyTolerance, resolution)
        let difference = abs(signed - total.value)
        let expected = signed.plainText
        if difference <= tolerance {
            return pass(
                Message(
                    en: "signed \(Label.kWh(signed)) = CDR \(total.text) kWh (tolerance \(tolerance.plainText) kWh)",
                    de: "signiert \(Label.kWh(signed)) = CDR \(total.text) kWh (Toleranz \(tolerance.plainText) kWh)"),
                expected: expected, actual: total.text)
        }
        return fail(
            Message(
                en:
                    "signed \(Label.kWh(signed)), CDR says \(total.text) kWh (difference \(difference.plainText) kWh, tolerance \(tolerance.plainText) kWh)",
                de:
                    "signiert \(Label.kWh(signed)), der CDR nennt \(total.text) kWh (Differenz \(difference.plainText) kWh, Toleranz \(tolerance.plainText) kWh)"
            ),
            expected: expected, actual: total.text)
    }
}
