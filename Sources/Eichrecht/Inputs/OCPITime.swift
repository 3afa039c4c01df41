/// An OCPI `DateTime`: RFC 3339, UTC, zone designator optional, fractional seconds optional.
///
/// Offsets are not allowed by OCPI but are accepted (and converted), since senders do write them.
/// `1970-01-01T00:00:00Z` is OCPI's agreed value for "unknown".
public struct OCPITime: Sendable, Hashable, Codable {
    /// The instant in milliseconds since 1970-01-01T00:00:00Z, with any written offset applied.
    public let epochMilliseconds: Int64
    /// The text as written.
    public let text: String

    /// Whether the time is OCPI's placeholder for an unknown time (any time on 1970-01-01).
    public var isUnknown: Bool { epochMilliseconds >= 0 && epochMilliseconds < 86_400_000 }

    /// Parses RFC 3339 text; seconds, fractional seconds, the zone designator and an offset may be
    /// missing. `nil` when the text is not a valid time.
    public init?(_ text: String) {
        guard let (instant, _) = TimeTextScanner.rfc3339(text, lenient: true) else { return nil }
        epochMilliseconds = instant
        self.text = text
    }

    /// The instant as ISO 8601 in UTC (`Z`), with milliseconds when they are not zero.
    public var isoUTC: String { CivilTime.iso8601(epochMilliseconds: epochMilliseconds, offsetSeconds: 0) }
}
