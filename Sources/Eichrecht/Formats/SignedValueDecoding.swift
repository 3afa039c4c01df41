/// One signed value after the decoding stage: which field, transport and format it was read in,
/// and its records or why there are none. Every later stage reads this; none decodes again.
public struct DecodedValue: Sendable {
    /// The value's position in `signed_values` (0-based).
    public var index: Int
    /// The nature as one of the known kinds (inferred from the readings where the input names none).
    public var nature: SignedValue.Nature
    /// The nature as the sender wrote it, or as inferred from the readings.
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
    /// The value's bytes after its transport (the record as the meter wrote it), for writers that
    /// hand the value on (the S.A.F.E. export); `nil` when no format recognised the value.
    public var bytes: [UInt8]?

    /// The result of decoding one signed value.
    public enum Outcome: Sendable {
        /// A decoder read the bytes into records.
        case decoded
        /// A known format whose bytes are malformed.
        case malformed(FormatError)
        /// No decoder recognises the bytes and the encoding method names nothing we know.
        case unrecognised(UndecodedReason)
        /// The encoding method names a format this version does not decode.
        case unsupported(UndecodedReason)
    }

    /// For inputs that carry no nature field (raw records, S.A.F.E. values without a context, OCPP
    /// values without a begin/end context): the nature the decoded readings stand for — End when
    /// they hold an end reading, else Start for a begin reading, Intermediate for an intermediate
    /// one; unchanged when they hold none of these.
    mutating func inferNatureFromReadings() {
        let types = Set(records.flatMap(\.readings).map(\.type))
        let inferred: SignedValue.Nature? =
            types.contains(.end)
            ? .end : types.contains(.begin) ? .start : types.contains(.intermediate) ? .intermediate : nil
        guard let inferred else { return }
        nature = inferred
        natureText = inferred.rawValue
    }
}

/// Why a signed value yielded no record without being malformed: nothing we know recognises it.
public enum UndecodedReason: Sendable, Hashable, CustomStringConvertible {
    /// No decoder recognises the bytes; the encoding method as written, if any.
    case unrecognised(encodingMethod: String?)
    /// The encoding method names a format this version does not decode.
    case unsupported(format: String)

    /// A stable machine code.
    public var code: String {
        switch self {
        case .unrecognised: "format.unrecognised"
        case .unsupported: "format.unsupported"
        }
    }

    /// The English text (report writers still print `description`).
    public var description: String { english }
}

/// The decoding stage: turns a signed value (text or bytes, in one or two fields, in any text
/// encoding) into a `DecodedValue`. Verification calls it exactly once per value.
enum SignedValueDecoding {
    /// Decodes one signed value. `encodingMethod` is a hint; the content decides.
    static func decode(
        _ value: SignedValue, index: Int, encodingMethod: String?, context: DecodingContext
    ) -> DecodedValue {
        var result = DecodedValue(
            index: index, nature: value.kind, natureText: value.nature, field: nil, transport: nil, format: nil,
            records: [], outcome: .decoded, bytes: nil)
        let fields = [("signed_data", value.signedData), ("plain_data", value.plainData)].compactMap { name, text in
            text.map { (name, $0.trimmingCharacters(in: " \t\r\n")) }
        }.filter { !$0.1.isEmpty }

        if let plain = value.plainData, let signed = value.signedData {
            for decoder in context.decoders {
                guard let bytes = decoder.reassembled(plainData: plain, signedData: signed) else { continue }
                finish(
                    &result, bytes: bytes, decoder: decoder, field: "plain_data+signed_data", transport: .reassembled,
                    context: context)
                return result
            }
        }
        for (position, (name, text)) in fields.enumerated() {
            guard let (transport, bytes, decoder) = recognised(value, field: name, text: text, context: context)
            else { continue }
            finish(&result, bytes: bytes, decoder: decoder, field: name, transport: transport, context: context)
            for (otherName, otherText) in fields.dropFirst(position + 1) {
                noteUnsignedCopy(otherName, otherText, of: &result, decodedText: text, context: context)
            }
            return result
        }
        if let declared = FormatRegistry.decoder(forEncodingMethod: encodingMethod) {
            result.format = declared.format
            result.outcome = .malformed(
                FormatError(declared.format, fields.isEmpty ? .valueCarriesNoData : .notARecordInAnyTransport))
        } else if let method = encodingMethod,
            let name = FormatRegistry.unsupportedEncodingMethods[method.trimmingCharacters(in: " ").lowercased()]
        {
            result.outcome = .unsupported(.unsupported(format: name))
        } else {
            result.outcome = .unrecognised(.unrecognised(encodingMethod: encodingMethod))
        }
        return result
    }

