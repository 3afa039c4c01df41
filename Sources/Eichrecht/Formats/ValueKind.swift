/// What a field must hold, or what it holds instead: the kinds of value the decoders' errors name.
/// Texts say them with an article ("a JSON object", "ein JSON-Objekt").
public enum ValueKind: Sendable, Hashable {
    // JSON values.
    case jsonObject, jsonArray, nonEmptyArray, text, number, boolean, null
    // Numbers.
    /// Any integer.
    case integer
    /// An integer in `lowest…highest`.
    case integerIn(lowest: Int64, highest: Int64)
    /// An unsigned decimal number up to `maximum`.
    case unsignedUpTo(UInt64)
    /// Any unsigned number.
    case unsignedNumber
    /// An unsigned number of `bytes` bytes.
    case unsigned(bytes: Int)
    /// Decimal digits only (a counter, a type number).
    case digits
    /// One decimal digit.
    case singleDigit
    /// One of the values listed.
    case oneOf([String])
    /// A value that fits the named type (`UnsignedInteger32`).
    case fitting(String)
    // SML elements.
    case octetString
    /// An SML signed integer of `bits` bits.
    case smlInteger(bits: Int)
    /// An SML unsigned integer of `bits` bits.
    case smlUnsigned(bits: Int)
    /// An SML list of `count` elements.
    case smlList(count: Int)
    /// An SML list of any length.
    case list
    /// An absent SML element.
    case absent
    /// A 6-byte OBIS code.
    case obisCode
    /// An SML seconds index of 4 bytes.
    case secondsIndex
    // Encodings and texts.
    /// Hex text.
    case hex
    /// Valid text in the named encoding (`base64`).
    case encoded(String)
    /// UTF-8 or ISO-8859-1.
    case textEncodingName
    /// OCMF's `TM` time.
    case ocmfTime
    /// An ISO 8601 time with seconds and offset.
    case isoTimeWithOffset
    /// PCDF's `yyMMddHHmmss` from 2019 on.
    case pcdfTime
    /// PCDF's duration `hhmmss`.
    case pcdfDuration
    /// PCDF's energy `nnnn.nnn*kWh`.
    case pcdfEnergy
    /// PCDF's `SI`: `idTag*type*transaction`.
    case pcdfIdentification

    /// One kind of every case, for the catalogue tests.
    static var samples: [Self] {
        [
            .jsonObject, .jsonArray, .nonEmptyArray, .text, .number, .boolean, .null, .integer,
            .integerIn(lowest: -9, highest: 9), .unsignedUpTo(4_294_967_295), .unsignedNumber, .unsigned(bytes: 4),
            .digits,
            .singleDigit, .oneOf(["0", "1"]), .fitting("Integer32"), .octetString, .smlInteger(bits: 8),
            .smlUnsigned(bits: 32), .smlList(count: 3), .list, .absent, .obisCode, .secondsIndex, .hex,
            .encoded("base64"),
            .textEncodingName, .ocmfTime, .isoTimeWithOffset, .pcdfTime, .pcdfDuration, .pcdfEnergy,
            .pcdfIdentification,
        ]
    }
}

extension JSONValue {
    /// The kind of JSON value, as errors name it.
    var kind: ValueKind {
        switch self {
        case .object: .jsonObject
        case .array: .jsonArray
        case .string: .text
        case .number: .number
        case .bool: .boolean
        case .null: .null
        }
    }
}
