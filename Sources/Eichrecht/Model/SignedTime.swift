import Foundation

/// How far a meter's clock can be trusted. Mirrors OCMF's sync flags and maps the other formats'
/// clocks onto them.
public enum ClockQuality: String, Sendable, Hashable, Codable {
    /// Synchronised with a legal time source (OCMF `S`): times may fail a cross-check.
    case synchronised
    /// An informative clock (OCMF `I`, Alfen adapter time, EDL40 local time): a disagreement is a
    /// warning, not a failure.
    case informative
    /// Relative time (OCMF `R`): the duration is legally valid, the absolute time is not.
    case relative
    /// Unknown or unset (OCMF `U`, a clock at 1970, seconds since power-up): no time check possible.
    case unknown

    /// Whether absolute times of this quality can be compared at all.
    var isComparable: Bool { self == .synchronised || self == .informative }
}

/// A time as a meter signed it: the instant, the UTC offset it was written with, and how
/// trustworthy the clock was.
public struct SignedTime: Sendable, Hashable, Codable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public let epochMilliseconds: Int64
    /// The offset from UTC the meter wrote, in seconds (`nil` when the format has none).
    public let utcOffsetSeconds: Int?
    /// How far the meter's clock could be trusted; `unknown` for a time in the first 366 days after
    /// 1970-01-01, whatever the meter said.
    public let clock: ClockQuality
    /// The time as written.
    public let text: String

    /// A signed time. A time in the first 366 days after 1970-01-01 gets clock quality `unknown`,
    /// whatever `clock` says: that clock was never set.
    public init(epochMilliseconds: Int64, utcOffsetSeconds: Int?, clock: ClockQuality, text: String) {
        self.epochMilliseconds = epochMilliseconds
        self.utcOffsetSeconds = utcOffsetSeconds
        // A clock that reads 1970 was never set, whatever flag the meter put next to it.
        self.clock = epochMilliseconds < 86_400_000 * 366 ? .unknown : clock
        self.text = text
    }

    /// The instant as a Foundation `Date`.
    public var date: Date { Date(timeIntervalSince1970: Double(epochMilliseconds) / 1000) }

    /// ISO 8601 in UTC, e.g. `2026-03-01T09:00:00Z`; milliseconds are written only when not zero.
    public var isoUTC: String { CivilTime.iso8601(epochMilliseconds: epochMilliseconds, offsetSeconds: 0) }
}

/// Calendar arithmetic on the proleptic Gregorian calendar, without Foundation's formatters:
/// exact, allocation-free and fast enough for millions of timestamps.
enum CivilTime {
    /// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func isValid(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Bool {
        guard (1...12).contains(month), day >= 1, hour <= 23, minute <= 59, second <= 60 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// Milliseconds since the epoch for a civil time at a UTC offset.
    static func epochMilliseconds(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, millisecond: Int, offsetSeconds: Int
    ) -> Int64 {
        let days = Int64(daysFromCivil(year: year, month: month, day: day))
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetSeconds)
        return seconds * 1000 + Int64(millisecond)
    }

    /// ISO 8601 text of an instant at an offset (`Z` for 0).
    /// Instants outside the years 0000–9999 are written as the nearest of those bounds: a meter's
    /// clock can say anything, and the arithmetic below must never overflow on it.
    static func iso8601(epochMilliseconds: Int64, offsetSeconds: Int) -> String {
        let earliest: Int64 = -62_167_219_200_000  // 0000-01-01T00:00:00
        let latest: Int64 = 253_402_300_799_999  // 9999-12-31T23:59:59.999
        let offset = Int64(min(max(offsetSeconds, -86_400), 86_400))
        let local = min(max(min(max(epochMilliseconds, earliest), latest) + offset * 1000, earliest), latest)
        let millis = Int(((local % 1000) + 1000) % 1000)
        let totalSeconds = (local - Int64(millis)) / 1000
        let days = Int(totalSeconds >= 0 ? totalSeconds / 86_400 : (totalSeconds - 86_399) / 86_400)
        let secondOfDay = Int(totalSeconds - Int64(days) * 86_400)
        let (y, m, d) = civilFromDays(days)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var text =
            "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if millis != 0 { text += ".\(pad(millis, 3))" }
        if offset == 0 {
            text += "Z"
        } else {
            let sign = offset < 0 ? "-" : "+"
            let magnitude = Int(offset.magnitude)
            text += "\(sign)\(pad(magnitude / 3600, 2)):\(pad(magnitude / 60 % 60, 2))"
        }
        return text
    }
}
