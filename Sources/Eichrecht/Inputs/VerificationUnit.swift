/// What a unit was in its input. Reports name units by it ("S.A.F.E. transaction", not "CDR") and
/// say where a key came from (a S.A.F.E. `<publicKey>`, not "the CDR").
public enum UnitKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// An OCPI CDR.
    case cdr
    /// A bare OCPI `SignedData` object.
    case signedData = "signed_data"
    /// OCPP signed meter values (1.6 `SignedData` sampled values, 2.0.1/2.1 messages).
    case ocppMessage = "ocpp"
    /// One transaction of a S.A.F.E. values XML document.
    case safeTransaction = "safe_transaction"
    /// Raw signed records (OCMF text, Alfen lines, SML telegrams, …).
    case rawRecord = "raw_record"
}

/// One thing to verify, as read from an input: a CDR or a standalone SignedData.
public struct VerificationUnit: Sendable {
    /// What a unit holds.
    public enum Content: Sendable {
        /// An OCPI CDR: its `signed_data` is verified and cross-checked with the CDR's fields.
        case cdr(CDR)
        /// Signed values without a CDR: a bare SignedData, OCPP signed meter values, a S.A.F.E.
        /// document or raw signed records.
        case signedData(SignedData)
    }

    /// The CDR or SignedData to verify.
    public var content: Content
    /// What the unit was in its input, so reports call it what it is.
    public var kind: UnitKind
    /// The unit's position in its input, `#1`, `#2`, …; used as the report id when the CDR has none.
    public var label: String
    /// The line the unit starts on (1-based).
    public var line: Int

    /// A unit from its content and its position in the input; `kind` defaults to what the content
    /// is (a CDR or an OCPI SignedData).
    public init(content: Content, kind: UnitKind? = nil, label: String, line: Int) {
        self.content = content
        switch content {
        case .cdr: self.kind = kind ?? .cdr
        case .signedData: self.kind = kind ?? .signedData
        }
        self.label = label
        self.line = line
    }

    /// The units a top-level JSON value holds.
    static func units(from json: JSONValue) throws(InputError) -> [(content: Content, kind: UnitKind)] {
        switch json {
        case .array(let items):
            // OCPP signed meter values of one transaction (sampled values, messages, a CALL frame).
            if let ocpp = try OCPPSignedMeterValues.signedData(from: json) {
                return ocpp.map { (.signedData($0), .ocppMessage) }
            }
            var result: [(content: Content, kind: UnitKind)] = []
            for item in items { result.append(contentsOf: try units(from: item)) }
            return result
        case .object:
            if let data = json.member(caseInsensitive: "data"),
                json.member(caseInsensitive: "status_code") != nil
                    || json.member(caseInsensitive: "status_message") != nil
            {
                if data == .null { return [] }
                return try units(from: data)
            }
            if CDR.looksLikeCDR(json) { return [(.cdr(try CDR(json: json)), .cdr)] }
            if json["signed_values"] != nil { return [(.signedData(try SignedData(json: json)), .signedData)] }
            if let ocpp = try OCPPSignedMeterValues.signedData(from: json) {
                return ocpp.map { (.signedData($0), .ocppMessage) }
            }
            throw InputError(
                "a JSON object that is neither a CDR, an OCPI response nor a SignedData (it has no signed_data, total_energy or signed_values)"
            )
        default:
            throw InputError("a JSON \(json.typeName) where a CDR object was expected")
        }
    }

    /// A SignedData built from raw signed records (a file of OCMF records or Alfen lines, plain or encoded).
    static func rawRecords(_ bytes: [UInt8]) throws(InputError) -> SignedData {
        var text = bytes[...]
        while let first = text.first, JSONScanner.isWhitespace(first) || first == 0xEF || first == 0xBB || first == 0xBF
        {
            text = text.dropFirst()  // whitespace and a UTF-8 byte order mark
        }
        guard !text.isEmpty else { throw InputError("the input is empty") }
        while let last = text.last, JSONScanner.isWhitespace(last) { text = text.dropLast() }
        if let (transport, bytes, decoder) = ValueDecoder.firstRecognised(Array(text)) {
            let pieces = decoder.splitSignedValues(bytes)
            let byOrder = decoder.naturesByOrder(ofPieces: pieces.count)
            let values = (pieces.isEmpty ? [bytes[...]] : pieces).enumerated().map { index, piece in
                let utf8 = String(validating: piece, as: UTF8.self)
                return SignedValue(
                    nature: byOrder.flatMap { $0.indices.contains(index) ? $0[index] : nil }
                        ?? nature(of: piece, decoder: decoder), plainData: nil,
                    // Binary formats (SML) do not survive a String: such a value keeps the text it came as.
                    signedData: utf8 ?? String(decoding: transport == .plain ? piece : text, as: UTF8.self),
                    // A plain record that is not UTF-8 keeps its bytes: the signature covers them.
                    signedBytes: utf8 == nil && transport == .plain ? Array(piece) : nil)
            }
            return SignedData(encodingMethod: nil, publicKey: nil, signedValues: values)
        }
        let preview = String(decoding: text.prefix(24), as: UTF8.self).map { $0.isASCII && !$0.isNewline ? $0 : "·" }
        throw InputError(
            "not a CDR, a SignedData or a signed record (starts with \"\(String(preview))\")", offset: 0, line: 1,
            column: 1)
    }

    /// The OCPI nature a raw record stands for, from its readings.
    private static func nature(of piece: ArraySlice<UInt8>, decoder: any MeterFormatDecoder) -> String? {
        ValueDecoder.nature(of: ValueDecoder.readingTypes(Array(piece), decoder: decoder))
    }
}
