// English texts of the decoding stage: format errors and undecoded values.

extension FormatError: Explained {
    public var english: String {
        let text = "\(format.rawValue): \(problem.english(format: format))"
        return offset.map { "\(text) (at byte \(Wording.english.integer($0)))" } ?? text
    }
}

/// Meter data and field names as English texts show them: escaped, data in double quotes.
private func quoted(_ text: String) -> String { "\"\(TextSafety.escaped(text))\"" }
private func name(_ text: String) -> String { TextSafety.escaped(text) }

extension FormatProblem {
    func english(format: MeterFormat) -> String {
        let w = Wording.english
        switch self {
        case .valueCarriesNoData: return "the signed value carries no data"
        case .notARecordInAnyTransport:
            return
                "neither signed_data nor plain_data is a \(format.rawValue) record (read as text, base64, hex and base32)"
        case .tooManyReadings(let count, let limit):
            return "too many readings: \(w.integer(count)); a record may hold at most \(w.integer(limit))"
        case .missingField(let field): return "\(name(field)) is missing"
        case .emptyField(let field): return "\(name(field)) is empty"
        case .duplicateField(let field): return "\(name(field)) appears twice"
        case .badLength(let field, let expected, let actual):
            return "\(name(field)) has \(w.count(actual, "byte", "bytes")); it must have \(expected.english)"
        case .scalerOutOfRange(let field, let scaler, let lowest, let highest):
            return
                "\(name(field)) \(scaler) is outside \(lowest)…+\(highest); no meter scales its register by that power of ten"
        case .invalidValue(let field, let value, let expected, let found):
            let written = value.map { " \(quoted($0))" } ?? ""
            guard let found else { return "\(name(field))\(written) is not \(expected.english)" }
            return "\(name(field))\(written) is \(found.english), not \(expected.english)"
        case .topLevelNotObject(let found): return "the data is \(found.english), not a JSON object"
        case .doesNotStartWith(let marker): return "the record does not start with \(quoted(marker))"
        case .nonPrintableByte(let byte):
            return "the record holds a byte that is not printable ASCII (0x\(Hex.encode([byte])))"
        case .malformedJSON(let fault): return "not valid JSON: \(fault.english)"
        case .malformedXML(let fault): return "not well-formed XML: \(fault.english)"
        case .malformedEscapedXML: return "the escaped XML is malformed (an & that starts no predefined entity)"
        case .wrongRoot(let found, let expected):
            let names = expected.map { "<\(name($0))>" }
            return "the root element is <\(name(found))>, not \(names.joined(separator: " or "))"
        case .unknownEncoding(let field, let encoding):
            return "\(name(field)) has the unknown encoding \(quoted(encoding))"
        case .endsInside(let field, let offset):
            return "the data ends inside the \(field.english) (byte \(w.integer(offset)))"
        case .endsBefore(let byte): return "the block ends before byte \(w.integer(byte))"
        case .sml(let problem): return "SML: \(problem.english)"
        case .ocmfNoSeparatorAfterHeader: return "no '|' after the OCMF header"
        case .ocmfSectionMissing(let section): return "the \(section.english) section is missing"
        case .ocmfSectionEmpty(let section): return "the \(section.english) section is empty"
        case .ocmfSectionNotObject(let section): return "the \(section.english) section is not a JSON object"
        case .ocmfSectionUnterminated(let section): return "the \(section.english) section ends inside its JSON object"
        case .ocmfSectionNotJSON(let section, let fault):
            return "the \(section.english) section is not valid JSON" + (fault.map { ": \($0.english)" } ?? "")
        case .ocmfTextAfterSection(let section):
            return "unexpected text after the \(section.english) section's JSON object"
        case .ocmfTooManySections:
            return "more than four sections (OCMF has payload, signature and an optional public key)"
        case .alfenFieldCount(let count):
            return
                "the line has \(w.count(count, "';'-separated field", "';'-separated fields")); an Alfen line has 6 (AP;type;version;key;dataset;signature)"
        case .alfenUnknownType(let type):
            return "field 2 (type) is \(quoted(type)); Alfen defines 0 (start), 1 (stop) and 2 (intermediate)"
        case .alfenFieldEmpty(let field): return "\(field.english) is empty"
        case .alfenNotBase32Character(let field, let character):
            return "\(field.english): \(quoted(character)) is not a base32 character"
        case .alfenBase32AfterPadding(let field): return "\(field.english): base32 text after the '=' padding"
        case .alfenNotBase32(let field):
            return "\(field.english) is not valid base32 (its length or last character cannot end a base32 text)"
        case .alfenFieldLength(let field, let actual, let expected):
            return
                "\(field.english) decodes to \(w.count(actual, "byte", "bytes")); it must be exactly \(w.integer(expected))"
        case .missingEntry(let obis): return "the GetList.Res has no entry \(name(obis))"
        case .isaListName: return "the list name is not an ISA EDL40P one (81 80 81 62 00|01|02 FF)"
        case .mennekesNoProcesses:
            return "the <Billing> document has no BillingPeriods/BillingPeriod/ChargingProcesses/ChargingProcess"
        case .mennekesNoMeasurement: return "the charging process has neither MeasurementStart nor MeasurementEnd"
        case .bsmSignedPointMissing(let point):
            return "the signed data point \(name(point)) is missing from additionalValues"
        case .bsmValueType(let point, let valueType):
            let named = valueType.map { "valueType \(quoted($0))" } ?? "no valueType"
            return "data point \(name(point)) has \(named); BSM-WS36A signs UnsignedInteger32 and Integer32"
        case .bsmNotLatin1(let point):
            return "data point \(name(point)): the text has characters ISO-8859-1 cannot encode"
        case .pcdfSTXWithoutETX: return "the record starts with STX but does not end with ETX"
        case .pcdfETXWithoutSTX: return "the record ends with ETX but does not start with STX"
        case .pcdfExpectedAttribute(let found): return "expected '(' to open an attribute, found \(quoted(found))"
        case .pcdfAttributeForm: return "an attribute is not of the form (KEY:value)"
        case .pcdfAttributeName(let key): return "attribute name \(quoted(key)) is not upper-case letters"
        case .pcdfParenthesisInAttribute(let key): return "attribute \(name(key)) holds a '('"
        case .pcdfAttributeAfterSignature(let key):
            return "attribute \(name(key)) follows SG: text after the signature is not covered by it"
        case .pcdfEnergyUnit(let value, let unit):
            return "RV \(quoted(value)): the unit is \(quoted(unit)); PCDF writes kWh"
        }
    }
}

