/// Why signed data could not be decoded in the format it claims or appears to be.
public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The format the data was decoded as.
    public var format: MeterFormat
    /// What is wrong, in words, naming the field where one is at fault.
    public var reason: String
    /// Byte offset into the decoded signed data, where one can be named.
    public var offset: Int?

    /// An error in `format` for `reason`, at a byte offset into the signed data when one can be named.
    public init(_ format: MeterFormat, _ reason: String, offset: Int? = nil) {
        self.format = format
        self.reason = reason
        self.offset = offset
    }

    /// The format's name and the reason, with the byte offset when known.
    public var description: String {
        offset.map { "\(format.rawValue): \(reason) (at byte \($0))" } ?? "\(format.rawValue): \(reason)"
    }
}
