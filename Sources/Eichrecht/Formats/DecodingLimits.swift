/// Limits every format decoder applies to what a record may hold (the contract's "Bounded work").
///
/// Verification time must grow linearly with the input and stay small for one record: no meter
/// signs more than a handful of readings in one record (OCMF's longest known records carry a few
/// dozen), so a record claiming more is treated as malformed rather than processed.
enum DecodingLimits {
    /// The most readings one signed record may hold; more fails `format` ("too many").
    static let readingsPerRecord = 1_000

    /// Throws when a record of `format` holds more than `readingsPerRecord` readings. Decoders call
    /// it before decoding the readings, so an oversized record costs no work per reading.
    static func checkReadings(_ count: Int, format: MeterFormat) throws(FormatError) {
        guard count <= readingsPerRecord else {
            throw FormatError(format, .tooManyReadings(count: count, limit: readingsPerRecord))
        }
    }
}
