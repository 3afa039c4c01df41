/// OCMF's `TM` field: `2018-07-24T13:22:04,000+0200 S`.
///
/// The grammar is strict in the specification (comma before three millisecond digits, offset
/// without colon, one space, a sync letter). Real meters stick to it; we also accept a `.` before
/// the milliseconds, an offset with a colon or `Z`, and a missing sync letter (read as unknown),
/// and report those as deviations.
enum OCMFTime {
    static func parse(_ text: String) -> (SignedTime, deviation: OCMFTimeDeviation?)? {
        var scanner = TimeTextScanner(text)
        var deviation: OCMFTimeDeviation?
        guard let (year, month, day, hour, minute) = scanner.dateAndMinute(separators: "T"), scanner.expect(":"),
            let second = scanner.digits(2)
        else { return nil }
        var millisecond = 0
        if let separator = scanner.current, scanner.expect(",.") {
            if separator == UInt8(ascii: ".") { deviation = .dotBeforeMilliseconds }
            guard let fraction = scanner.fraction() else { return nil }
            millisecond = fraction.milliseconds
            if fraction.digits != 3 { deviation = .fractionDigits(fraction.digits) }
        } else {
            deviation = .noMilliseconds
        }
        var offsetSeconds = 0
        if scanner.expect("Z") {
            deviation = .zulu
        } else {
            guard let sign = scanner.current, scanner.expect("+-"),
                let offset = scanner.offset(negative: sign == UInt8(ascii: "-"))
            else { return nil }
            if offset.colon { deviation = .offsetColon }
            offsetSeconds = offset.seconds
        }
        var clock = ClockQuality.unknown
        if scanner.atEnd {
            deviation = .noSyncFlag
        } else {
            guard scanner.expect(" "), let flag = scanner.current, scanner.expect("SIRU"), scanner.atEnd else {
                return nil
            }
            switch flag {
            case UInt8(ascii: "S"): clock = .synchronised
            case UInt8(ascii: "I"): clock = .informative
            case UInt8(ascii: "R"): clock = .relative
            default: clock = .unknown
            }
        }
        guard CivilTime.isValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        let epoch = CivilTime.epochMilliseconds(
            year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59),
            millisecond: millisecond, offsetSeconds: offsetSeconds)
        return (
            SignedTime(epochMilliseconds: epoch, utcOffsetSeconds: offsetSeconds, clock: clock, text: text), deviation
        )
    }
}
