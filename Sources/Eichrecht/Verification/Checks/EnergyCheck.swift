import Foundation

/// `energy`: the signed energy (end − begin, kWh) against the CDR's `total_energy`.
struct EnergyCheck: SessionCheck {
    typealias Reason = EnergyReason
    static let code = CheckCode.energy

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard let cdr = session.cdr else { return skip(.noCDR) }
        guard let total = cdr.totalEnergy else {
            // A CDR that does not say readably what it bills cannot agree with the meter.
            if let written = cdr.unreadable[.totalEnergy] {
                return fail(.cdrEnergyUnreadable(written: written), actual: .text(written))
            }
            return fail(.cdrEnergyMissing)
        }
        guard let billing = session.billingRegister, let pair = billing.pair,
            let begin = pair.begin.energyKWh, let end = pair.end.energyKWh
        else { return skip(.noPair) }
        let signed = end - begin
        let resolution = max(pair.begin.resolutionKWh ?? 0, pair.end.resolutionKWh ?? 0)
        let tolerance = max(options.energyTolerance, resolution)
        if abs(signed - total.value) <= tolerance {
            return pass(
                .withinTolerance(signed: signed, billed: total, tolerance: tolerance), expected: .energy(signed),
                actual: .writtenNumber(total))
        }
        return fail(
            .outsideTolerance(signed: signed, billed: total, tolerance: tolerance), expected: .energy(signed),
            actual: .writtenNumber(total))
    }
}
