/// What is wrong with signed data a decoder could not read. Cases carry the values the text names:
/// field names as the format writes them (`RD`, `<ServerId>`, `meterInfo.meterId`), lengths,
/// counts and the meter's own text. Generic cases serve every format; a format's own case exists
/// only where the fact is specific to it.
public enum FormatProblem: Sendable, Hashable {
    // Any format.
    /// The signed value has neither `signed_data` nor `plain_data`.
    case valueCarriesNoData
    /// Neither field is a record of the format, read as text, base64, hex or base32.
    case notARecordInAnyTransport
    /// A record holds more readings than any meter signs (Bounded work).
    case tooManyReadings(count: Int, limit: Int)
    /// A field the format requires is absent.
    case missingField(String)
    /// A field the format requires is present but empty.
    case emptyField(String)
    /// A field that may appear once appears again.
    case duplicateField(String)
    /// A field has another length than the format allows.
    case badLength(field: String, expected: ExpectedLength, actual: Int)
    /// A scaler (power of ten) outside what any meter uses; arithmetic on it would be meaningless.
    case scalerOutOfRange(field: String, scaler: Int, lowest: Int, highest: Int)
    /// A field's value is not what the format requires there; `value` is the text as written when
    /// it helps, `found` what the field holds instead when the container says.
    case invalidValue(field: String, value: String?, expected: ValueKind, found: ValueKind?)
    /// The whole data is not a JSON object.
    case topLevelNotObject(found: ValueKind)
    /// The data does not start with the format's marker.
    case doesNotStartWith(String)
    /// A byte that is not printable ASCII in a format that is printable ASCII only.
    case nonPrintableByte(UInt8)
    /// The JSON around the record is not well-formed.
    case malformedJSON(ParserFault)
    /// The XML around the record is not well-formed.
    case malformedXML(ParserFault)
    /// The XML arrived entity-escaped and an `&` sequence is no predefined entity.
    case malformedEscapedXML
    /// The XML document's root element is not one the format defines.
    case wrongRoot(found: String, expected: [String])
    /// A field's `encoding` attribute names an encoding this decoder does not know.
    case unknownEncoding(field: String, encoding: String)
    /// The record ends inside a field of a fixed layout.
    case endsInside(field: AttributeLabel, offset: Int)
    /// A fixed-layout block ends before a byte the layout needs.
    case endsBefore(byte: Int)
    /// An SML file that is not well-formed.
    case sml(SMLProblem)

    // OCMF.
    /// `OCMF` without the `|` after it.
    case ocmfNoSeparatorAfterHeader
    /// A section of the record is missing (the signature section after the payload).
    case ocmfSectionMissing(OCMFSection)
    /// A section holds nothing.
    case ocmfSectionEmpty(OCMFSection)
    /// A section does not start with `{`, or is JSON but not an object.
    case ocmfSectionNotObject(OCMFSection)
    /// A section's JSON object never closes.
    case ocmfSectionUnterminated(OCMFSection)
    /// A section is not valid JSON (the parser's position when it names one).
    case ocmfSectionNotJSON(OCMFSection, ParserFault?)
    /// Text between a section's JSON object and the next `|`.
    case ocmfTextAfterSection(OCMFSection)
    /// A fifth `|`-separated section.
    case ocmfTooManySections

    // Alfen.
    /// The line does not have the six `;`-separated fields.
    case alfenFieldCount(Int)
    /// Field 2 (type) is not 0, 1 or 2.
    case alfenUnknownType(String)
    /// A field of the line is empty.
    case alfenFieldEmpty(AlfenField)
    /// A character outside the base32 alphabet.
    case alfenNotBase32Character(AlfenField, character: String)
    /// Base32 text after the `=` padding.
    case alfenBase32AfterPadding(AlfenField)
    /// The field's length or last character cannot end a base32 text.
    case alfenNotBase32(AlfenField)
    /// The field decodes to another number of bytes than the format fixes.
    case alfenFieldLength(AlfenField, actual: Int, expected: Int)

