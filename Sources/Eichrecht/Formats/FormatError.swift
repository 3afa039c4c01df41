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

    /// What is wrong, in English.
    public var reason: String { problem.english(format: format) }

    /// A stable machine code: `format.<format>.<problem>`, e.g. `format.ocmf.missing_field`.
    public var code: String { "format.\(format.rawValue.lowercased()).\(problem.code)" }

    /// The format's name and the reason, with the byte offset when known (English).
    public var description: String { english }
}
