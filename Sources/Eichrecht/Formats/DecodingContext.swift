import Foundation

/// What a decoder may need beyond the bytes: the verification's options as they concern decoding.
struct DecodingContext: Sendable {
    /// The time zone of meters that sign local time without an offset (EDL40).
    public var meterTimeZone: TimeZone
    /// The decoders content detection and decoding use, in the order they are tried: the
    /// registry's, unless a test registers its own.
    var decoders: [any MeterFormatDecoder] = FormatRegistry.decoders

    /// A context whose meters sign local time in `meterTimeZone`. Verification builds it from its
    /// options; there is deliberately no default, so no verification path decodes with another
    /// time zone than the one it was given.
    public init(meterTimeZone: TimeZone) {
        self.meterTimeZone = meterTimeZone
    }
}
