import Foundation

/// A decimal number parsed from its text, never through `Double`.
///
/// Keeps the text and the resolution the text states: `2935.600` has resolution 0.001, which is
/// what the energy tolerance is derived from.
public struct DecimalText: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The exact value.
    public let value: Decimal
    /// The number as written (trimmed).
    public let text: String
    /// One unit of the least significant digit written, e.g. 0.001 for `2935.600`, 1 for `15762`.
    public let resolution: Decimal

    /// The powers of ten a parsed number's last digit may stand for: 10^−40…10^+40.
    ///
    /// With at most 38 digits this keeps every value, its conversion to kWh and the difference of
    /// two values well inside `Foundation.Decimal` (whose exponent ends at ±127; beyond it
    /// arithmetic traps or turns into NaN). No meter or CDR writes a number outside this range.
    public static let exponentRange: ClosedRange<Int> = -40...40

    /// Parses a JSON-style number: optional sign, digits, optional fraction and exponent. Leading
    /// zeros are accepted (meters write `00000000.000`). Returns `nil` for anything else, and for a
    /// number with more than 38 digits or a last digit outside `exponentRange`.
    public init?(_ raw: String) {
        let text = raw.trimmingCharacters(in: .whitespaces)
        var utf8 = Array(text.utf8)[...]
        guard !utf8.isEmpty else { return nil }
        var negative = false
        if let sign = utf8.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            utf8 = utf8.dropFirst()
        }
        var mantissa: [UInt8] = []
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        while let c = utf8.first, c != UInt8(ascii: "e"), c != UInt8(ascii: "E") {
            if c >= 0x30 && c <= 0x39 {
                mantissa.append(c)
                sawDigit = true
                if sawPoint { fractionDigits += 1 }
            } else if c == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            utf8 = utf8.dropFirst()
        }
        guard sawDigit, mantissa.count <= 38 else { return nil }
        var exponent = 0
        if !utf8.isEmpty {
            utf8 = utf8.dropFirst()
            var expNegative = false
            if let sign = utf8.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
                expNegative = sign == UInt8(ascii: "-")
                utf8 = utf8.dropFirst()
            }
            guard !utf8.isEmpty, utf8.count <= 3, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            exponent = Int(String(decoding: utf8, as: UTF8.self)) ?? 0
            if expNegative { exponent = -exponent }
        }
        let scale = exponent - fractionDigits
        guard DecimalText.exponentRange.contains(scale) else { return nil }
        let digits = String(decoding: mantissa.drop(while: { $0 == 0x30 }), as: UTF8.self)
        let significand = Decimal(string: digits.isEmpty ? "0" : digits) ?? 0
        var result = Decimal(sign: .plus, exponent: scale, significand: significand)
        if negative { result = -result }
        self.value = result
        self.text = text
        self.resolution = Decimal(sign: .plus, exponent: scale, significand: 1)
    }

    /// A value with an explicit resolution (formats that carry integers and a scaler).
    public init(value: Decimal, text: String, resolution: Decimal) {
        self.value = value
        self.text = text
        self.resolution = resolution
    }

    /// The number as written.
    public var description: String { text }
}

extension Decimal {
    /// Plain decimal text without exponent, e.g. `12.345`.
    var plainText: String {
        var copy = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &copy, 12, .plain)
        return "\(rounded)"
    }
}
