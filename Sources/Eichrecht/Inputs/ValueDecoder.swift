/// How a signed value's text was turned into the meter's bytes.
public enum Transport: String, Sendable, Hashable, Codable {
    /// The text itself is the record.
    case plain
    /// The text is base64 of the record's bytes.
    case base64
    /// The text is hex of the record's bytes.
    case hex
    /// The text is base32 of the record's bytes.
    case base32
    /// OCMF cut in two: payload in `plain_data`, signature section in `signed_data`.
    case reassembled
}

/// One OCPI signed value after decoding.
public struct DecodedValue: Sendable {
    /// The value's position in `signed_values` (0-based).
    public var index: Int
    /// The nature as one of the known kinds.
    public var nature: SignedValue.Nature
    /// The nature as the sender wrote it.
    public var natureText: String?
    /// Which field the record came from (`signed_data`, `plain_data`, or both).
    public var field: String?
    /// How the field's text became the record's bytes; `nil` when no format recognised it.
    public var transport: Transport?
    /// The format the bytes were decoded as, or the one `encoding_method` names when no decoder
    /// recognised them.
    public var format: MeterFormat?
    /// The decoded records: usually one, several for a value holding a container; empty when decoding
    /// failed.
    public var records: [SignedRecord]
    /// Whether the value decoded, and why not.
    public var outcome: Outcome

    /// The result of decoding one signed value.
    public enum Outcome: Sendable {
        /// A decoder read the bytes into records.
        case decoded
        /// A known format whose bytes are malformed.
        case malformed(FormatError)
        /// No decoder recognises the bytes and the encoding method names nothing we know.
        case unrecognised(String)
        /// The encoding method names a format this version does not decode.
        case unsupported(String)
    }
}

/// Turns OCPI signed values into records, whatever text encoding the sender chose.
enum ValueDecoder {
    /// Decodes one signed value. `encodingMethod` is a hint; the content decides.
    static func decode(
        _ value: SignedValue, index: Int, encodingMethod: String?, context: DecodingContext = DecodingContext()
    ) -> DecodedValue {
        var result = DecodedValue(
            index: index, nature: value.kind, natureText: value.nature, field: nil, transport: nil, format: nil,
            records: [], outcome: .decoded)
        let declared = FormatRegistry.decoder(forEncodingMethod: encodingMethod)
        let fields = [("signed_data", value.signedData), ("plain_data", value.plainData)].compactMap { name, text in
            text.map { (name, $0.trimmingCharacters(in: " \t\r\n")) }
        }.filter { !$0.1.isEmpty }

        if let reassembled = reassembleOCMF(value) {
            return finish(
                &result, bytes: reassembled, decoder: OCMFFormatDecoder(), field: "plain_data+signed_data",
                transport: .reassembled, context: context)
        }
        for (position, (name, text)) in fields.enumerated() {
            let received = name == "signed_data" ? value.signedBytes ?? Array(text.utf8) : Array(text.utf8)
            if let (transport, bytes, decoder) = firstRecognised(received) {
                finish(&result, bytes: bytes, decoder: decoder, field: name, transport: transport, context: context)
                for (otherName, otherText) in fields.dropFirst(position + 1) {
                    noteUnsignedCopy(otherName, otherText, of: &result, decodedText: text, context: context)
                }
                return result
            }
        }
        if let declared {
            let what =
                fields.isEmpty
                ? "the signed value carries no data"
                : "neither signed_data nor plain_data is a \(declared.format.rawValue) record (read as text, base64, hex and base32)"
            result.format = declared.format
            result.outcome = .malformed(FormatError(declared.format, what))
        } else if let method = encodingMethod,
            let name = FormatRegistry.unsupportedEncodingMethods[method.trimmingCharacters(in: " ").lowercased()]
        {
            result.outcome = .unsupported("the encoding method \(name) is not supported by this version")
        } else {
            let method = encodingMethod.map { "encoding method \"\($0)\"" } ?? "no encoding method"
            result.outcome = .unrecognised("\(method), and no decoder recognises the signed data")
        }
        return result
    }

