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
