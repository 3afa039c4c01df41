/// OCMF's `TM` field: `2018-07-24T13:22:04,000+0200 S`.
///
/// The grammar is strict in the specification (comma before three millisecond digits, offset
/// without colon, one space, a sync letter). Real meters stick to it; we also accept a `.` before
/// the milliseconds, an offset with a colon or `Z`, and a missing sync letter (read as unknown),
/// and report those as deviations.
enum OCMFTime {
    static func parse(_ text: String) -> (SignedTime, deviation: String?)? {
        let utf8 = Array(text.utf8)
        var index = 0
        var deviation: String?

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
        func expect(_ c: Character) -> Bool {
            guard index < utf8.count, utf8[index] == c.asciiValue else { return false }
            index += 1
            return true
        }

        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
            expect("T"), let hour = digits(2), expect(":"), let minute = digits(2), expect(":"),
            let second = digits(2)
        else { return nil }
        var millisecond = 0
        if index < utf8.count, utf8[index] == UInt8(ascii: ",") || utf8[index] == UInt8(ascii: ".") {
            if utf8[index] == UInt8(ascii: ".") { deviation = "TM uses '.' instead of ',' before the milliseconds" }
            index += 1
            let start = index
            while index < utf8.count, utf8[index] >= 0x30, utf8[index] <= 0x39 { index += 1 }
            let count = index - start
            guard count >= 1, count <= 9 else { return nil }
            let fraction = utf8[start..<min(index, start + 3)].reduce(0) { $0 * 10 + Int($1 - 0x30) }
            millisecond = fraction * [100, 10, 1][min(count, 3) - 1]
            if count != 3 { deviation = "TM has \(count) fractional digits instead of 3" }
        } else {
            deviation = "TM has no milliseconds"
        }
        var offsetSeconds = 0
        guard index < utf8.count else { return nil }
        if utf8[index] == UInt8(ascii: "Z") {
            index += 1
            deviation = "TM uses 'Z' instead of a +hhmm offset"
        } else {
            let negative = utf8[index] == UInt8(ascii: "-")
            guard negative || utf8[index] == UInt8(ascii: "+") else { return nil }
            index += 1
            guard let offsetHours = digits(2) else { return nil }
            if expect(":") { deviation = "TM offset is written with a colon" }
            guard let offsetMinutes = digits(2), offsetHours <= 23, offsetMinutes <= 59 else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (negative ? -1 : 1)
        }
        var clock = ClockQuality.unknown
        if index == utf8.count {
            deviation = "TM has no time synchronisation flag"
        } else {
            guard expect(" "), index + 1 == utf8.count else { return nil }
            switch utf8[index] {
            case UInt8(ascii: "S"): clock = .synchronised
            case UInt8(ascii: "I"): clock = .informative
            case UInt8(ascii: "R"): clock = .relative
            case UInt8(ascii: "U"): clock = .unknown
            default: return nil
            }
        }
        guard CivilTime.isValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        let epoch = CivilTime.epochMilliseconds(
            year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59),
            millisecond: millisecond, offsetSeconds: offsetSeconds)
        return (SignedTime(epochMilliseconds: epoch, utcOffsetSeconds: offsetSeconds, clock: clock, text: text), deviation)
    }
}
