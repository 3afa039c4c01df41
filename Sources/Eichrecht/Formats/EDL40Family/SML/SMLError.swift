/// Why bytes are not a well-formed SML file. The offset is a byte offset into the file as
/// transmitted (escape sequences included), so a person can find the spot in a hex dump.
///
/// Format decoders turn it into a `FormatError` of their own format; the SML reader itself does not
/// know which meter format the file carries.
struct SMLError: Error, Sendable, Hashable, CustomStringConvertible {
    var reason: String
    var offset: Int

    init(_ reason: String, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    var description: String { "\(reason) (at byte \(offset))" }

    /// The error as a `FormatError` of the format that was being decoded.
    func formatError(_ format: MeterFormat) -> FormatError {
        FormatError(format, "SML: \(reason)", offset: offset)
    }
}
