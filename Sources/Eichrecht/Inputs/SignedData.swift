/// OCPI 2.2.1 `SignedData`: the signed meter values of one session.
public struct SignedData: Sendable, Hashable {
    /// `encoding_method`, as written (compared case-insensitively; a hint, never trusted over content).
    public var encodingMethod: String?
    /// `encoding_method_version`, as written.
    public var encodingMethodVersion: String?
    /// `public_key`, as written.
    public var publicKey: String?
    /// `signed_values`, in the order written.
    public var signedValues: [SignedValue]
    /// `url`: where OCPI lets the EV driver check the session's signed data, as written.
    public var url: String?

    /// A SignedData from fields already read.
    public init(
        encodingMethod: String? = nil, encodingMethodVersion: String? = nil, publicKey: String? = nil,
        signedValues: [SignedValue], url: String? = nil
    ) {
        self.encodingMethod = encodingMethod
        self.encodingMethodVersion = encodingMethodVersion
        self.publicKey = publicKey
        self.signedValues = signedValues
        self.url = url
    }

    /// Reads a `SignedData` object. Tolerant: unknown fields are ignored, loosely typed fields read
    /// as text. A missing or non-array `signed_values`, or a member name written twice (exactly or
    /// in another letter case: ambiguous JSON) makes it unreadable. Names are matched exactly.
    public init(json: JSONValue) throws(InputError) {
        guard json.isObject else { throw InputError(.signedDataNotObject(json.kind)) }
        if let repeated = json.repeatedMemberName() {
            throw InputError(.repeatedMember(.signedData, repeated))
        }
        let values = json["signed_values"]
        guard case .array(let items)? = values else {
            throw InputError(values == nil ? .noSignedValues : .signedValuesNotArray)
        }
        self.encodingMethod = json["encoding_method"]?.looseText
        self.encodingMethodVersion = json["encoding_method_version"]?.looseText
        self.publicKey = json["public_key"]?.looseText
        self.url = json["url"]?.looseText
        self.signedValues = items.map(SignedValue.init(json:))
    }
}

/// OCPI 2.2.1 `SignedValue`.
public struct SignedValue: Sendable, Hashable {
    /// `nature`: `Start`, `End`, `Intermediate` (or whatever the sender wrote).
    public var nature: String?
    /// `plain_data`: the un-encoded data, whose content depends on the encoding method.
    public var plainData: String?
    /// `signed_data`: by OCPI the base64 of the signed data; senders also write the record as plain
    /// text.
    public var signedData: String?
    /// A key that travelled with this one value (a S.A.F.E. `<publicKey>`, an OCPP `publicKey`).
    /// OCPI has no such field; when set it stands in for `SignedData.public_key` for this value, so
    /// a container whose values name different keys stays one session (and fails `public_key`).
    public var publicKey: String?
    /// The signed data's bytes exactly as received, when they came as bytes that are not text (a
    /// raw OCMF file with a Latin-1 byte): `signedData` then holds them only for display, with
    /// replacement characters, and decoding reads these bytes, because the signature covers them.
    public var signedBytes: [UInt8]?
    /// The text encoding a reader already undid to get `signedBytes` (a raw SML telegram given as
    /// hex keeps its bytes, never a round trip through `String`); `plain` when they came as they are.
    public var signedBytesTransport: Transport = .plain

    /// A signed value from its fields.
    public init(
        nature: String? = nil, plainData: String? = nil, signedData: String? = nil, publicKey: String? = nil,
        signedBytes: [UInt8]? = nil, signedBytesTransport: Transport = .plain
    ) {
        self.nature = nature
        self.plainData = plainData
        self.signedData = signedData
        self.publicKey = publicKey
        self.signedBytes = signedBytes
        self.signedBytesTransport = signedBytesTransport
    }

    init(json: JSONValue) {
        nature = json["nature"]?.looseText
        plainData = json["plain_data"]?.looseText
        signedData = json["signed_data"]?.looseText
        publicKey = json["public_key"]?.looseText
    }

    /// The nature as one of the known kinds.
    public var kind: Nature {
        switch nature?.lowercased() {
        case "start"?: .start
        case "end"?: .end
        case "intermediate"?: .intermediate
        default: .other
        }
    }

    /// The natures OCPI defines, plus `other`; ordered as a session runs.
    public enum Nature: String, Sendable, Hashable, Codable, Comparable {
        /// `Start`: the value at the session's start.
        case start = "Start"
        /// `Intermediate`: a value during the session.
        case intermediate = "Intermediate"
        /// `End`: the value at the session's end.
        case end = "End"
        /// Any other nature, or none.
        case other = "Other"

        var order: Int {
            switch self {
            case .start: 0
            case .intermediate: 1
            case .end: 2
            case .other: 3
            }
        }

        /// Orders natures as a session runs: Start, Intermediate, End, then Other.
        public static func < (lhs: Nature, rhs: Nature) -> Bool { lhs.order < rhs.order }
    }
}

/// Input that cannot be read at all (as opposed to signed data that reads but does not verify).
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var problem: InputProblem
    /// What is wrong, in English.
    public var reason: String { problem.english }
    /// Byte offset, line and column in the input, where known.
    public var offset: Int?
    /// The 1-based line in the input, where known.
    public var line: Int?
    /// The 1-based column in that line, where known.
    public var column: Int?
    /// The position label (`#3`) of an unreadable record that a stream skipped, when reading goes on
    /// after it; `nil` when the input cannot be read further.
    public var skippedRecord: String?

    /// An error for `problem`, with its position in the input where known.
    public init(_ problem: InputProblem, offset: Int? = nil, line: Int? = nil, column: Int? = nil) {
        self.problem = problem
        self.offset = offset
        self.line = line
        self.column = column
    }

    init(json error: JSONParser.Error, base: Int = 0, baseLine: Int = 0) {
        self.init(
            .invalidJSON(error.reason), offset: base + error.offset, line: baseLine + error.line,
            column: error.column)
    }

    /// The reason, after the line and column or else the byte offset, when known (English).
    public var description: String { text(.en) }

    /// The reason in `language`, after the line and column or else the byte offset, when known.
    public func text(_ language: Language) -> String {
        let w = Wording(language: language)
        let reason = problem.text(language)
        switch (line, column, offset, language) {
        case (let line?, let column?, _, .en): return "line \(line), column \(column): \(reason)"
        case (let line?, let column?, _, .de): return "Zeile \(w.integer(line)), Spalte \(w.integer(column)): \(reason)"
        case (_, _, let offset?, .en): return "byte \(offset): \(reason)"
        case (_, _, let offset?, .de): return "Byte \(w.integer(offset)): \(reason)"
        default: return reason
        }
    }
}