    // EDL40 family.
    /// A GetList.Res entry the format needs is absent (named by its OBIS code).
    case missingEntry(obis: String)
    /// The ISA list name is not `81 80 81 62 00|01|02 FF`.
    case isaListName
    /// A Mennekes `<Billing>` document without any charging process.
    case mennekesNoProcesses
    /// A Mennekes charging process with neither start nor end measurement.
    case mennekesNoMeasurement

    // BSM-WS36A.
    /// A data point of the signed message is not in `additionalValues`.
    case bsmSignedPointMissing(String)
    /// A numeric data point names a `valueType` BSM-WS36A does not sign (nil: none named).
    case bsmValueType(point: String, valueType: String?)
    /// A string point declared ISO-8859-1 holds characters ISO-8859-1 cannot encode.
    case bsmNotLatin1(point: String)

    // PCDF.
    /// The record starts with STX but does not end with ETX.
    case pcdfSTXWithoutETX
    /// The record ends with ETX but does not start with STX.
    case pcdfETXWithoutSTX
    /// Something else than `(` where an attribute should open.
    case pcdfExpectedAttribute(found: String)
    /// An attribute is not of the form `(KEY:value)`.
    case pcdfAttributeForm
    /// An attribute name that is not upper-case letters.
    case pcdfAttributeName(String)
    /// An attribute value holding a `(`.
    case pcdfParenthesisInAttribute(String)
    /// An attribute after `SG`: text the signature does not cover.
    case pcdfAttributeAfterSignature(String)
    /// `RV` in another unit than kWh.
    case pcdfEnergyUnit(value: String, unit: String)

    /// The problem's part of the code (`FormatError.code` prefixes the format).
    public var code: String {
        switch self {
        case .valueCarriesNoData: "no_data"
        case .notARecordInAnyTransport: "not_a_record"
        case .tooManyReadings: "too_many_readings"
        case .missingField: "missing_field"
        case .emptyField: "empty_field"
        case .duplicateField: "duplicate_field"
        case .badLength: "bad_length"
        case .scalerOutOfRange: "scaler_out_of_range"
        case .invalidValue: "invalid_value"
        case .topLevelNotObject: "not_an_object"
        case .doesNotStartWith: "bad_start"
        case .nonPrintableByte: "non_printable_byte"
        case .malformedJSON: "malformed_json"
        case .malformedXML: "malformed_xml"
        case .malformedEscapedXML: "malformed_escaped_xml"
        case .wrongRoot: "wrong_root"
        case .unknownEncoding: "unknown_encoding"
        case .endsInside: "ends_inside_field"
        case .endsBefore: "ends_early"
        case .sml(let problem): "sml.\(problem.code)"
        case .ocmfNoSeparatorAfterHeader: "no_separator_after_header"
        case .ocmfSectionMissing: "section_missing"
        case .ocmfSectionEmpty: "section_empty"
        case .ocmfSectionNotObject: "section_not_object"
        case .ocmfSectionUnterminated: "section_unterminated"
        case .ocmfSectionNotJSON: "section_not_json"
        case .ocmfTextAfterSection: "text_after_section"
        case .ocmfTooManySections: "too_many_sections"
        case .alfenFieldCount: "field_count"
        case .alfenUnknownType: "unknown_type"
        case .alfenFieldEmpty: "field_empty"
        case .alfenNotBase32Character: "not_base32_character"
        case .alfenBase32AfterPadding: "base32_after_padding"
        case .alfenNotBase32: "not_base32"
        case .alfenFieldLength: "field_length"
        case .missingEntry: "missing_entry"
        case .isaListName: "list_name"
        case .mennekesNoProcesses: "no_charging_process"
        case .mennekesNoMeasurement: "no_measurement"
        case .bsmSignedPointMissing: "signed_point_missing"
        case .bsmValueType: "value_type"
        case .bsmNotLatin1: "not_latin1"
        case .pcdfSTXWithoutETX: "stx_without_etx"
        case .pcdfETXWithoutSTX: "etx_without_stx"
        case .pcdfExpectedAttribute: "expected_attribute"
        case .pcdfAttributeForm: "attribute_form"
        case .pcdfAttributeName: "attribute_name"
        case .pcdfParenthesisInAttribute: "parenthesis_in_attribute"
        case .pcdfAttributeAfterSignature: "attribute_after_signature"
        case .pcdfEnergyUnit: "energy_unit"
        }
    }

