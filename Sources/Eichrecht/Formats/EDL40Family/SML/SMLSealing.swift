/// Writes SML files with correct checksums around arbitrary message bytes.
///
/// The transport rule fails every telegram whose CRC-16/X-25 checksums do not match, so random
/// changes to a telegram never get past the frame. The fuzzer (`Fuzz/FuzzSML.swift`) and the tests
/// seal altered message bytes with this to reach the value decoding behind the checksums. Nothing
/// here is used on the verification path.
enum SMLSealing {
    /// The deepest list nesting followed; deeper bytes are left as they are.
    static let maximumDepth = 16

    /// The message bytes with the checksum of every message recomputed, as far as the messages'
    /// structure (list(6){…, crc, 00}) can be followed; the bytes after the first place it cannot are
    /// left as they are.
    static func resealMessages(_ payload: [UInt8]) -> [UInt8] {
        var bytes = payload
        var index = 0
        while index < bytes.count {
            let start = index
            guard let (type, count, next) = typeLength(bytes, at: index), type == 7, count == 6 else { break }
            index = next
            for _ in 0..<4 {
                guard let end = skip(bytes, at: index, depth: 1) else { return bytes }
                index = end
            }
            guard index + 3 <= bytes.count, bytes[index] == 0x63 else { break }
            let crc = CRC16X25.checksum(bytes[start..<index])
            bytes[index + 1] = UInt8(crc & 0xFF)
            bytes[index + 2] = UInt8(crc >> 8)
            index += 3
            guard index < bytes.count, bytes[index] == 0x00 else { break }
            index += 1
        }
        return bytes
    }

    /// An SML version-1 file around `payload`: begin sequence, the payload padded to four bytes and
    /// escaped, end sequence and the file checksum.
    static func file(_ payload: [UInt8]) -> [UInt8] {
        let padding = (4 - payload.count % 4) % 4
        let padded = payload + [UInt8](repeating: 0, count: padding)
        var out = SMLTransport.escape + SMLTransport.begin
        out.reserveCapacity(padded.count * 2 + 16)
        var index = 0
        while index < padded.count {
            let block = padded[index..<(index + 4)]
            if block.elementsEqual(SMLTransport.escape) { out += SMLTransport.escape }
            out += block
            index += 4
        }
        out += SMLTransport.escape + [0x1A, UInt8(padding)]
        return out + CRC16X25.transmitted(CRC16X25.checksum(out))
    }

    /// `file(resealMessages(payload))`: a telegram whose checksums all match.
    static func sealed(_ payload: [UInt8]) -> [UInt8] { file(resealMessages(payload)) }

    /// The type, the length (element count for lists) and the index after the type-length bytes.
    private static func typeLength(_ bytes: [UInt8], at start: Int) -> (UInt8, Int, Int)? {
        guard start < bytes.count else { return nil }
        var index = start
        var byte = bytes[index]
        let type = (byte >> 4) & 0x07
        var length = Int(byte & 0x0F)
        index += 1
        while byte & 0x80 != 0 {
            guard index < bytes.count, length < 1 << 24 else { return nil }
            byte = bytes[index]
            length = length << 4 | Int(byte & 0x0F)
            index += 1
        }
        return (type, length, index)
    }

    /// The index after the element at `start`, or `nil` when it is not a complete element.
    private static func skip(_ bytes: [UInt8], at start: Int, depth: Int) -> Int? {
        guard depth <= maximumDepth, let (type, length, next) = typeLength(bytes, at: start) else { return nil }
        if type == 7 {
            var index = next
            for _ in 0..<length {
                guard let end = skip(bytes, at: index, depth: depth + 1) else { return nil }
                index = end
            }
            return index
        }
        if bytes[start] == 0x00 { return nil }  // end of message where an element should be
        let end = start + length
        guard length >= next - start, end <= bytes.count else { return nil }
        return end
    }
}
