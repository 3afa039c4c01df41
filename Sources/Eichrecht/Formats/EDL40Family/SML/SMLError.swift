/// Why bytes are not a well-formed SML file. The offset is a byte offset into the file as
/// transmitted (escape sequences included), so a person can find the spot in a hex dump.
///
/// Format decoders turn it into a `FormatError` of their own format; the SML reader itself does not
/// know which meter format the file carries.
struct SMLError: Error, Sendable, Hashable, CustomStringConvertible {
    var problem: SMLProblem
    var offset: Int

    init(_ problem: SMLProblem, at offset: Int) {
        self.problem = problem
        self.offset = offset
    }

    /// What is wrong, in English.
    var reason: String { problem.english }

    var description: String { "\(reason) (at byte \(offset))" }

    /// The error as a `FormatError` of the format that was being decoded.
    func formatError(_ format: MeterFormat) -> FormatError {
        FormatError(format, .sml(problem), offset: offset)
    }
}

/// What is wrong with an SML file, with the values the text names.
public enum SMLProblem: Sendable, Hashable {
    // Transport (escape sequences, padding, file checksum).
    /// The file does not start with `1b1b1b1b 01010101`.
    case noBeginSequence
    /// The file ends without `1b1b1b1b 1a` (after `length` bytes).
    case noEndSequence(length: Int)
    /// The file ends inside an escape sequence.
    case endsInsideEscape
    /// A second begin sequence inside the file.
    case secondBeginSequence
    /// An escape sequence the transport does not define.
    case unknownEscape(String)
    /// The end sequence announces more than 3 padding bytes.
    case tooMuchPadding(Int)
    /// The end sequence announces more padding bytes than the file holds.
    case paddingBeyondFile
    /// A padding byte that is not 00.
    case paddingNotZero(UInt8)
    /// The file checksum does not match its bytes.
    case fileChecksumMismatch(transmitted: UInt16, computed: UInt16)
    /// Bytes after the end sequence.
    case bytesAfterEnd(Int)
    // Messages.
    /// The payload holds no message.
    case noMessage
    /// No `GetList.Res` message (body tag 0x0701).
    case noGetListResponse
    /// A structure is not a list of the elements it must have.
    case notAListOf(SMLStructure, count: Int)
    /// An element of a message or list has another type than SML defines there.
    case elementType(field: String, expected: ValueKind, found: ValueKind?)
    /// The message ends before its checksum.
    case endsBeforeChecksum
    /// The message checksum is not an Unsigned16 (type-length 63).
    case checksumType(found: UInt8)
    /// The message checksum does not match its bytes.
    case messageChecksumMismatch(transmitted: UInt16, computed: UInt16)
    /// The message does not end with 00.
    case noEndOfMessage
    // Elements.
    /// The payload ends where an element or a type-length field should be.
    case endsInsideElement
    /// A continued type-length byte carries type bits.
    case continuedTypeLength(UInt8)
    /// A type-length field longer than 4 bytes.
    case typeLengthTooLong
    /// An element length shorter than its own type-length bytes.
    case lengthShorterThanTypeLength(length: Int, typeLengthBytes: Int)
    /// An end-of-message byte where an element should be.
    case endOfMessageInElement
    /// Lists nested deeper than the limit.
    case nestedTooDeep(Int)
    /// A list of more elements than bytes remain.
    case listTooLong(count: Int, remaining: Int)
    /// An element longer than the bytes remaining.
    case elementTooLong(length: Int, remaining: Int)
    /// A type-length byte that names no SML type.
    case unknownType(UInt8)
    /// A boolean with another number of data bytes than one.
    case booleanLength
    /// An integer with 0 or more than 8 data bytes.
    case integerLength(Int)
    /// An `SML_Time` choice other than 1, 2 or 3.
    case timeChoice(UInt64)

    /// A stable machine code (prefixed `sml.` in a format error's code).
    public var code: String {
        switch self {
        case .noBeginSequence: "no_begin_sequence"
        case .noEndSequence: "no_end_sequence"
        case .endsInsideEscape: "ends_inside_escape"
        case .secondBeginSequence: "second_begin_sequence"
        case .unknownEscape: "unknown_escape"
        case .tooMuchPadding: "too_much_padding"
        case .paddingBeyondFile: "padding_beyond_file"
        case .paddingNotZero: "padding_not_zero"
        case .fileChecksumMismatch: "file_checksum_mismatch"
        case .bytesAfterEnd: "bytes_after_end"
        case .noMessage: "no_message"
        case .noGetListResponse: "no_getlist_response"
        case .notAListOf: "structure"
        case .elementType: "element_type"
        case .endsBeforeChecksum: "ends_before_checksum"
        case .checksumType: "checksum_type"
        case .messageChecksumMismatch: "message_checksum_mismatch"
        case .noEndOfMessage: "no_end_of_message"
        case .endsInsideElement: "ends_inside_element"
        case .continuedTypeLength: "continued_type_length"
        case .typeLengthTooLong: "type_length_too_long"
        case .lengthShorterThanTypeLength: "length_shorter_than_type_length"
        case .endOfMessageInElement: "end_of_message_in_element"
        case .nestedTooDeep: "nested_too_deep"
        case .listTooLong: "list_too_long"
        case .elementTooLong: "element_too_long"
        case .unknownType: "unknown_type"
        case .booleanLength: "boolean_length"
        case .integerLength: "integer_length"
        case .timeChoice: "time_choice"
        }
    }

    /// One problem of every case, for the catalogue tests.
    static var samples: [Self] {
        [
            .noBeginSequence, .noEndSequence(length: 100), .endsInsideEscape, .secondBeginSequence,
            .unknownEscape("02020202"), .tooMuchPadding(4), .paddingBeyondFile, .paddingNotZero(0x11),
            .fileChecksumMismatch(transmitted: 0x1234, computed: 0x4321), .bytesAfterEnd(3), .noMessage,
            .noGetListResponse, .notAListOf(.listEntry, count: 7),
            .elementType(field: "serverId", expected: .octetString, found: .smlUnsigned(bits: 8)),
            .endsBeforeChecksum, .checksumType(found: 0x62),
            .messageChecksumMismatch(transmitted: 0x1234, computed: 0x4321), .noEndOfMessage, .endsInsideElement,
            .continuedTypeLength(0x93), .typeLengthTooLong, .lengthShorterThanTypeLength(length: 1, typeLengthBytes: 2),
            .endOfMessageInElement, .nestedTooDeep(16), .listTooLong(count: 9, remaining: 3),
            .elementTooLong(length: 9, remaining: 3), .unknownType(0x30), .booleanLength, .integerLength(9),
            .timeChoice(4),
        ]
    }
}

/// The SML structures whose element count is fixed.
public enum SMLStructure: Sendable, Hashable, CaseIterable {
    case message, messageBody, getListResponse, listEntry, time, localTimestamp
}
