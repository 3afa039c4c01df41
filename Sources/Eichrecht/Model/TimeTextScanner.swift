/// Reads the fixed-width numeric fields of timestamps (OCMF `TM`, OCPI `DateTime`) from ASCII
/// bytes, without Foundation's date formatters: exact, allocation-free and strict about widths.
struct TimeTextScanner {
    let bytes: [UInt8]
    private(set) var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index == bytes.count }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Exactly `count` decimal digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for offset in 0..<count {
            let c = bytes[index + offset]
            guard c >= 0x30 && c <= 0x39 else { return nil }
            value = value * 10 + Int(c - 0x30)
        }
        index += count
        return value
    }

    /// Consumes one byte if it is one of `set`'s characters.
    mutating func expect(_ set: String) -> Bool {
        guard let c = current, set.utf8.contains(c) else { return false }
        index += 1
        return true
    }

    /// `YYYY-MM-DD<separator>hh:mm`, the part both grammars share.
    mutating func dateAndMinute(separators: String) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int)? {
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
            expect(separators), let hour = digits(2), expect(":"), let minute = digits(2)
        else { return nil }
        return (year, month, day, hour, minute)
    }

    /// Fractional-second digits after the separator was consumed: milliseconds (more digits are
    /// truncated) and how many digits were written. `nil` when no digit follows or more than nine do.
    mutating func fraction() -> (milliseconds: Int, digits: Int)? {
        let start = index
        while let c = current, c >= 0x30, c <= 0x39 { index += 1 }
        let count = index - start
        guard count >= 1, count <= 9 else { return nil }
        let taken = bytes[start..<min(index, start + 3)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return (taken * [100, 10, 1][min(count, 3) - 1], count)
    }

    /// `±hh[:]mm` after the sign: seconds east of UTC, and whether a colon was written.
    mutating func offset(negative: Bool) -> (seconds: Int, colon: Bool)? {
        guard let hours = digits(2) else { return nil }
        let colon = expect(":")
        guard let minutes = digits(2), hours <= 23, minutes <= 59 else { return nil }
        return ((hours * 3600 + minutes * 60) * (negative ? -1 : 1), colon)
    }

    /// An RFC 3339 date-time filling the whole text: the instant in milliseconds since the epoch and
    /// the offset written, in seconds (0 for `Z` or none).
    ///
    /// Strict: `YYYY-MM-DDThh:mm:ss[.fff](Z|±hh:mm)`. `lenient` is how OCPI `DateTime`s arrive: `t`
    /// or a space may separate date and time, seconds and the zone may be missing (OCPI means UTC),
    /// `,` may stand before the fraction and `z` for `Z`.
    static func rfc3339(_ text: String, lenient: Bool) -> (epochMilliseconds: Int64, offsetSeconds: Int)? {
        var scanner = TimeTextScanner(text)
        guard let (year, month, day, hour, minute) = scanner.dateAndMinute(separators: lenient ? "Tt " : "T")
        else { return nil }
        var second = 0
        if scanner.expect(":") {
            guard let s = scanner.digits(2) else { return nil }
            second = s
        } else if !lenient {
            return nil
        }
        var millisecond = 0
        if scanner.expect(lenient ? ".," : ".") {
            guard let fraction = scanner.fraction() else { return nil }
            millisecond = fraction.milliseconds
        }
        var offset = 0
        if scanner.expect(lenient ? "Zz" : "Z") {
        } else if let sign = scanner.current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            _ = scanner.expect("+-")
            guard let parsed = scanner.offset(negative: sign == UInt8(ascii: "-")) else { return nil }
            offset = parsed.seconds
        } else if !lenient {
            return nil
        }
        guard scanner.atEnd,
            CivilTime.isValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        let instant = CivilTime.epochMilliseconds(
            year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59),
            millisecond: millisecond, offsetSeconds: offset)
        return (instant, offset)
    }
}
