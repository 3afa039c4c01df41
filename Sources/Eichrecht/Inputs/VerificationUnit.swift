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

    /// Whether a value without a nature takes the one its decoded readings stand for: inputs that
    /// have no nature field (raw records, S.A.F.E. values without a begin/end context, OCPP values
    /// without one) do; an OCPI value that names none stays without one, as the sender wrote it.
    var infersMissingNature: Bool {
        switch self {
        case .rawRecord, .safeTransaction, .ocppMessage: true
        case .cdr, .signedData: false
        }
    }
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
            throw InputError(.notAUnit)
        default:
            throw InputError(.notACDR(json.kind))
        }
    }

    /// A SignedData built from raw signed records (a file of OCMF records or Alfen lines, plain or encoded).
    static func rawRecords(_ bytes: [UInt8]) throws(InputError) -> SignedData {
        var text = bytes[...]
        while let first = text.first, JSONScanner.isWhitespace(first) || first == 0xEF || first == 0xBB || first == 0xBF
        {
            text = text.dropFirst()  // whitespace and a UTF-8 byte order mark
        }
        guard !text.isEmpty else { throw InputError(.empty) }
        while let last = text.last, JSONScanner.isWhitespace(last) { text = text.dropLast() }
        // Recognising the format (and cutting a file into its values) is not decoding: each value
        // is decoded once, by verification, which also infers its nature from its readings.
        if let (transport, bytes, decoder) = Transport.firstRecognised(Array(text)) {
            let pieces = decoder.splitSignedValues(bytes)
            let byOrder = decoder.naturesByOrder(ofPieces: pieces.count)
            let values = (pieces.isEmpty ? [bytes[...]] : pieces).enumerated().map { index, piece in
                let utf8 = String(validating: piece, as: UTF8.self)
                return SignedValue(
                    nature: byOrder.flatMap { $0.indices.contains(index) ? $0[index] : nil }, plainData: nil,
                    // Binary formats (SML) do not survive a String: their text is only for display.
                    signedData: utf8 ?? String(decoding: transport == .plain ? piece : text, as: UTF8.self),
                    // Bytes that are not UTF-8 (SML, a Latin-1 OCMF file) keep their bytes and the
                    // transport already undone: the signature covers the bytes.
                    signedBytes: utf8 == nil ? Array(piece) : nil, signedBytesTransport: transport)
            }
            return SignedData(encodingMethod: nil, publicKey: nil, signedValues: values)
        }
        let preview = String(decoding: text.prefix(24), as: UTF8.self).map { $0.isASCII && !$0.isNewline ? $0 : "·" }
        throw InputError(
            .notRecognised(preview: String(preview)), offset: 0, line: 1,
            column: 1)
    }
}
