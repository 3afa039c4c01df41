import Foundation

extension DecimalText {
    /// `integer` × 10^`scaler`, as the binary formats sign register values (Alfen, EDL40, ISA,
    /// Mennekes, BSM-WS36A): an exact `Decimal` built digit by digit, never through floating point,
    /// with one unit of 10^`scaler` as resolution (the energy tolerance is derived from it).
    public init(integer: Int64, scaler: Int8) {
        let sign: FloatingPointSign = integer < 0 ? .minus : .plus
        self.init(
            value: Decimal(sign: sign, exponent: Int(scaler), significand: Decimal(integer.magnitude)),
            text: DecimalText.scaledText(integer, scaler: scaler),
            resolution: Decimal(sign: .plus, exponent: Int(scaler), significand: 1))
    }

    /// `integer` × 10^`scaler` as plain decimal text: `12539.6` for 125396 and −1, `0.05` for 5
    /// and −2, `1500` for 15 and 2, `0` for 0 and 2.
    static func scaledText(_ integer: Int64, scaler: Int8) -> String {
        let digits = String(integer.magnitude)
        let sign = integer < 0 ? "-" : ""
        let exponent = Int(scaler)
        if exponent >= 0 {
            return integer == 0 ? "0" : sign + digits + String(repeating: "0", count: exponent)
        }
        let fraction = -exponent
        let padded =
            digits.count <= fraction ? String(repeating: "0", count: fraction - digits.count + 1) + digits : digits
        let split = padded.index(padded.endIndex, offsetBy: -fraction)
        return sign + padded[..<split] + "." + padded[split...]
    }
}

/// DLMS/COSEM unit codes as the binary formats sign them.
enum DLMSUnit {
    /// The symbol for the codes these formats use (30 = Wh); other codes are shown as numbers rather
    /// than guessed, so an unexpected unit is never read as energy.
    static func symbol(_ code: UInt8) -> String? { code == 30 ? "Wh" : nil }

    static func text(_ code: UInt8) -> String { symbol(code) ?? "unit code \(code)" }
}