    /// The transport, bytes and decoder of one field. Bytes a reader kept as bytes (a binary raw
    /// record, a non-UTF-8 OCMF file) are read as they are, in the transport the reader undid.
    private static func recognised(
        _ value: SignedValue, field: String, text: String, context: DecodingContext
    ) -> (Transport, [UInt8], any MeterFormatDecoder)? {
        if field == "signed_data", let bytes = value.signedBytes {
            if let decoder = FormatRegistry.decoder(recognising: bytes[...], among: context.decoders) {
                return (value.signedBytesTransport, bytes, decoder)
            }
            return Transport.firstRecognised(bytes, among: context.decoders).map { ($0, $1, $2) }
        }
        return Transport.firstRecognised(Array(text.utf8), among: context.decoders).map { ($0, $1, $2) }
    }

    /// A second field of the value that holds a record too (`plain_data` beside `signed_data`) is an
    /// unsigned copy as far as this value goes: it never replaces the decoded record, and when it
    /// holds a different record, every decoded record notes the contradiction (consistency fails).
    private static func noteUnsignedCopy(
        _ name: String, _ text: String, of result: inout DecodedValue, decodedText: String, context: DecodingContext
    ) {
        // The same text in both fields (senders often repeat the record) needs no second decoding.
        guard text != decodedText, case .decoded = result.outcome, let field = result.field,
            let (_, bytes, decoder) = Transport.firstRecognised(Array(text.utf8), among: context.decoders),
            let copies = try? decoder.records(bytes, context: context)
        else { return }
        guard copies.map(\.signedBytes) != result.records.map(\.signedBytes) else { return }
        for index in result.records.indices {
            result.records[index].contradictions.append(
                Contradiction(.otherRecordInField(field: name, format: decoder.format, signedField: field)))
        }
    }

    /// Decodes the recognised bytes, applies the limits and the format's facts, and records the outcome.
    private static func finish(
        _ result: inout DecodedValue, bytes: [UInt8], decoder: any MeterFormatDecoder, field: String,
        transport: Transport, context: DecodingContext
    ) {
        result.field = field
        result.transport = transport
        result.format = decoder.format
        result.bytes = bytes
        do {
            var records = try decoder.records(bytes, context: context)
            for record in records { try DecodingLimits.checkReadings(record.readings.count, format: record.format) }
            let signsNature = decoder.signsNature(recordCount: records.count)
            for index in records.indices { records[index].natureIsSigned = signsNature }
            result.records = records
        } catch {
            result.outcome = .malformed(error)
        }
    }

    /// The reading types of the records a text holds (empty when it does not decode). Only input
    /// grouping asks (a S.A.F.E. document of whole-session records is one unit per record), before
    /// any verification; verification reads the types from its own single decoding.
    static func readingTypes(ofText text: String) -> Set<ReadingType> {
        guard let (_, bytes, decoder) = Transport.firstRecognised(Array(text.utf8)),
            let records = try? decoder.records(bytes, context: DecodingContext(meterTimeZone: .gmt))
        else { return [] }
        return Set(records.flatMap(\.readings).map(\.type))
    }
}
