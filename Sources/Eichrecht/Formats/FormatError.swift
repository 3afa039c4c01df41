/// Why signed data could not be decoded in the format it claims or appears to be.
public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The format the data was decoded as.
    public var format: MeterFormat
    /// What is wrong, as a typed problem the catalogue puts into words.
    public var problem: FormatProblem
    /// Byte offset into the decoded signed data, where one can be named.
    public var offset: Int?

    /// An error in `format` for `problem`, at a byte offset into the signed data when one can be named.
    public init(_ format: MeterFormat, _ problem: FormatProblem, offset: Int? = nil) {
        self.format = format
        self.problem = problem
        self.offset = offset
    }

    /// An error whose problem is still described in English only (see `FormatProblem.detail`).
    init(_ format: MeterFormat, _ detail: String, offset: Int? = nil) {
        self.init(format, .detail(detail), offset: offset)
    }

    /// What is wrong, in English.
    public var reason: String { problem.english(format: format) }

    /// A stable machine code: `format.<format>.<problem>`, e.g. `format.ocmf.missing_field`.
    public var code: String { "format.\(format.rawValue.lowercased()).\(problem.code)" }

    /// The format's name and the reason, with the byte offset when known (English).
    public var description: String { english }
}

/// What is wrong with signed data a decoder could not read. Cases carry the values the text names.
public enum FormatProblem: Sendable, Hashable {
    /// The signed value has neither `signed_data` nor `plain_data`.
    case valueCarriesNoData
    /// Neither field is a record of the format, read as text, base64, hex or base32.
    case notARecordInAnyTransport
    /// A record holds more readings than any meter signs (Bounded work).
    case tooManyReadings(count: Int, limit: Int)
    /// A field the format requires is absent.
    case missingField(String)
    /// A field has another length than the format allows.
    case badLength(field: String, expected: String, actual: Int)
    /// A scaler (power of ten) outside what any meter uses; arithmetic on it would be meaningless.
    case scalerOutOfRange(field: String, scaler: Int, lowest: Int, highest: Int)
    /// A problem a decoder still describes in English only, as it was written before typed
    /// problems; the German text names the format without the detail.
    case detail(String)

    /// The problem's part of the code (`FormatError.code` prefixes the format).
    public var code: String {
        switch self {
        case .valueCarriesNoData: "no_data"
        case .notARecordInAnyTransport: "not_a_record"
        case .tooManyReadings: "too_many_readings"
        case .missingField: "missing_field"
        case .badLength: "bad_length"
        case .scalerOutOfRange: "scaler_out_of_range"
        case .detail: "malformed"
        }
    }
}
