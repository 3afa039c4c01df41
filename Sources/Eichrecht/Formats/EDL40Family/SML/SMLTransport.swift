/// The SML transport protocol, version 1 (BSI TR-03109-1): the frame around SML messages.
///
/// ```
/// 1b1b1b1b 01010101   <messages, padded to a multiple of 4 with 00>   1b1b1b1b 1a PP CC CC
/// ```
///
/// The frame is read in 4-byte blocks, because that is how the sender builds it: messages are padded
/// to a multiple of four, so every escape sequence starts on a 4-byte boundary. Inside the messages a
/// literal `1b1b1b1b` is escaped by doubling it. `PP` counts the padding bytes; `CC CC` is the
/// CRC-16/X-25 over every byte from the first `1b` up to and including `1a PP`, low byte first.
///
/// A wrong file checksum is an error, not a warning: it means the bytes changed after the meter
/// wrote them, and nothing read from them afterwards can be trusted.
enum SMLTransport {
    static let escape: [UInt8] = [0x1B, 0x1B, 0x1B, 0x1B]
    static let begin: [UInt8] = [0x01, 0x01, 0x01, 0x01]

    /// Whether the bytes start with the SML version-1 begin sequence.
    static func startsFrame<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        bytes.starts(with: escape + begin)
    }

    /// The unescaped messages of one SML file and what the frame said about them.
    struct Frame: Sendable, Hashable {
        /// The message bytes with escapes resolved and padding removed.
        var payload: [UInt8]
        /// For each payload byte, its offset in the transmitted file.
        var fileOffsets: [Int]
        /// The number of padding bytes the end sequence announced.
        var padding: Int
        /// The file checksum as transmitted (it equals the computed one, or reading fails).
        var checksum: UInt16
        /// The offset of the end sequence `1b1b1b1b 1a`.
        var endOffset: Int
    }

    /// Reads the frame. Every read is bounds-checked; a truncated or altered file is an `SMLError`.
    static func read(_ bytes: [UInt8]) throws(SMLError) -> Frame {
        guard bytes.count >= 8, startsFrame(bytes) else {
            throw SMLError(.noBeginSequence, at: 0)
        }
        var payload: [UInt8] = []
        var offsets: [Int] = []
        payload.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count)
        var position = 8
        while true {
            guard bytes.count - position >= 4 else {
                throw SMLError(.noEndSequence(length: bytes.count), at: min(position, bytes.count))
            }
            guard bytes[position..<(position + 4)].elementsEqual(escape) else {
                payload.append(contentsOf: bytes[position..<(position + 4)])
                offsets.append(contentsOf: position..<(position + 4))
                position += 4
                continue
            }
            guard bytes.count - position >= 8 else {
                throw SMLError(.endsInsideEscape, at: position)
            }
            let next = bytes[(position + 4)..<(position + 8)]
            if next.elementsEqual(escape) {
                // An escaped literal 1b1b1b1b inside a message.
                payload.append(contentsOf: escape)
                offsets.append(contentsOf: (position + 4)..<(position + 8))
                position += 8
                continue
            }
            if next.elementsEqual(begin) {
                throw SMLError(.secondBeginSequence, at: position)
            }
            guard bytes[position + 4] == 0x1A else {
                throw SMLError(.unknownEscape(Hex.encode(next)), at: position)
            }
            return try finish(bytes, endOffset: position, payload: payload, offsets: offsets)
        }
    }

    /// Checks padding and checksum after the end sequence at `endOffset`.
    private static func finish(_ bytes: [UInt8], endOffset: Int, payload: [UInt8], offsets: [Int])
        throws(SMLError) -> Frame
    {
        let padding = Int(bytes[endOffset + 5])
        guard padding <= 3 else {
            throw SMLError(.tooMuchPadding(padding), at: endOffset + 5)
        }
        guard padding <= payload.count else {
            throw SMLError(.paddingBeyondFile, at: endOffset + 5)
        }
        for index in (payload.count - padding)..<payload.count where payload[index] != 0 {
            throw SMLError(.paddingNotZero(payload[index]), at: offsets[index])
        }
        let transmitted = UInt16(bytes[endOffset + 6]) | UInt16(bytes[endOffset + 7]) << 8
        let computed = CRC16X25.checksum(bytes[0..<(endOffset + 6)])
        guard transmitted == computed else {
            throw SMLError(.fileChecksumMismatch(transmitted: transmitted, computed: computed), at: endOffset + 6)
        }
        if bytes.count > endOffset + 8 {
            throw SMLError(.bytesAfterEnd(bytes.count - endOffset - 8), at: endOffset + 8)
        }
        return Frame(
            payload: Array(payload.dropLast(padding)), fileOffsets: Array(offsets.dropLast(padding)),
            padding: padding, checksum: transmitted, endOffset: endOffset)
    }

    static func hex16(_ value: UInt16) -> String {
        Hex.encode([UInt8(value >> 8), UInt8(value & 0xFF)], uppercase: true)
    }
}
