import Foundation

extension DecimalText {
    /// The powers of ten a signed register value may be scaled by: −9…+9.
    ///
    /// Meters scale by small powers (−3…+3 in every known sample; DLMS allows an i8). Outside a
    /// sane range `Foundation.Decimal` traps (an exponent of −128 kills the process), and a
    /// register in units of 10^−50 Wh is no meter reading anyway, so a scaler outside this range is
    /// a malformed record (`format` fails), never arithmetic. ±9 keeps every product and
    /// difference of two readings, also after the conversion to kWh, far inside `Decimal`'s range.
    public static let scalerRange: ClosedRange<Int8> = -9...9

    /// `integer` × 10^`scaler`, as the binary formats sign register values (Alfen, EDL40, ISA,
    /// Mennekes, EMH, BSM-WS36A): an exact `Decimal` built digit by digit, never through floating
    /// point, with one unit of 10^`scaler` as resolution (the energy tolerance is derived from it).
    /// `nil` when the scaler is outside `scalerRange`.
    public init?(integer: Int64, scaler: Int8) {
        guard DecimalText.scalerRange.contains(scaler) else { return nil }
        let sign: FloatingPointSign = integer < 0 ? .minus : .plus
        self.init(
            value: Decimal(sign: sign, exponent: Int(scaler), significand: Decimal(integer.magnitude)),
            text: DecimalText.scaledText(integer, scaler: scaler),
            resolution: Decimal(sign: .plus, exponent: Int(scaler), significand: 1))
    }

    /// The checked constructor as decoders use it: a scaler outside `scalerRange` is a
    /// `FormatError` of `format` naming `field`, so every binary format answers the same way.
    static func scaled(
        _ integer: Int64, scaler: Int8, format: MeterFormat, field: String = "scaler", offset: Int? = nil
    ) throws(FormatError) -> DecimalText {
        guard let value = DecimalText(integer: integer, scaler: scaler) else {
            throw FormatError(
                format,
                .scalerOutOfRange(
                    field: field, scaler: Int(scaler), lowest: Int(scalerRange.lowerBound),
                    highest: Int(scalerRange.upperBound)), offset: offset)
        }
        return value
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

    static func text(_ code: UInt8) -> String { symbol(code) ?? "DLMS \(code)" }
}
