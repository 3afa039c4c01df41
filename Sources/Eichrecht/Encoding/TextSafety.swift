/// Makes text from the input safe to show on a terminal or in a log.
///
/// Input bytes reach error messages and reports (a member name, a meter serial, a field that does
/// not parse). Control characters among them (ESC sequences that recolour or clear a terminal,
/// carriage returns that overwrite a line, bidirectional overrides) are written as escapes, so
/// what a person reads is what the input holds.
public enum TextSafety {
    /// `text` with every control character written as `\u{…}` (`\n`, `\r` and `\t` as such).
    public static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: isControlOrInvisible) else { return String(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isControlOrInvisible(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            }
        }
        return out
    }

    /// C0 and C1 controls, DEL, and the bidirectional formatting characters.
    static func isControlOrInvisible(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v <= 0x9F) || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }
}
