/// Mennekes timestamps: ISO 8601 with seconds and a UTC offset (`2018-09-04T12:22:14+02:00`),
/// sometimes broken over lines in the XML (whitespace is removed before reading).
enum MennekesTime {
    /// The UTC instant in seconds and the written offset, or `nil` when the text is not such a time.
    static func parse(_ text: String) -> (seconds: Int64, offsetSeconds: Int)? {
        var scanner = TimeTextScanner(text)
        guard let (year, month, day, hour, minute) = scanner.dateAndMinute(separators: "Tt"), scanner.expect(":"),
            let second = scanner.digits(2),
            CivilTime.isValid(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        else { return nil }
        if scanner.expect(".") {
            guard scanner.fraction() != nil else { return nil }
        }
        let offset: Int
        if scanner.expect("Zz") {
            offset = 0
        } else if let sign = scanner.current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
            scanner.expect("+-"), let parsed = scanner.offset(negative: sign == UInt8(ascii: "-"))
        {
            offset = parsed.seconds
        } else {
            return nil
        }
        guard scanner.atEnd else { return nil }
        let milliseconds = CivilTime.epochMilliseconds(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, millisecond: 0,
            offsetSeconds: offset)
        return (milliseconds / 1000, offset)
    }
}
