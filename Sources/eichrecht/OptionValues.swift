import ArgumentParser
import Eichrecht
import Foundation

/// An option value read by the library's rule for its text: the rule the service applies to the
/// same query option, so that both accept the same spellings.
protocol ReadByLibraryRule: ExpressibleByArgument, Sendable {
    associatedtype Value
    init(_ value: Value)
    /// The value `text` gives, `nil` when it does not read.
    static func read(_ text: String) -> Value?
}

extension ReadByLibraryRule {
    init?(argument: String) {
        guard let value = Self.read(argument) else { return nil }
        self.init(value)
    }
}

/// `--energy-tolerance`: a non-negative number of kWh, exact (a decimal, never a binary float).
struct EnergyTolerance: ReadByLibraryRule {
    var kilowattHours: Decimal
    init(_ kilowattHours: Decimal) { self.kilowattHours = kilowattHours }
    static func read(_ text: String) -> Decimal? { VerificationOptions.energyTolerance(text: text) }

    /// The library's default, 0.001 kWh.
    static let contract = EnergyTolerance(VerificationOptions().energyTolerance)
    var defaultValueDescription: String { "\(kilowattHours)" }
}

/// `--time-tolerance`: a non-negative number of seconds.
struct TimeTolerance: ReadByLibraryRule {
    var seconds: Int
    init(_ seconds: Int) { self.seconds = seconds }
    static func read(_ text: String) -> Int? { VerificationOptions.timeTolerance(text: text) }

    /// The library's default, 120 s.
    static let contract = TimeTolerance(VerificationOptions().timeTolerance)
    var defaultValueDescription: String { "\(seconds)" }
}

/// `--meter-timezone`, `receipt --time-zone`: a time zone the system knows by its IANA name.
struct IANATimeZone: ReadByLibraryRule {
    var zone: TimeZone
    init(_ zone: TimeZone) { self.zone = zone }
    static func read(_ text: String) -> TimeZone? { VerificationOptions.meterTimeZone(text: text) }

    /// Europe/Berlin, the default of both options (UTC on a system without time zone data).
    static let berlin = IANATimeZone(TimeZone(identifier: "Europe/Berlin") ?? .gmt)
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