    /// One problem of every case, for the catalogue tests.
    static var samples: [Self] {
        [
            .valueCarriesNoData, .notARecordInAnyTransport, .tooManyReadings(count: 1001, limit: 1000),
            .missingField("SD"), .emptyField("<publicKey>"), .duplicateField("RCR"),
            .badLength(field: "<ServerId>", expected: .exactly(10), actual: 9),
            .scalerOutOfRange(field: "scaler", scaler: -128, lowest: -9, highest: 9),
            .invalidValue(field: "RD[0].TM", value: "2018-07-24", expected: .ocmfTime, found: nil),
            .topLevelNotObject(found: .jsonArray), .doesNotStartWith("AP;"), .nonPrintableByte(0x7F),
            .malformedJSON(ParserFault(line: 1, column: 5, reason: "unexpected end")),
            .malformedXML(ParserFault(line: 2, column: 1, reason: "unclosed tag")), .malformedEscapedXML,
            .wrongRoot(found: "foo", expected: ["ChargingProcess", "Billing"]),
            .unknownEncoding(field: "<publicKey>", encoding: "rot13"), .endsInside(field: .uid, offset: 60),
            .endsBefore(byte: 320), .sml(.noMessage), .ocmfNoSeparatorAfterHeader, .ocmfSectionMissing(.signature),
            .ocmfSectionEmpty(.payload), .ocmfSectionNotObject(.payload), .ocmfSectionUnterminated(.signature),
            .ocmfSectionNotJSON(.payload, nil), .ocmfTextAfterSection(.payload), .ocmfTooManySections,
            .alfenFieldCount(5), .alfenUnknownType("7"), .alfenFieldEmpty(.blobVersion),
            .alfenNotBase32Character(.dataset, character: "1"), .alfenBase32AfterPadding(.signature),
            .alfenNotBase32(.publicKey), .alfenFieldLength(.publicKey, actual: 24, expected: 25),
            .missingEntry(obis: "8180c7f040ff"), .isaListName, .mennekesNoProcesses, .mennekesNoMeasurement,
            .bsmSignedPointMissing("RCR"), .bsmValueType(point: "W", valueType: "Float"),
            .bsmNotLatin1(point: "Meta1"), .pcdfSTXWithoutETX, .pcdfETXWithoutSTX, .pcdfExpectedAttribute(found: "x"),
            .pcdfAttributeForm, .pcdfAttributeName("st"), .pcdfParenthesisInAttribute("SI"),
            .pcdfAttributeAfterSignature("XX"), .pcdfEnergyUnit(value: "0001.000*Wh", unit: "Wh"),
        ]
    }
}

/// Where and why a JSON or XML parser stopped. The parser's `reason` is English only; the German
/// text names the position.
public struct ParserFault: Sendable, Hashable {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column, in bytes.
    public var column: Int
    /// The parser's reason (English).
    public var reason: String

    /// A fault at a line and column.
    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    init(_ error: JSONParser.Error) { self.init(line: error.line, column: error.column, reason: error.reason) }
    init(_ error: XMLReader.Error) { self.init(line: error.line, column: error.column, reason: error.reason) }
}

/// The lengths a field may have, as texts name them.
public enum ExpectedLength: Sendable, Hashable {
    /// Exactly this many bytes.
    case exactly(Int)
    /// At most this many bytes.
    case atMost(Int)
    /// One of these byte counts.
    case oneOf([Int])
}

/// The sections of an OCMF record.
public enum OCMFSection: Sendable, Hashable {
    case payload, signature
}

/// The base32 and text fields of an Alfen line, by position.
public enum AlfenField: Int, Sendable, Hashable {
    case type = 2, blobVersion, publicKey, dataset, signature
}
