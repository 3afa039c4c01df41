/// Why signed data could not be decoded in the format it claims or appears to be.
public struct FormatError: Error, Sendable, Hashable, CustomStringConvertible {
    public var format: MeterFormat
    public var reason: String
    /// Byte offset into the decoded signed data, where one can be named.
    public var offset: Int?

    public init(_ format: MeterFormat, _ reason: String, offset: Int? = nil) {
        self.format = format
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        offset.map { "\(format.rawValue): \(reason) (at byte \($0))" } ?? "\(format.rawValue): \(reason)"
    }
}
