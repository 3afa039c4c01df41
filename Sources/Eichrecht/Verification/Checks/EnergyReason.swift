import Foundation

/// The reasons of `energy`.
enum EnergyReason: Explained, Hashable {
    /// No CDR to compare with.
    case noCDR
    /// The CDR's `total_energy` is not a finite decimal number (as written).
    case cdrEnergyUnreadable(written: String)
    /// The CDR has no `total_energy`.
    case cdrEnergyMissing
    /// No signed begin/end pair to compute the energy from.
    case noPair
    /// The signed energy agrees with the billed one.
    case withinTolerance(signed: Decimal, billed: DecimalText, tolerance: Decimal)
    /// The signed energy differs from the billed one by more than the tolerance.
    case outsideTolerance(signed: Decimal, billed: DecimalText, tolerance: Decimal)

    public var code: String {
        switch self {
        case .noCDR: "energy.no_cdr"
        case .cdrEnergyUnreadable: "energy.cdr_total_energy_unreadable"
        case .cdrEnergyMissing: "energy.cdr_total_energy_missing"
        case .noPair: "energy.no_pair"
        case .withinTolerance: "energy.within_tolerance"
        case .outsideTolerance: "energy.outside_tolerance"
        }
    }
}
