import ArgumentParser
import Eichrecht
import Foundation

/// `--energy-tolerance`: a non-negative number of kWh, exact (a decimal, never a binary float).
struct EnergyTolerance: ExpressibleByArgument, Sendable {
    var kilowattHours: Decimal

    /// The library's default, 0.001 kWh.
    static let contract = EnergyTolerance(kilowattHours: VerificationOptions().energyTolerance)

    init(kilowattHours: Decimal) { self.kilowattHours = kilowattHours }

    init?(argument: String) {
        guard let value = VerificationOptions.energyTolerance(text: argument) else { return nil }
        kilowattHours = value
    }

    var defaultValueDescription: String { "\(kilowattHours)" }
}

/// `--time-tolerance`: a non-negative number of seconds.
struct TimeTolerance: ExpressibleByArgument, Sendable {
    var seconds: Int

    init(seconds: Int) { self.seconds = seconds }

    init?(argument: String) {
        guard let value = VerificationOptions.timeTolerance(text: argument) else { return nil }
        seconds = value
    }

    var defaultValueDescription: String { "\(seconds)" }
}

/// `--meter-timezone`, `receipt --time-zone`: a time zone the system knows by its IANA name.
struct IANATimeZone: ExpressibleByArgument, Sendable {
    var zone: TimeZone

    init(zone: TimeZone) { self.zone = zone }

    init?(argument: String) {
        guard let zone = VerificationOptions.meterTimeZone(text: argument) else { return nil }
        self.zone = zone
    }

    /// Europe/Berlin, the default of both options (UTC on a system without time zone data).
    static let berlin = IANATimeZone(zone: TimeZone(identifier: "Europe/Berlin") ?? .gmt)

    var defaultValueDescription: String { zone.identifier }
}

/// `--jobs`: how many CDRs are verified at once, at least one.
struct JobCount: ExpressibleByArgument, Sendable {
    var count: Int

    init(count: Int) { self.count = count }

    init?(argument: String) {
        guard let value = Int(argument) else { return nil }
        count = value
    }

    /// One per active core.
    static var allCores: JobCount { JobCount(count: max(1, ProcessInfo.processInfo.activeProcessorCount)) }

    var defaultValueDescription: String { "\(count), the active cores" }
}

extension Language: ExpressibleByArgument {}
