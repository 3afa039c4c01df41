import Foundation

/// The reasons of `charging_periods`.
enum ChargingPeriodsReason: Explained, Hashable {
    /// The signed energy against the periods' sum.
    struct Comparison: Sendable, Hashable {
        /// The signed energy of the billing register (end − begin), kWh.
        public var signed: Decimal
        /// The sum of the periods' ENERGY volumes, kWh.
        public var periods: Decimal
        /// How many periods carry an ENERGY volume.
        public var periodCount: Int
        /// The tolerance applied: the energy tolerance plus 0.00005 kWh per such period.
        public var tolerance: Decimal
    }

    /// No CDR to compare with.
    case noCDR
    /// A period list or ENERGY volume is not what OCPI writes (as written).
    case cdrPeriodsUnreadable(written: String)
    /// No charging period carries an ENERGY dimension.
    case noEnergyDimension
    /// No signed begin/end pair to compute the energy from.
    case noPair
    /// The periods add up to the signed energy.
    case withinTolerance(Comparison)
    /// The periods add up to another energy than the signed one.
    case outsideTolerance(Comparison)

    public var code: String {
        switch self {
        case .noCDR: "charging_periods.no_cdr"
        case .cdrPeriodsUnreadable: "charging_periods.cdr_periods_unreadable"
        case .noEnergyDimension: "charging_periods.no_energy_dimension"
        case .noPair: "charging_periods.no_pair"
        case .withinTolerance: "charging_periods.within_tolerance"
        case .outsideTolerance: "charging_periods.outside_tolerance"
        }
    }
}
