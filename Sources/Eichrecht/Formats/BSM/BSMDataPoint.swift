import Foundation

/// One signed data point of a BSM-WS36A snapshot (`additionalValues[]`), and its bytes in the
/// signed message.
///
/// A numeric point is signed as 6 bytes: the value as a 32-bit big-endian integer (two's complement
/// for signed types), the scale factor as i8 and the DLMS unit code as u8. A string point is signed
/// as its UTF-8 length (u32 big-endian) followed by the bytes. The JSON's `unit` names are labels
/// only: the signature covers the unit code.
struct BSMDataPoint: Sendable, Hashable {
    /// A point's value: an integer for a numeric point, text for a string point.
    public enum Value: Sendable, Hashable {
        /// A numeric point's value; the decoder checks that it fits its `valueType`
        /// (`UnsignedInteger32`, `Integer32`).
        case integer(Int64)
        /// A string point's value (`MA1`, `Meta1`–`Meta3`, or `valueType` `String`).
        case text(String)
    }

    /// How a string point's characters become signed bytes (`valueEncoding`).
    public enum TextEncoding: String, Sendable, Hashable {
        /// UTF-8, the encoding when `valueEncoding` is absent.
        case utf8 = "UTF-8"
        /// ISO-8859-1: one byte per character, as newer containers declare it.
        case latin1 = "ISO-8859-1"
    }

    /// `measurand.name`, e.g. `RCR`.
    public var name: String
    /// `measurand.id` (an OBIS code), unsigned.
    public var measurandID: String?
    /// `measuredValue.value`: the signed value.
    public var value: Value
    /// `valueType` as written (`UnsignedInteger32`, `Integer32`, `String`).
    public var valueType: String?
    /// `scale`: the power of ten the value is scaled by.
    public var scale: Int8
    /// `unitEncoded`: the DLMS unit code (Wh 30, W 27, s 7, min 6, none 255).
    public var unitCode: UInt8
    /// `unit` as written (`WATT_HOUR`, …), unsigned.
    public var unitName: String?
    /// The encoding of a string point's bytes.
    public var textEncoding: TextEncoding = .utf8
    /// Whether the JSON left out `value` of this string point. BAUER's exporter omits it when the
    /// meter signed an empty string; the point is read as that empty string (a deviation).
    public var valueOmitted = false

    /// The data points in the order the meter signs them.
    public static let signedOrder = [
        "Typ", "RCR", "TotWhImp", "W", "MA1", "RCnt", "OS", "Epoch", "TZO", "EpochSetCnt", "EpochSetOS", "DI", "DO",
        "Meta1", "Meta2", "Meta3", "Evt",
    ]

    /// The points signed as strings.
    public static let stringPoints: Set<String> = ["MA1", "Meta1", "Meta2", "Meta3"]

    /// The bytes this point contributes to the signed message.
    public var signedBytes: [UInt8] {
        switch value {
        case .integer(let integer):
            let word = UInt32(truncatingIfNeeded: integer)
            return [
                UInt8(word >> 24), UInt8(word >> 16 & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word & 0xFF),
                UInt8(bitPattern: scale), unitCode,
            ]
        case .text(let text):
            let bytes = BSMDataPoint.bytes(text, textEncoding) ?? Array(text.utf8)
            let count = UInt32(truncatingIfNeeded: bytes.count)
            return [UInt8(count >> 24), UInt8(count >> 16 & 0xFF), UInt8(count >> 8 & 0xFF), UInt8(count & 0xFF)]
                + bytes
        }
    }

    /// The bytes of a string in an encoding; `nil` when a character has no ISO-8859-1 byte.
    static func bytes(_ text: String, _ encoding: TextEncoding) -> [UInt8]? {
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .latin1:
            var out: [UInt8] = []
            for scalar in text.unicodeScalars {
                guard scalar.value <= 0xFF else { return nil }
                out.append(UInt8(scalar.value))
            }
            return out
        }
    }

    /// The integer value, when the point is numeric.
    public var integer: Int64? {
        if case .integer(let integer) = value { return integer }
        return nil
    }

    /// The string value, when the point is a string.
    public var text: String? {
        if case .text(let text) = value { return text }
        return nil
    }

    /// The value × 10^scale as exact decimal text, with one unit of 10^scale as resolution.
    public var decimal: DecimalText? {
        guard let integer else { return nil }
        return DecimalText(integer: integer, scaler: scale)
    }

    /// The unit symbol for a DLMS unit code, where the format documents it.
    public static func unitSymbol(_ code: UInt8) -> String? {
        switch code {
        case 30: "Wh"
        case 27: "W"
        case 7: "s"
        case 6: "min"
        case 255: ""
        default: nil
        }
    }

    /// The DLMS code a chargeIT unit name stands for (`nil` for names the samples do not use).
    public static func unitCode(named name: String) -> UInt8? {
        switch name.uppercased() {
        case "WATT_HOUR": 30
        case "WATT": 27
        case "SECOND": 7
        case "MIN", "MINUTE": 6
        case "UNITLESS": 255
        default: nil
        }
    }
}
