/// A minimal, strict DER reader and writer for the few ASN.1 shapes this package needs:
/// SubjectPublicKeyInfo and ECDSA-Sig-Value.
///
/// Every read is bounds-checked and returns `nil` on malformed input; nothing here can trap on
/// bytes that came from outside.
enum DER {
    static let sequence: UInt8 = 0x30
    static let integer: UInt8 = 0x02
    static let bitString: UInt8 = 0x03
    static let objectIdentifier: UInt8 = 0x06

    /// One tag-length-value element.
    struct Element {
        var tag: UInt8
        var content: ArraySlice<UInt8>
    }

    /// Reads one element at the start of `bytes`; returns it and the bytes after it.
    ///
    /// With `strict`, lengths must use the shortest form (DER); otherwise any definite BER length is
    /// accepted, as some meters emit.
    static func readElement(_ bytes: ArraySlice<UInt8>, strict: Bool = true) -> (Element, ArraySlice<UInt8>)? {
        var index = bytes.startIndex
        guard index < bytes.endIndex else { return nil }
        let tag = bytes[index]
        index += 1
        guard tag & 0x1F != 0x1F, index < bytes.endIndex else { return nil }  // no multi-byte tags
        let first = bytes[index]
        index += 1
        var length = 0
        if first < 0x80 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7F)
            guard count >= 1, count <= 4, bytes.endIndex - index >= count else { return nil }
            for _ in 0..<count {
                length = length << 8 | Int(bytes[index])
                index += 1
            }
            if strict && (length < 0x80 || (count > 1 && length >> (8 * (count - 1)) == 0)) { return nil }
        }
        guard bytes.endIndex - index >= length else { return nil }
        let content = bytes[index..<(index + length)]
        return (Element(tag: tag, content: content), bytes[(index + length)...])
    }

    /// Reads exactly one element of the given tag that fills `bytes` completely.
    static func readOnly(_ tag: UInt8, _ bytes: ArraySlice<UInt8>, strict: Bool = true) -> ArraySlice<UInt8>? {
        guard let (element, rest) = readElement(bytes, strict: strict), element.tag == tag, rest.isEmpty else {
            return nil
        }
        return element.content
    }

    // MARK: Writing

    static func encodeLength(_ length: Int) -> [UInt8] {
        if length < 0x80 { return [UInt8(length)] }
        var bytes: [UInt8] = []
        var value = length
        while value > 0 {
            bytes.insert(UInt8(value & 0xFF), at: 0)
            value >>= 8
        }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    static func encode(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        [tag] + encodeLength(content.count) + content
    }

    /// A non-negative INTEGER from an unsigned big-endian magnitude (minimal, with a sign byte
    /// where the high bit is set).
    static func encodeUnsignedInteger<C: Collection>(_ magnitude: C) -> [UInt8] where C.Element == UInt8 {
        var digits = Array(magnitude.drop(while: { $0 == 0 }))
        if digits.isEmpty { digits = [0] }
        if let first = digits.first, first & 0x80 != 0 { digits.insert(0, at: 0) }
        return encode(integer, digits)
    }
}
