/// The words of the text report that are not reasons: verdict and check names, column labels, clock
/// qualities, where a key came from. Their texts are in the catalogue (`Labels.swift`).
enum ReportLabel: Worded, Hashable {
    /// A verdict's upper-case name.
    case verdict(Verdict)
    /// A check's short name.
    case check(CheckCode)
    /// What a unit was in its input.
    case unit(UnitKind)
    /// Where the key used came from, by what the unit was.
    case keySource(KeySource, UnitKind)
    /// A signed value's signature status.
    case signature(SignatureStatus)
    /// A reading's clock quality (`nil`: no time).
    case clock(ClockQuality?)
    /// A value that repeats an earlier one (0-based index).
    case repeatsValue(Int)
    /// A stream record that cannot be read.
    case unreadable
    /// The meter, before its id.
    case meter
    /// The begin reading's line.
    case begin
    /// The end reading's line.
    case end
    /// The energy line.
    case energy
    /// "signed", before the signed energy.
    case signed
    /// The session's duration.
    case duration
    /// The heading of the signed values.
    case signedValues
    /// Before a deviation from the format's specification.
    case deviation
    /// The heading of the checks.
    case checks
    /// What a reading stands for, when the format writes no code for it.
    case readingType(ReadingType)
}
