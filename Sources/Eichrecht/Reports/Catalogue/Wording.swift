import Foundation

/// How each language writes numbers, times, counts and lists in prose. JSON never uses these: it
/// keeps dot decimals and ISO 8601 times.
struct Wording: Sendable {
    /// The language written.
    let language: Language

    static let english = Wording(language: .en)
    static let german = Wording(language: .de)

    /// An exact decimal as plain text: `28.542` in English, `28,542` in German (never exponent
    /// notation, never rounded).
    func decimal(_ value: Decimal) -> String {
        let text = value.plainText
        return language == .de ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A number as the sender wrote it, with the language's decimal separator: `29.0420` / `29,0420`.
    func written(_ number: DecimalText) -> String {
        language == .de ? number.text.replacingOccurrences(of: ".", with: ",") : number.text
    }

    /// A CDR time in UTC, as `time(_:)` writes signed times.
    func time(_ time: OCPITime) -> String { instant(epochMilliseconds: time.epochMilliseconds) }

    /// Which signed value: `value 2 (End)` / `Wert 2 (Ende)`.
    func value(_ position: ValuePosition) -> String {
        let number = integer(position.index + 1)
        let nature = position.nature == .other ? "" : " (\(position.nature.text(language)))"
        return (language == .de ? "Wert " : "value ") + number + nature
    }

    /// A register as written, or that it has none.
    func register(_ register: String) -> String {
        register.isEmpty ? (language == .de ? "(ohne Register)" : "(no register)") : TextSafety.escaped(register)
    }

    /// Items joined with semicolons, for findings.
    func findings(_ items: [String]) -> String { items.joined(separator: "; ") }

    /// An energy in kWh: `28.542 kWh`, `28,542 kWh`.
    func kWh(_ value: Decimal) -> String { decimal(value) + " kWh" }

    /// A whole number with digit grouping as the language writes it: `1,000` / `1.000`.
    func integer<I: BinaryInteger>(_ value: I) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(language == .de ? "." : ",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// An instant in UTC: `2026-03-02T14:42:47Z` in English, `02.03.2026 14:42:47 UTC` in German.
    /// Milliseconds are written only when not zero.
    func time(_ time: SignedTime) -> String { instant(epochMilliseconds: time.epochMilliseconds) }

    /// An instant given in milliseconds since 1970, in UTC, as `time(_:)` writes it.
    func instant(epochMilliseconds: Int64) -> String {
        let iso = CivilTime.iso8601(epochMilliseconds: epochMilliseconds, offsetSeconds: 0)
        guard language == .de else { return iso }
        // yyyy-mm-ddThh:mm:ss[.mmm]Z → dd.mm.yyyy hh:mm:ss[,mmm] UTC
        let parts = iso.dropLast().split(separator: "T", maxSplits: 1)
        guard parts.count == 2 else { return iso }
        let date = parts[0].split(separator: "-")
        guard date.count == 3 else { return iso }
        let clock = parts[1].replacingOccurrences(of: ".", with: ",")
        return "\(date[2]).\(date[1]).\(date[0]) \(clock) UTC"
    }

    /// A local date and time for a person, to the minute, in `zone`: `02.03.2026, 15:42 Uhr` in
    /// German, `2 Mar 2026, 3:42 pm` in English. The zone's offset at that instant comes from
    /// Foundation; the civil date from `CivilTime`. An instant outside the years 1–9999 (no meter's)
    /// is written as `–`.
    func localTime(epochMilliseconds: Int64, in zone: TimeZone) -> String {
        let (quotient, remainder) = epochMilliseconds.quotientAndRemainder(dividingBy: 1000)
        let seconds = remainder < 0 ? quotient - 1 : quotient
        // 0001-01-01 … 9999-12-31 in seconds since 1970, with a day's room for the offset.
        guard seconds > -62_135_596_800 + 86_400, seconds < 253_402_300_799 - 86_400 else {
            return "–"
        }
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
        let local = seconds + max(-86_400, min(86_400, offset))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = Int(local - days * 86_400)
        let (year, month, day) = CivilTime.civilFromDays(Int(days))
        let hour = secondOfDay / 3600
        let minute = secondOfDay / 60 % 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        switch language {
        case .de:
            return "\(two(day)).\(two(month)).\(year), \(two(hour)):\(two(minute)) Uhr"
        case .en:
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let name = (1...12).contains(month) ? months[month - 1] : String(month)
            let twelve = hour % 12 == 0 ? 12 : hour % 12
            return "\(day) \(name) \(year), \(twelve):\(two(minute)) \(hour < 12 ? "am" : "pm")"
        }
    }

    /// Plain decimal text (dot decimal, as the report holds it) with the language's separator:
    /// `2834.528` / `2834,528`.
    func writtenDecimal(_ text: String) -> String {
        language == .de ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// An energy given as plain decimal text in kWh: `28.542 kWh` / `28,542 kWh`.
    func kWh(text: String) -> String { writtenDecimal(text) + " kWh" }

    /// An amount of money as written, with its currency code as written: `13.99 EUR` / `13,99 EUR`.
    func money(_ amount: String, currency: String?) -> String {
        writtenDecimal(amount) + (currency.map { " " + TextSafety.escaped($0) } ?? "")
    }

    /// A count with its noun in the right number: `1 signature`, `2 signatures`; `1 Signatur`,
    /// `2 Signaturen`.
    func count(_ n: Int, _ singular: String, _ plural: String) -> String {
        "\(integer(n)) \(n == 1 ? singular : plural)"
    }

    /// A duration in seconds: `1h 24m 41s` / `1 h 24 min 41 s`.
    func duration(seconds: Int64) -> String {
        let h = seconds / 3600
        let m = seconds / 60 % 60
        let s = seconds % 60
        switch language {
        case .en: return h > 0 ? "\(h)h \(m)m \(s)s" : (m > 0 ? "\(m)m \(s)s" : "\(s)s")
        case .de: return h > 0 ? "\(h) h \(m) min \(s) s" : (m > 0 ? "\(m) min \(s) s" : "\(s) s")
        }
    }

    /// Items joined for prose: `a, b and c` / `a, b und c`.
    func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + (language == .de ? " und " : " and ") + last
    }
}
