/// The 320-byte block an Isabellenhütte EDL40P meter signs (ECDSA P-256 with SHA-256). It is not
/// the EDL40 block: one telegram carries both the register at transaction start and the actual
/// register, and the block holds both. Integers are little-endian.
///
/// | offset | length | field |
/// |---|---|---|
/// | 0 | 10 | server id |
/// | 10 | 4 | actual-register time (local epoch) |
/// | 14 | 1 | low byte of the actual register's status |
/// | 15 | 6 | actual OBIS code |
/// | 21 | 1 | unit |
/// | 22 | 1 | scaler |
/// | 23 | 8 | actual value |
/// | 31 | 2 | log entry index (last two bytes of the list signature) |
/// | 33 | 66 | the actual register's value signature |
/// | 99 | 128 | contract id, zero-padded |
/// | 227 | 4 | start-register time (local epoch) |
/// | 231 | 20 | ESTH |
/// | 251 | 1 | low byte of the start register's status |
/// | 252 | 6 | start OBIS code |
/// | 258 | 1 | start unit |
/// | 259 | 1 | start scaler |
/// | 260 | 8 | start value |
/// | 268 | 6 | list name |
/// | 274 | 4 | pagination |
/// | 278 | 42 | zero |
public struct ISAEDL40Block: Sendable, Hashable {
    public static let length = 320
    public static let valueSignatureLength = 66
    public static let esthLength = 20

    /// One register reading as the block holds it.
    public struct Register: Sendable, Hashable {
        public var localTime: UInt32
        public var status: UInt8
        public var obis: [UInt8]
        public var unit: UInt8
        public var scaler: Int8
        public var value: Int64

        public init(localTime: UInt32, status: UInt8, obis: [UInt8], unit: UInt8, scaler: Int8, value: Int64) {
            self.localTime = localTime
            self.status = status
            self.obis = obis
            self.unit = unit
            self.scaler = scaler
            self.value = value
        }
    }

    public var serverID: [UInt8]
    public var actual: Register
    public var logEntryIndex: [UInt8]
    public var valueSignature: [UInt8]
    /// Without its zero padding.
    public var contractID: [UInt8]
    public var start: Register
    public var esth: [UInt8]
    public var listName: [UInt8]
    public var pagination: UInt32

    public init(
        serverID: [UInt8], actual: Register, logEntryIndex: [UInt8], valueSignature: [UInt8], contractID: [UInt8],
        start: Register, esth: [UInt8], listName: [UInt8], pagination: UInt32
    ) {
        self.serverID = serverID
        self.actual = actual
        self.logEntryIndex = logEntryIndex
        self.valueSignature = valueSignature
        self.contractID = contractID
        self.start = start
        self.esth = esth
        self.listName = listName
        self.pagination = pagination
    }

    /// The 320 signed bytes.
    public var bytes: [UInt8] {
        var writer = BlockWriter(length: ISAEDL40Block.length)
        writer.put(serverID, at: 0, width: 10)
        writer.littleEndian(UInt64(actual.localTime), at: 10, width: 4)
        writer.put([actual.status], at: 14, width: 1)
        writer.put(actual.obis, at: 15, width: 6)
        writer.put([actual.unit, UInt8(bitPattern: actual.scaler)], at: 21, width: 2)
        writer.littleEndian(UInt64(bitPattern: actual.value), at: 23, width: 8)
        writer.put(logEntryIndex, at: 31, width: 2)
        writer.put(valueSignature, at: 33, width: ISAEDL40Block.valueSignatureLength)
        writer.put(contractID, at: 99, width: EDL40Block.contractIDLength)
        writer.littleEndian(UInt64(start.localTime), at: 227, width: 4)
        writer.put(esth, at: 231, width: ISAEDL40Block.esthLength)
        writer.put([start.status], at: 251, width: 1)
        writer.put(start.obis, at: 252, width: 6)
        writer.put([start.unit, UInt8(bitPattern: start.scaler)], at: 258, width: 2)
        writer.littleEndian(UInt64(bitPattern: start.value), at: 260, width: 8)
        writer.put(listName, at: 268, width: 6)
        writer.littleEndian(UInt64(pagination), at: 274, width: 4)
        return writer.bytes
    }
}
