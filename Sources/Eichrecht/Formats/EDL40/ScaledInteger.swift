import Foundation

/// An integer register value and its power-of-ten scaler, as EDL40, ISA and Mennekes sign it.
///
/// Converted to an exact `Decimal` digit by digit (never through floating point), with one unit of
/// 10^scaler as resolution: the energy tolerance is derived from it.
enum ScaledInteger {
    static func decimal(_ value: Int64, scaler: Int8) -> DecimalText {
        let sign: FloatingPointSign = value < 0 ? .minus : .plus
        return DecimalText(
            value: Decimal(sign: sign, exponent: Int(scaler), significand: Decimal(value.magnitude)),
            text: text(value, scaler: scaler),
            resolution: Decimal(sign: .plus, exponent: Int(scaler), significand: 1))
    }

    /// `value` × 10^`scaler` as plain decimal text, e.g. `12539.6` for 125396 and −1.
    static func text(_ value: Int64, scaler: Int8) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let exponent = Int(scaler)
        if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
        let fraction = -exponent
        let padded =
            digits.count <= fraction ? String(repeating: "0", count: fraction - digits.count + 1) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -fraction)
        return sign + padded[..<split] + "." + padded[split...]
    }

    /// The DLMS unit symbol for the codes these formats use; other codes are shown as numbers
    /// rather than guessed, so an unexpected unit is never read as energy.
    static func unitSymbol(_ code: UInt8) -> String? {
        code == 30 ? "Wh" : nil
    }

    static func unitText(_ code: UInt8) -> String {
        unitSymbol(code) ?? "unit code \(code)"
    }
}