extension ParserFault {
    var english: String { "line \(line), column \(column): \(reason)" }
}

extension ExpectedLength {
    var english: String {
        let w = Wording.english
        switch self {
        case .exactly(let n): return "exactly \(w.count(n, "byte", "bytes"))"
        case .atMost(let n): return "at most \(w.count(n, "byte", "bytes"))"
        case .oneOf(let counts):
            let texts = counts.map { w.integer($0) }
            return (texts.dropLast().joined(separator: ", ") + " or " + (texts.last ?? "")) + " bytes"
        }
    }
}

extension ValueKind {
    /// The kind with its article: "a JSON object".
    var english: String {
        let w = Wording.english
        switch self {
        case .jsonObject: return "a JSON object"
        case .jsonArray: return "a JSON array"
        case .nonEmptyArray: return "a non-empty JSON array"
        case .text: return "a JSON string"
        case .number: return "a JSON number"
        case .boolean: return "a boolean"
        case .null: return "null"
        case .integer: return "an integer"
        case .integerIn(let lowest, let highest): return "an integer in \(lowest)…\(highest)"
        case .unsignedNumber: return "an unsigned number"
        case .unsignedUpTo(let maximum): return "an unsigned number up to \(maximum)"
        case .unsigned(let bytes): return "a \(w.integer(bytes))-byte unsigned number"
        case .digits: return "a number (decimal digits)"
        case .singleDigit: return "a single digit"
        case .oneOf(let values):
            return "one of " + values.map(quoted).joined(separator: ", ")
        case .fitting(let type): return "a value that fits \(name(type))"
        case .octetString: return "an octet string"
        case .smlInteger(let bits): return "an Integer\(bits)"
        case .smlUnsigned(let bits): return "an Unsigned\(bits)"
        case .smlList(let count): return "a list of \(w.count(count, "element", "elements"))"
        case .list: return "a list"
        case .absent: return "absent"
        case .obisCode: return "a 6-byte OBIS code"
        case .secondsIndex: return "a 4-byte seconds index"
        case .hex: return "hex"
        case .encoded(let encoding): return "valid \(name(encoding))"
        case .textEncodingName: return "UTF-8 or ISO-8859-1"
        case .ocmfTime: return "an OCMF time"
        case .isoTimeWithOffset: return "an ISO 8601 time with seconds and offset"
        case .pcdfTime: return "a time yyMMddHHmmss from 2019 on"
        case .pcdfDuration: return "a duration hhmmss"
        case .pcdfEnergy: return "an energy nnnn.nnn*kWh"
        case .pcdfIdentification: return "idTag*type*transaction"
        }
    }
}

extension OCMFSection {
    var english: String {
        switch self {
        case .payload: "payload"
        case .signature: "signature"
        }
    }
}

extension AlfenField {
    var english: String {
        switch self {
        case .type: "field 2 (type)"
        case .blobVersion: "field 3 (blob version)"
        case .publicKey: "field 4 (public key)"
        case .dataset: "field 5 (dataset)"
        case .signature: "field 6 (signature)"
        }
    }
}

