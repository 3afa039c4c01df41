/// Hexadecimal text ⇄ bytes.
enum Hex {
    /// Decodes hex text, either case. With `lenient`, ASCII whitespace, `:` and `-` separators and a
    /// leading `0x` are ignored (keys printed on labels look like `3059 3013 …`).
    public static func decode<S: StringProtocol>(_ text: S, lenient: Bool = false) -> [UInt8]? {
        var utf8 = Array(text.utf8)
        if lenient {
            if utf8.count >= 2, utf8[0] == UInt8(ascii: "0"), utf8[1] | 0x20 == UInt8(ascii: "x") {
                utf8.removeFirst(2)
            }
            utf8.removeAll {
                $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: ":")
                    || $0 == UInt8(ascii: "-")
            }
        }
        guard utf8.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(utf8.count / 2)
        var index = 0
        while index < utf8.count {
            guard let high = nibble(utf8[index]), let low = nibble(utf8[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// Whether the text consists only of hex digits (and is not empty).
    static func isHexDigits(_ utf8: some Collection<UInt8>) -> Bool {
        !utf8.isEmpty && utf8.allSatisfy { nibble($0) != nil }
    }

    @inline(__always)
    static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    /// Encodes bytes as hex text.
    public static func encode<C: Collection>(_ bytes: C, uppercase: Bool = false) -> String where C.Element == UInt8 {
        let digits = Array((uppercase ? "0123456789ABCDEF" : "0123456789abcdef").utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