    /// A second field of the value that holds a record too (`plain_data` beside `signed_data`) is an
    /// unsigned copy as far as this value goes: it never replaces the decoded record, and when it
    /// holds a different record, every decoded record notes the contradiction (consistency fails).
    private static func noteUnsignedCopy(
        _ name: String, _ text: String, of result: inout DecodedValue, decodedText: String, context: DecodingContext
    ) {
        // The same text in both fields (senders often repeat the record) needs no second decoding.
        guard text != decodedText, case .decoded = result.outcome, let field = result.field,
            let (_, bytes, decoder) = firstRecognised(Array(text.utf8)),
            let copies = try? decoder.decode(bytes, context: context)
        else { return }
        let signed = result.records.map(\.signedBytes)
        guard copies.map(\.signedBytes) != signed else { return }
        for index in result.records.indices {
            result.records[index].contradictions.append(
                Contradiction(
                    "\(name) holds another \(decoder.format.rawValue) record than \(field) (different signed data)"))
        }
    }

    @discardableResult
    private static func finish(
        _ result: inout DecodedValue, bytes: [UInt8], decoder: any MeterFormatDecoder, field: String,
        transport: Transport, context: DecodingContext
    ) -> DecodedValue {
        result.field = field
        result.transport = transport
        result.format = decoder.format
        do {
            let records = try decoder.decode(bytes, context: context)
            for record in records { try DecodingLimits.checkReadings(record.readings.count, format: record.format) }
            result.records = records
        } catch {
            result.outcome = .malformed(error)
        }
        return result
    }

    /// The first reading of the text that a format recognises: the text itself, then its base64,
    /// hex and base32 decodings, in that order (a hex string is also valid base64, so "decodes" alone
    /// is not enough). Decodings are computed only as far as needed.
    static func firstRecognised(_ utf8: [UInt8]) -> (Transport, [UInt8], any MeterFormatDecoder)? {
        if let decoder = FormatRegistry.decoder(recognising: utf8[...]) { return (.plain, utf8, decoder) }
        for transport in [Transport.base64, .hex, .base32] {
            if let bytes = decode(utf8, transport), let decoder = FormatRegistry.decoder(recognising: bytes[...]) {
                return (transport, bytes, decoder)
            }
        }
        return nil
    }

    /// One transport decoding of text bytes, or `nil` when the text is not in that encoding.
    static func decode(_ utf8: [UInt8], _ transport: Transport) -> [UInt8]? {
        let bytes: [UInt8]?
        switch transport {
        case .plain: bytes = utf8
        case .base64: bytes = Base64.decode(bytes: utf8)
        case .hex: bytes = Hex.decode(String(decoding: utf8, as: UTF8.self), lenient: true)
        case .base32:
            bytes = Base32.decode(String(decoding: utf8.filter { !JSONScanner.isWhitespace($0) }, as: UTF8.self))
        case .reassembled: bytes = nil
        }
        return bytes.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The reading types of the records `bytes` decode to (empty when they do not decode).
    static func readingTypes(_ bytes: [UInt8], decoder: any MeterFormatDecoder) -> Set<ReadingType> {
        guard let records = try? decoder.decode(bytes, context: DecodingContext()) else { return [] }
        return Set(records.flatMap(\.readings).map(\.type))
    }

    /// The OCPI nature a record's reading types stand for, for inputs that do not name one (raw
    /// files, S.A.F.E. values without a context): End when it holds an end reading, else Start for a
    /// begin reading, Intermediate for an intermediate one.
    static func nature(of types: Set<ReadingType>) -> String? {
        if types.contains(.end) { return "End" }
        if types.contains(.begin) { return "Start" }
        if types.contains(.intermediate) { return "Intermediate" }
        return nil
    }

    /// OCMF split across the two fields: the payload JSON in `plain_data`, the signature section
    /// (plain or base64) in `signed_data`.
    static func reassembleOCMF(_ value: SignedValue) -> [UInt8]? {
        guard let plain = value.plainData?.trimmingCharacters(in: " \t\r\n"), plain.hasPrefix("{"),
            let signed = value.signedData?.trimmingCharacters(in: " \t\r\n"), !signed.isEmpty
        else { return nil }
        var signature: String?
        if signed.hasPrefix("{") {
            signature = signed
        } else if let bytes = Base64.decode(signed), let text = String(validating: bytes, as: UTF8.self) {
            let trimmed = text.trimmingCharacters(in: " \t\r\n")
            if trimmed.hasPrefix("{") { signature = trimmed }
        }
        guard let signature, signature.contains("\"SD\"") else { return nil }
        return Array("OCMF|\(plain)|\(signature)".utf8)
    }
}
