import Foundation

/// `charging_periods`: the sum of the CDR's `charging_periods` ENERGY volumes against the signed
/// energy of the billing register. A CDR may bill by its periods rather than by `total_energy`, so
/// each claim must agree with what the meter signed on its own.
struct ChargingPeriodsCheck: SessionCheck {
    typealias Reason = ChargingPeriodsReason
    static let code = CheckCode.chargingPeriods

    /// What OCPI's rounding to 4 decimals may add per period that carries an ENERGY volume.
    static let roundingPerPeriod = Decimal(sign: .plus, exponent: -5, significand: 5)

    func evaluate(_ session: Session, options: VerificationOptions) -> CheckResult {
        guard let cdr = session.cdr else { return skip(.noCDR) }
        guard let periods = cdr.periodEnergy else {
            // Periods written unreadably may be read as any energy by a billing system.
            if let written = cdr.unreadable[.chargingPeriods] {
                return fail(.cdrPeriodsUnreadable(written: written), actual: .text(written))
            }
            return skip(.noEnergyDimension)
        }
        guard let billing = session.billingRegister, let pair = billing.pair,
            let begin = pair.begin.energyKWh, let end = pair.end.energyKWh
        else { return skip(.noPair) }
        let signed = end - begin
        let resolution = max(pair.begin.resolutionKWh ?? 0, pair.end.resolutionKWh ?? 0)
        let tolerance = max(options.energyTolerance, resolution) + Self.roundingPerPeriod * Decimal(periods.periods)
        let comparison = ChargingPeriodsReason.Comparison(
            signed: signed, periods: periods.kWh, periodCount: periods.periods, tolerance: tolerance)
        if abs(signed - periods.kWh) <= tolerance {
            return pass(.withinTolerance(comparison), expected: .energy(signed), actual: .energy(periods.kWh))
        }
        return fail(.outsideTolerance(comparison), expected: .energy(signed), actual: .energy(periods.kWh))
    }
}
