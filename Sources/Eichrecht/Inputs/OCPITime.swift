/// An OCPI `DateTime`: RFC 3339, UTC, zone designator optional, fractional seconds optional.
///
/// Offsets are not allowed by OCPI but are accepted (and converted), since senders do write them.
/// `1970-01-01T00:00:00Z` is OCPI's agreed value for "unknown".
public struct OCPITime: Sendable, Hashable, Codable {
    public let epochMilliseconds: Int64
    public let text: String

    /// Whether the time is OCPI's placeholder for an unknown time (any time on 1970-01-01).
    public var isUnknown: Bool { epochMilliseconds >= 0 && epochMilliseconds < 86_400_000 }

    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= utf8.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let c = utf8[index + offset]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                value = value * 10 + Int(c - 0x30)
            }
            index += count
            return value
        }
        func expect(_ set: String) -> Bool {
            guard index < utf8.count, set.utf8.contains(utf8[index]) else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
            expect("Tt "), let hour = digits(2), expect(":"), let minute = digits(2)
        else { return nil }
        var second = 0
        if expect(":") {
            guard let s = digits(2) else { return nil }
            second = s
        }
        var millisecond = 0
        if expect(".,") {
            let start = index
            while index < utf8.count, utf8[index] >= 0x30, utf8[index] <= 0x39 { index += 1 }
            guard index > start else { return nil }
            let taken = utf8[start..<min(index, start + 3)]
            millisecond = taken.reduce(0) { $0 * 10 + Int($1 - 0x30) } * [100, 10, 1][taken.count - 1]
        }
        var offset = 0
        if index < utf8.count {
            if expect("Zz") {
            } else if utf8[index] == UInt8(ascii: "+") || utf8[index] == UInt8(ascii: "-") {
                let negative = utf8[index] == UInt8(ascii: "-")
                index += 1
                guard let h = digits(2) else { return nil }
                _ = expect(":")
                guard let m = digits(2) else { return nil }
                offset = (h * 3600 + m * 60) * (negative ? -1 : 1)
            }
        }
        guard index == utf8.count,
            CivilTime.isValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        epochMilliseconds = CivilTime.epochMilliseconds(
            year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59),
            millisecond: millisecond, offsetSeconds: offset)
        self.text = text
    }

    public var isoUTC: String { CivilTime.iso8601(epochMilliseconds: epochMilliseconds, offsetSeconds: 0) }
}
