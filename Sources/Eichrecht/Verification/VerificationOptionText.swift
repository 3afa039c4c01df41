import Foundation

/// The verification settings as written by a person or a client (CLI flags, the service's query
/// parameters): one reading rule for every door, so `--energy-tolerance 0.01` and
/// `?energy_tolerance=0.01` mean the same.
extension VerificationOptions {
    /// An energy tolerance in kWh: a non-negative number in plain decimal notation (`0.01`), read
    /// exactly. Exponents, signs and anything else are refused (`Decimal(string:)` alone would take
    /// exponents and stop at the first character it does not know).
    public static func energyTolerance(text: String) -> Decimal? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            text.filter({ $0 == "." }).count <= 1, text.contains(where: \.isNumber),
            let value = Decimal(string: text), value >= 0
        else { return nil }
        return value
    }

    /// A time tolerance: a non-negative whole number of seconds.
    public static func timeTolerance(text: String) -> Int? {
        guard let value = Int(text), value >= 0 else { return nil }
        return value
    }

    /// A meter time zone: an IANA name the system knows (`Europe/Berlin`).
    public static func meterTimeZone(text: String) -> TimeZone? {
        TimeZone(identifier: text)
    }
}
