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
        let text = DecimalText.trimmed(raw)
        let utf8 = text.utf8.span
        var index = 0
        guard utf8.count > 0 else { return nil }
        var negative = false
        if utf8[0] == UInt8(ascii: "-") || utf8[0] == UInt8(ascii: "+") {
            negative = utf8[0] == UInt8(ascii: "-")
            index = 1
        }
        // The digits without leading zeros; up to 19 of them are gathered in an integer, the only
        // case meters and CDRs write (longer ones go through `Decimal(string:)`).
        var digitCount = 0
        var significantStart = -1
        var significantCount = 0
        var small: UInt64 = 0
        var fractionDigits = 0
        var sawPoint = false
        while index < utf8.count, utf8[index] != UInt8(ascii: "e"), utf8[index] != UInt8(ascii: "E") {
            let c = utf8[index]
            if c >= 0x30 && c <= 0x39 {
                digitCount += 1
                if sawPoint { fractionDigits += 1 }
                if significantStart < 0, c != 0x30 { significantStart = index }
                if significantStart >= 0 {
                    significantCount += 1
                    if significantCount <= 19 { small = small &* 10 &+ UInt64(c - 0x30) }
                }
            } else if c == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                return nil
            }
            index += 1
        }
        guard digitCount > 0, digitCount <= 38 else { return nil }
        let mantissaEnd = index
        var exponent = 0
        if index < utf8.count {
            index += 1
            var expNegative = false
            if index < utf8.count, utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") {
                expNegative = utf8[index] == UInt8(ascii: "-")
                index += 1
            }
            let count = utf8.count - index
            guard count >= 1, count <= 3 else { return nil }
            while index < utf8.count {
                let c = utf8[index]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                exponent = exponent * 10 + Int(c - 0x30)
                index += 1
            }
            if expNegative { exponent = -exponent }
        }
        let scale = exponent - fractionDigits
        guard DecimalText.exponentRange.contains(scale) else { return nil }
        let significand: Decimal
        if significantCount <= 19 {
            significand = Decimal(small)
        } else {
            // More than 19 significant digits: the digits as text, the point left out.
            var digits: [UInt8] = []
            for position in significantStart..<mantissaEnd where utf8[position] >= 0x30 && utf8[position] <= 0x39 {
                digits.append(utf8[position])
            }
            significand = Decimal(string: String(decoding: digits, as: UTF8.self)) ?? 0
        }
        var result = Decimal(sign: .plus, exponent: scale, significand: significand)
        if negative { result = -result }
        self.value = result
        self.text = text
        self.resolution = Decimal(sign: .plus, exponent: scale, significand: 1)
    }

    /// `raw` without surrounding spaces and tabs (`CharacterSet.whitespaces`); the common case,
    /// text that starts and ends with a visible ASCII character, is returned as it is.
    private static func trimmed(_ raw: String) -> String {
        let utf8 = raw.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return raw
        }
        return raw.trimmingCharacters(in: .whitespaces)
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
    /// Plain decimal text without exponent, e.g. `12.345`: the value rounded to 12 decimal places,
    /// as `Decimal.description` writes it.
    ///
    /// Every report writes several of these; `description` divides the whole 128-bit mantissa by
    /// ten for each digit. Here a mantissa that fits 63 bits (every reading, energy and tolerance)
    /// is taken as an integer, confirmed to convert back exactly, and its digits are placed
    /// around the point; anything else goes the general way, so the text never differs.
    var plainText: String {
        var value = self
        if !value.isNaN, value.exponent < -12 {
            var copy = self
            NSDecimalRound(&value, &copy, 12, .plain)
        }
        let exponent = value.exponent
        let significand = value.significand
        guard !value.isNaN, exponent >= -40, exponent <= 40 else { return value.generalText }
        let magnitude = NSDecimalNumber(decimal: significand).uint64Value
        guard magnitude < 1 << 63, Decimal(magnitude) == significand else { return value.generalText }
        if magnitude == 0 { return "0" }
        var digits = Array(String(magnitude).utf8)
        if exponent > 0 {
            digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent))
        } else if exponent < 0 {
            let fraction = -exponent
            if digits.count <= fraction {
                digits.insert(contentsOf: repeatElement(UInt8(ascii: "0"), count: fraction - digits.count + 1), at: 0)
            }
            digits.insert(UInt8(ascii: "."), at: digits.count - fraction)
        }
        if value.sign == .minus { digits.insert(UInt8(ascii: "-"), at: 0) }
        return String(decoding: digits, as: UTF8.self)
    }

    /// The rounded value's own text, for values outside the fast path of `plainText`.
    private var generalText: String {
        var copy = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &copy, 12, .plain)
        return "\(rounded)"
    }
}
