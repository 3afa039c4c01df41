/// Reads SML messages (SML 1.04) from the payload of an SML file.
///
/// Type-length bytes: bit 7 says another type-length byte follows, bits 6–4 are the type (`000`
/// octet string, `100` boolean, `101` signed, `110` unsigned, `111` list), bits 3–0 a length nibble;
/// with continuation bytes the nibbles concatenate. For scalars the length counts the type-length
/// bytes too, for lists it is the number of elements. `00` ends a message, `01` is an absent optional
/// element. Nothing is trusted: every length is checked against the bytes left, nesting is bounded,
/// and any violation is an `SMLError` naming the file offset.
struct SMLParser {
    /// Deeper nesting than this is not SML any meter writes; the bound keeps hostile input from
    /// exhausting the stack.
    static let maximumDepth = 16

    private let bytes: [UInt8]
    private let fileOffsets: [Int]
    private var index = 0

    init(frame: SMLTransport.Frame) {
        bytes = frame.payload
        fileOffsets = frame.fileOffsets
    }

    /// The file offset of a payload index (the end of the file for an index past the payload).
    private func fileOffset(_ payloadIndex: Int) -> Int {
        if payloadIndex < fileOffsets.count { return fileOffsets[payloadIndex] }
        return (fileOffsets.last ?? 7) + 1
    }

    private func error(_ problem: SMLProblem, at payloadIndex: Int? = nil) -> SMLError {
        SMLError(problem, at: fileOffset(payloadIndex ?? index))
    }

    /// Every message of the payload, each with its checksum verified.
    static func messages(in frame: SMLTransport.Frame) throws(SMLError) -> [SMLMessage] {
        var parser = SMLParser(frame: frame)
        var messages: [SMLMessage] = []
        while parser.index < parser.bytes.count {
            messages.append(try parser.message())
        }
        guard !messages.isEmpty else { throw SMLError(.noMessage, at: 8) }
        return messages
    }

    /// One `SML_Message`: list(6){transactionId, groupNo, abortOnError, messageBody, crc16,
    /// endOfSmlMsg}. The checksum covers the message from its list type-length byte up to the
    /// checksum's own type-length byte and is transmitted low byte first.
    private mutating func message() throws(SMLError) -> SMLMessage {
        let start = index
        let (type, count) = try typeLength()
        guard type == 7, count == 6 else {
            throw error(.notAListOf(.message, count: 6), at: start)
        }
        let transactionID = try element(depth: 1)
        let groupNumber = try element(depth: 1)
        let abortOnError = try element(depth: 1)
        let body = try element(depth: 1)
        guard let transaction = transactionID.octets else {
            throw error(
                .elementType(field: "transactionId", expected: .octetString, found: transactionID.kind), at: start)
        }
        guard let group = groupNumber.unsigned, let abort = abortOnError.unsigned else {
            throw error(.elementType(field: "groupNo, abortOnError", expected: .unsignedNumber, found: nil), at: start)
        }
        guard let parts = body.list, parts.count == 2, let tag = parts[0].unsigned, tag <= UInt64(UInt32.max) else {
            throw error(.notAListOf(.messageBody, count: 2), at: indexOf(body))
        }
        let checksumStart = index
        guard index + 3 <= bytes.count else { throw error(.endsBeforeChecksum) }
        guard bytes[index] == 0x63 else {
            throw error(.checksumType(found: bytes[index]))
        }
        let transmitted = UInt16(bytes[index + 1]) | UInt16(bytes[index + 2]) << 8
        let computed = CRC16X25.checksum(bytes[start..<checksumStart])
        guard transmitted == computed else {
            throw error(.messageChecksumMismatch(transmitted: transmitted, computed: computed), at: checksumStart)
        }
        index += 3
        guard index < bytes.count, bytes[index] == 0x00 else {
            throw error(.noEndOfMessage)
        }
        index += 1
        return SMLMessage(
            transactionID: transaction, groupNumber: group, abortOnError: abort, tag: UInt32(tag), body: parts[1],
            checksum: transmitted, offset: fileOffset(start), checksumOffset: fileOffset(checksumStart))
    }

    /// The payload index of an element, from its file offset (for error positions).
    private func indexOf(_ element: SMLElement) -> Int {
        fileOffsets.firstIndex(of: element.offset) ?? index
    }

    /// Reads the type-length byte(s) at the cursor: the type bits and the length (element count
    /// for lists, total length including these bytes for scalars).
    private mutating func typeLength() throws(SMLError) -> (type: UInt8, length: Int) {
        let start = index
        guard index < bytes.count else { throw error(.endsInsideElement) }
        var byte = bytes[index]
        let type = (byte >> 4) & 0x07
        var length = Int(byte & 0x0F)
        index += 1
        var tlBytes = 1
        while byte & 0x80 != 0 {
            guard index < bytes.count else { throw error(.endsInsideElement, at: start) }
            byte = bytes[index]
            guard byte & 0x70 == 0 else {
                throw error(.continuedTypeLength(byte), at: index)
            }
            tlBytes += 1
            guard tlBytes <= 4 else { throw error(.typeLengthTooLong, at: start) }
            length = length << 4 | Int(byte & 0x0F)
            index += 1
        }
        if type == 7 { return (type, length) }
        guard length >= tlBytes else {
            throw error(.lengthShorterThanTypeLength(length: length, typeLengthBytes: tlBytes), at: start)
        }
        return (type, length - tlBytes)
    }

    /// Reads one element at the cursor.
    private mutating func element(depth: Int) throws(SMLError) -> SMLElement {
        let start = index
        let offset = fileOffset(start)
        guard index < bytes.count else { throw error(.endsInsideElement) }
        if bytes[index] == 0x00 { throw error(.endOfMessageInElement) }
        if bytes[index] == 0x01 {
            index += 1
            return SMLElement(value: .absent, offset: offset)
        }
        let (type, length) = try typeLength()
        switch type {
        case 7:
            guard depth < SMLParser.maximumDepth else {
                throw error(.nestedTooDeep(SMLParser.maximumDepth), at: start)
            }
            guard length <= bytes.count - index else {
                throw error(.listTooLong(count: length, remaining: bytes.count - index), at: start)
            }
            var items: [SMLElement] = []
            items.reserveCapacity(length)
            for _ in 0..<length { items.append(try element(depth: depth + 1)) }
            return SMLElement(value: .list(items), offset: offset)
        case 0, 4, 5, 6:
            guard length <= bytes.count - index else {
                throw error(.elementTooLong(length: length, remaining: bytes.count - index), at: start)
            }
            let data = bytes[index..<(index + length)]
            index += length
            return SMLElement(value: try scalar(type: type, data, at: start), offset: offset)
        default:
            throw error(.unknownType(bytes[start]), at: start)
        }
    }

    private func scalar(type: UInt8, _ data: ArraySlice<UInt8>, at start: Int) throws(SMLError) -> SMLElement.Value {
        switch type {
        case 0:
            return .octets(Array(data))
        case 4:
            guard data.count == 1, let first = data.first else {
                throw error(.booleanLength, at: start)
            }
            return .boolean(first != 0)
        default:
            guard (1...8).contains(data.count) else {
                throw error(.integerLength(data.count), at: start)
            }
            let raw = data.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            if type == 6 { return .unsigned(raw, width: data.count) }
            // Sign-extend from the written width.
            let unused = UInt64(64 - 8 * data.count)
            return .integer(Int64(bitPattern: raw << unused) >> Int64(unused), width: data.count)
        }
    }
}