extension SMLProblem {
    var english: String {
        let w = Wording.english
        switch self {
        case .noBeginSequence: return "the file does not start with the SML begin sequence 1b1b1b1b 01010101"
        case .noEndSequence(let length):
            return
                "the file ends without the SML end sequence 1b1b1b1b 1a (truncated after \(w.count(length, "byte", "bytes")))"
        case .endsInsideEscape: return "the file ends inside an escape sequence"
        case .secondBeginSequence: return "a second SML begin sequence inside the file"
        case .unknownEscape(let hex):
            return "unknown escape sequence 1b1b1b1b \(name(hex)) (only 1b1b1b1b, 01010101 and 1a are defined)"
        case .tooMuchPadding(let count):
            return
                "the end sequence announces \(w.count(count, "padding byte", "padding bytes")); at most 3 are possible"
        case .paddingBeyondFile: return "the end sequence announces more padding bytes than the file holds"
        case .paddingNotZero(let byte):
            return "padding byte 0x\(Hex.encode([byte])) is not 00 (the padding count may be wrong)"
        case .fileChecksumMismatch(let transmitted, let computed):
            return "file checksum mismatch: the file says 0x\(SMLTransport.hex16(transmitted)), its bytes give "
                + "0x\(SMLTransport.hex16(computed)); the telegram was altered after the meter wrote it"
        case .bytesAfterEnd(let count): return "\(w.count(count, "byte", "bytes")) after the end of the SML file"
        case .noMessage: return "the SML file holds no message"
        case .noGetListResponse: return "the SML file holds no GetList.Res message (body tag 0x0701)"
        case .notAListOf(let structure, let count):
            return "\(structure.english) must be a list of \(w.count(count, "element", "elements"))"
        case .elementType(let field, let expected, let found):
            guard let found else { return "\(name(field)) is not \(expected.english)" }
            return "\(name(field)) is \(found.english), not \(expected.english)"
        case .endsBeforeChecksum: return "the message ends before its checksum"
        case .checksumType(let found):
            return "the message checksum must be an Unsigned16 (type-length 63), found 0x\(Hex.encode([found]))"
        case .messageChecksumMismatch(let transmitted, let computed):
            return "message checksum mismatch: the message says 0x\(SMLTransport.hex16(transmitted)), its bytes give "
                + "0x\(SMLTransport.hex16(computed)); the telegram was altered after the meter wrote it"
        case .noEndOfMessage: return "the message does not end with the end-of-message byte 00"
        case .endsInsideElement: return "the payload ends inside an element"
        case .continuedTypeLength(let byte):
            return "a continued type-length byte 0x\(Hex.encode([byte])) carries type bits"
        case .typeLengthTooLong: return "a type-length field longer than 4 bytes"
        case .lengthShorterThanTypeLength(let length, let typeLengthBytes):
            return "the element's length \(length) is shorter than its \(typeLengthBytes) type-length bytes"
        case .endOfMessageInElement: return "an end-of-message byte where an element should be"
        case .nestedTooDeep(let limit): return "lists nested deeper than \(limit)"
        case .listTooLong(let count, let remaining):
            return "a list of \(count) elements cannot fit in the \(w.count(remaining, "byte", "bytes")) left"
        case .elementTooLong(let length, let remaining):
            return
                "an element of \(w.count(length, "data byte", "data bytes")) runs past the end of the payload (\(remaining) left)"
        case .unknownType(let byte): return "type-length byte 0x\(Hex.encode([byte])) names no SML type"
        case .booleanLength: return "a boolean must have exactly one data byte"
        case .integerLength(let count): return "an integer must have 1 to 8 data bytes, this one has \(count)"
        case .timeChoice(let choice): return "SML_Time choice \(choice) is not defined (1, 2 or 3)"
        }
    }
}

extension SMLStructure {
    var english: String {
        switch self {
        case .message: "an SML message"
        case .messageBody: "the message body (tag and body)"
        case .getListResponse: "a GetList.Res"
        case .listEntry: "an SML_ListEntry"
        case .time: "an SML_Time (choice and value)"
        case .localTimestamp: "an SML local timestamp (timestamp, local offset and season offset)"
        }
    }
}

extension UndecodedReason: Explained {
    public var english: String {
        switch self {
        case .unrecognised(let method):
            let named = method.map { "encoding method \"\(TextSafety.escaped($0))\"" } ?? "no encoding method"
            return "\(named), and no decoder recognises the signed data"
        case .unsupported(let format): return "the encoding method \(format) is not supported by this version"
        }
    }
}

extension SignedBytesRule: Explained {
    public var english: String {
        switch self {
        case .ocmfWhitespaceRemoved: "verified over the payload with whitespace removed (OCMF 1.0 rule)"
        }
    }
}
