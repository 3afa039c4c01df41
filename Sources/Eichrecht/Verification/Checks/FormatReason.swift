/// The reasons of `format`.
enum FormatReason: Explained, Hashable {
    /// The unit's `signed_data` cannot be verified as a whole.
    case signedData(SignedDataProblem)
    /// The unit carries no `signed_data`.
    case noSignedData
    /// `signed_data` holds no signed value.
    case noSignedValues
    /// Values of a known or recognised format whose bytes are malformed.
    case malformed([UndecodedValue])
    /// Values in a format not supported or not recognised.
    case notDecodable([UndecodedValue])
    /// `encoding_method` names another format than the content shows (the content was decoded).
    case encodingMethodDisagrees(method: String, content: [MeterFormat])
    /// `encoding_method` is no name we know; the content was recognised.
    case encodingMethodUnknown(method: String, content: [MeterFormat])
    /// Every value decoded.
    case decoded(values: Int, formats: [MeterFormat], transports: [Transport], deviations: Int)

    public var code: String {
        switch self {
        case .signedData(let problem): problem.code
        case .noSignedData: "format.no_signed_data"
        case .noSignedValues: "format.no_signed_values"
        case .malformed: "format.malformed"
        case .notDecodable: "format.not_decodable"
        case .encodingMethodDisagrees: "format.encoding_method_disagrees"
        case .encodingMethodUnknown: "format.encoding_method_unknown"
        case .decoded: "format.decoded"
        }
    }
}

/// A signed value that yielded no record, and why.
struct UndecodedValue: Sendable, Hashable {
    /// Which value.
    public var value: ValuePosition
    /// Why it yielded no record.
    public var problem: DecodingProblem
}
