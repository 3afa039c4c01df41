/// The 320-byte block an EDL40 meter signs (ECDSA with SHA-256 over exactly these bytes).
///
/// Receivers rebuild it from whatever container carried the reading (an SML GetList.Res, Mennekes
/// XML, chargeIT JSON) or receive it prebuilt (`<signedMeterValue>` XML). Integers are
/// little-endian except the price, which is big-endian in the only implementation that writes it (it
/// is zero in every public sample, so its byte order is unconfirmed).
///
/// | offset | length | field |
/// |---|---|---|
/// | 0 | 10 | server id |
/// | 10 | 4 | reading time, local epoch (seconds since 1970 of the local wall clock) |
/// | 14 | 1 | status byte |
/// | 15 | 4 | seconds index |
/// | 19 | 4 | pagination |
/// | 23 | 6 | OBIS code |
/// | 29 | 1 | unit (30 = Wh) |
/// | 30 | 1 | scaler |
/// | 31 | 8 | meter value |
/// | 39 | 2 | logbook bytes |
/// | 41 | 128 | contract id, zero-padded |
/// | 169 | 4 | contract-id time, local epoch |
/// | 173 | 8 | historical value |
/// | 181 | 8 | historical compensated value |
/// | 189 | 2 | power-line resistance |
/// | 191 | 4 | stopwatch |
/// | 195 | 2 | price (big-endian) |
/// | 197 | 123 | reserved, zero |
///
/// Reserved bytes: the meter signs all 320 bytes, the reserved ones included. The containers that
/// carry the fields (SML telegram, Mennekes XML, chargeIT JSON) do not carry bytes 197–319, and the
/// format reference (`sml-edl40.md`, block table: "197 | 123 | reserved | — | zero") states that the
/// meter fills them with zeros, so a rebuilt block has zeros there; every sample of those containers
/// verifies so. The prebuilt block (`<signedMeterValue>`) does carry them: it keeps and signs
/// exactly the bytes received (`reserved`), so non-zero reserved bytes are verified as the meter
/// sent them (and noted as a deviation), never silently replaced by zeros.
struct EDL40Block: Sendable, Hashable {
    /// The block's size in bytes: 320.
    public static let length = 320
    /// The size of the contract id's zero-padded slot (bytes 41–168): 128 bytes.
    public static let contractIDLength = 128

    /// Bytes 0–9: the meter's server id (SML `serverId`, e.g. `0901454d4800008f7ea0`).
    public var serverID: [UInt8]
    /// Bytes 10–13: the reading time, seconds since 1970 of the meter's local wall clock, without
    /// offset (little-endian). Meters without a set clock write seconds since power-up.
    public var localTime: UInt32
    /// Byte 14: the status byte: the low byte of the meter's status word, or on EMH EMOC meters bits
    /// remapped from it.
    public var status: UInt8
    /// Bytes 15–18: the meter's seconds index (little-endian).
    public var secondsIndex: UInt32
    /// Bytes 19–22: the pagination counter (little-endian).
    public var pagination: UInt32
    /// Bytes 23–28: the OBIS code of the signed register, e.g. 1-0:1.17.0*255.
    public var obis: [UInt8]
    /// Byte 29: the DLMS unit code of the value (30 = Wh).
    public var unit: UInt8
    /// Byte 30: the scaler, the power of ten the value is multiplied by (signed).
    public var scaler: Int8
    /// Bytes 31–38: the meter reading in units of 10^scaler (signed, little-endian).
    public var value: Int64
    /// Bytes 39–40: the logbook bytes (calibration log entry index), in signature order.
    public var logbook: [UInt8]
    /// The contract id without its zero padding.
    public var contractID: [UInt8]
    /// Bytes 169–172: when the contract id was presented, seconds since 1970 of the local wall clock
    /// (little-endian).
    public var contractTime: UInt32
    /// Bytes 173–180: the historical value, filled by EMH EMOC meters (signed, little-endian; 0 when
    /// absent).
    public var historicalValue: Int64 = 0
    /// Bytes 181–188: the historical compensated value, filled by EMH EMOC meters (signed,
    /// little-endian).
    public var historicalCompensatedValue: Int64 = 0
    /// Bytes 189–190: the power-line resistance, filled by EMH EMOC meters (little-endian).
    public var lineResistance: UInt16 = 0
    /// Bytes 191–194: the stopwatch (duration), filled by EMH EMOC meters (little-endian).
    public var stopwatch: UInt32 = 0
    /// Bytes 195–196: the price, big-endian unlike every other field (zero in every public sample).
    public var price: UInt16 = 0
    /// Bytes 197–319 as received in a prebuilt block; empty (all zero) for a rebuilt one.
    public var reserved: [UInt8] = []

    /// A block from the basic fields and the contract id; the EMOC extension fields start at zero.
    public init(
        serverID: [UInt8], localTime: UInt32, status: UInt8, secondsIndex: UInt32, pagination: UInt32, obis: [UInt8],
        unit: UInt8, scaler: Int8, value: Int64, logbook: [UInt8], contractID: [UInt8], contractTime: UInt32
    ) {
        self.serverID = serverID
        self.localTime = localTime
        self.status = status
        self.secondsIndex = secondsIndex
        self.pagination = pagination
        self.obis = obis
        self.unit = unit
        self.scaler = scaler
        self.value = value
        self.logbook = logbook
        self.contractID = contractID
        self.contractTime = contractTime
    }

