import ArgumentParser
import Eichrecht
import EichrechtArguments
import Foundation

/// The options that set how units are verified: trusted keys, tolerances, the meters' time zone.
struct VerificationOptionGroup: ParsableArguments {
    @OptionGroup
    var trusted: TrustedKeyOptionGroup

    @Option(
        name: .customLong("energy-tolerance"),
        help: ArgumentHelp(
            "Energy tolerance: a non-negative decimal number of kWh (the meter's resolution is used when coarser).",
            valueName: "kwh"))
    var energyTolerance = EnergyTolerance.contract

    @Option(
        name: .customLong("time-tolerance"),
        help: ArgumentHelp(
            "Clock tolerance for start and end times: a non-negative number of seconds.", valueName: "seconds"))
    var timeTolerance = TimeTolerance.contract

    @Option(
        name: .customLong("meter-timezone"),
        help: ArgumentHelp(
            "Time zone of meters that sign local time without an offset: a known IANA name.", valueName: "zone")
    )
    var meterTimezone = IANATimeZone.berlin

    /// The verification settings the options give. A trusted key that cannot be read is a usage
    /// error (exit 2, one line in `language` naming the option), never a run of `invalid` verdicts;
    /// the commands call this from `validate()`, where their `--lang` is known.
    func verificationOptions(language: Language) throws -> VerificationOptions {
        var options = VerificationOptions()
        options.timeTolerance = timeTolerance.seconds
        options.energyTolerance = energyTolerance.kilowattHours
        options.meterTimeZone = meterTimezone.zone
        options.trustedKeys = try trusted.trustedKeys(program: "eichrecht", language: language)
        return options
    }
}
