/// Base32 text → bytes (RFC 4648 alphabet `A–Z2–7`), as Alfen and S.A.F.E. XML use it.
enum Base32 {
    /// Decodes base32, either case, padding optional. Returns `nil` on any other character or
    /// when the trailing bits are not zero.
    public static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count * 5 / 8)
        var buffer: UInt64 = 0
        var bits = 0
        var padding = false
        for c in text.utf8 {
            if c == UInt8(ascii: "=") {
                padding = true
                continue
            }
            guard !padding else { return nil }
            let value: UInt8
            switch c {
            case 0x41...0x5A: value = c - 0x41
            case 0x61...0x7A: value = c - 0x61
            case 0x32...0x37: value = c - 0x32 + 26
            default: return nil
            }
            buffer = buffer << 5 | UInt64(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt64(bits)))
                buffer &= (1 << UInt64(bits)) - 1
            }
        }
        guard bits < 5, buffer == 0 else { return nil }
        return out
    }
}
