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
struct ISAEDL40Block: Sendable, Hashable {
    /// The block's size in bytes: 320.
    public static let length = 320
    /// The size of the actual register's value signature (bytes 33–98): 66 bytes.
    public static let valueSignatureLength = 66
    /// The size of the ESTH field (bytes 231–250): 20 bytes.
    public static let esthLength = 20

    /// One register reading as the block holds it.
    public struct Register: Sendable, Hashable {
        /// The reading time, seconds since 1970 of the meter's local wall clock (little-endian; bytes
        /// 10–13 for the actual register, 227–230 for the start register).
        public var localTime: UInt32
        /// The low byte of the register's status word (byte 14 or 251).
        public var status: UInt8
        /// The register's OBIS code (bytes 15–20 or 252–257).
        public var obis: [UInt8]
        /// The DLMS unit code (30 = Wh; byte 21 or 258).
        public var unit: UInt8
        /// The scaler, the power of ten the value is multiplied by (signed; byte 22 or 259).
        public var scaler: Int8
        /// The reading in units of 10^scaler (signed, little-endian; bytes 23–30 or 260–267).
        public var value: Int64

        /// A register reading from its block fields.
        public init(localTime: UInt32, status: UInt8, obis: [UInt8], unit: UInt8, scaler: Int8, value: Int64) {
            self.localTime = localTime
            self.status = status
            self.obis = obis
            self.unit = unit
            self.scaler = scaler
            self.value = value
        }
    }

    /// Bytes 0–9: the meter's server id.
    public var serverID: [UInt8]
    /// The actual register (1-0:1.8.0*255): time at bytes 10–13, status 14, OBIS 15–20, unit 21, scaler
    /// 22, value 23–30.
    public var actual: Register
    /// Bytes 31–32: the log entry index, the last two bytes of the list signature.
    public var logEntryIndex: [UInt8]
    /// Bytes 33–98: the actual register's own 66-byte value signature, as the telegram carries it.
    public var valueSignature: [UInt8]
    /// Without its zero padding.
    public var contractID: [UInt8]
    /// The start register (1-0:1.8.0*128), the actual register's value frozen when the transaction
    /// started: time at bytes 227–230, status 251, OBIS 252–257, unit 258, scaler 259, value 260–267.
    public var start: Register
    /// Bytes 231–250: the ESTH, the 20 bytes of the telegram's entry `8180816101ff`.
    public var esth: [UInt8]
    /// Bytes 268–273: the list name `81 80 81 62 nn FF`, whose `nn` says START, UPDATE or STOP.
    public var listName: [UInt8]
    /// Bytes 274–277: the pagination counter, entry `8180c7f040ff` (little-endian).
    public var pagination: UInt32

    /// A block from the fields the decoder read from the telegram.
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