    /// The 320 bytes. Fields longer than their slot are cut and shorter ones zero-padded; the
    /// decoders check the lengths before building a block, so this only matters for hand-built ones.
    public var bytes: [UInt8] {
        var writer = BlockWriter(length: EDL40Block.length)
        writer.put(serverID, at: 0, width: 10)
        writer.littleEndian(UInt64(localTime), at: 10, width: 4)
        writer.put([status], at: 14, width: 1)
        writer.littleEndian(UInt64(secondsIndex), at: 15, width: 4)
        writer.littleEndian(UInt64(pagination), at: 19, width: 4)
        writer.put(obis, at: 23, width: 6)
        writer.put([unit, UInt8(bitPattern: scaler)], at: 29, width: 2)
        writer.littleEndian(UInt64(bitPattern: value), at: 31, width: 8)
        writer.put(logbook, at: 39, width: 2)
        writer.put(contractID, at: 41, width: EDL40Block.contractIDLength)
        writer.littleEndian(UInt64(contractTime), at: 169, width: 4)
        writer.littleEndian(UInt64(bitPattern: historicalValue), at: 173, width: 8)
        writer.littleEndian(UInt64(bitPattern: historicalCompensatedValue), at: 181, width: 8)
        writer.littleEndian(UInt64(lineResistance), at: 189, width: 2)
        writer.littleEndian(UInt64(stopwatch), at: 191, width: 4)
        writer.put([UInt8(price >> 8), UInt8(price & 0xFF)], at: 195, width: 2)
        writer.put(reserved, at: 197, width: EDL40Block.length - 197)
        return writer.bytes
    }

    /// Reads a prebuilt block. It must be exactly 320 bytes; non-zero reserved bytes are kept (they
    /// are signed, so the block's `bytes` are exactly the bytes read) and returned as a deviation.
    static func read(_ bytes: [UInt8]) throws(FormatError) -> (EDL40Block, deviations: [Deviation]) {
        guard bytes.count == length else {
            throw FormatError(
                .edl40Signature,
                .badLength(field: "<encodedMeterValue>", expected: .exactly(length), actual: bytes.count))
        }
        let reader = BlockReader(bytes: bytes, format: .edl40Signature)
        var block = EDL40Block(
            serverID: try reader.take(0, 10), localTime: UInt32(truncatingIfNeeded: try reader.littleEndian(10, 4)),
            status: try reader.take(14, 1).first ?? 0,
            secondsIndex: UInt32(truncatingIfNeeded: try reader.littleEndian(15, 4)),
            pagination: UInt32(truncatingIfNeeded: try reader.littleEndian(19, 4)), obis: try reader.take(23, 6),
            unit: try reader.take(29, 1).first ?? 0,
            scaler: Int8(bitPattern: try reader.take(30, 1).first ?? 0),
            value: Int64(bitPattern: try reader.littleEndian(31, 8)), logbook: try reader.take(39, 2),
            contractID: EDL40Block.trimmed(try reader.take(41, contractIDLength)),
            contractTime: UInt32(truncatingIfNeeded: try reader.littleEndian(169, 4)))
        block.historicalValue = Int64(bitPattern: try reader.littleEndian(173, 8))
        block.historicalCompensatedValue = Int64(bitPattern: try reader.littleEndian(181, 8))
        block.lineResistance = UInt16(truncatingIfNeeded: try reader.littleEndian(189, 2))
        block.stopwatch = UInt32(truncatingIfNeeded: try reader.littleEndian(191, 4))
        let price = try reader.take(195, 2)
        block.price = price.reduce(UInt16(0)) { $0 << 8 | UInt16($1) }
        _ = try DecimalText.scaled(block.value, scaler: block.scaler, format: .edl40Signature, offset: 30)
        var deviations: [Deviation] = []
        let reserved = try reader.take(197, length - 197)
        if let first = reserved.firstIndex(where: { $0 != 0 }) {
            deviations.append(.reservedByteNotZero(197 + first))
            block.reserved = reserved
        }
        return (block, deviations)
    }

    /// Bytes without their trailing zero padding.
    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0 { end -= 1 }
        return Array(bytes[0..<end])
    }
}

/// Writes fixed-width fields into a zeroed buffer; writes past the end are dropped, never trapped.
struct BlockWriter {
    private(set) var bytes: [UInt8]

    init(length: Int) { bytes = [UInt8](repeating: 0, count: length) }

    mutating func put<C: Collection>(_ field: C, at offset: Int, width: Int) where C.Element == UInt8 {
        for (index, byte) in field.prefix(width).enumerated() where offset + index < bytes.count {
            bytes[offset + index] = byte
        }
    }

    mutating func littleEndian(_ value: UInt64, at offset: Int, width: Int) {
        put((0..<width).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }, at: offset, width: width)
    }
}

/// Reads fixed-width fields of a block, every read checked against the end.
struct BlockReader {
    let bytes: [UInt8]
    let format: MeterFormat

    func take(_ offset: Int, _ count: Int) throws(FormatError) -> [UInt8] {
        guard offset >= 0, count >= 0, offset <= bytes.count, bytes.count - offset >= count else {
            throw FormatError(format, .endsBefore(byte: offset + count), offset: offset)
        }
        return Array(bytes[offset..<(offset + count)])
    }

    /// An unsigned little-endian integer of up to 8 bytes.
    func littleEndian(_ offset: Int, _ count: Int) throws(FormatError) -> UInt64 {
        try take(offset, min(count, 8)).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
