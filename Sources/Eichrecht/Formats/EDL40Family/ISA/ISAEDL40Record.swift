/// One Isabellenhütte EDL40P telegram: the signed block and what the telegram said around it.
///
/// The list name tells what the telegram is for (`81 80 81 62 nn FF`: 00 = START, 01 = UPDATE,
/// 02 = STOP) and is itself signed (block bytes 268–273), so the reading types are the meter's own.
public struct ISAEDL40Record: Sendable, Hashable {
    /// What the telegram is for: the fifth byte of its list name.
    public enum Kind: UInt8, Sendable, Hashable, Codable {
        /// The transaction's start; the actual register equals the start register.
        case start = 0
        /// An update during the transaction.
        case update = 1
        /// The transaction's end.
        case stop = 2

        /// The kind as reading types and reports spell it: `START`, `UPDATE` or `STOP`.
        public var name: String {
            switch self {
            case .start: "START"
            case .update: "UPDATE"
            case .stop: "STOP"
            }
        }
    }

    /// The telegram's kind, from its signed list name.
    public var kind: Kind
    /// The signed bytes.
    var block: ISAEDL40Block
    /// The list signature as transmitted: r‖s (64 bytes) and the two log-entry bytes.
    public var listSignature: [UInt8]
    /// The actual register's time as an instant; `nil` when its entry carries no time.
    public var actualTime: SignedTime?
    /// The start register's time as an instant; `nil` when its entry carries no time.
    public var startTime: SignedTime?
    /// The full 64-bit status words (the block keeps their low bytes).
    public var actualStatusWord: UInt64
    /// The start register's full status word (the block keeps its low byte).
    public var startStatusWord: UInt64

    /// A record from the decoded telegram.
    init(
        kind: Kind, block: ISAEDL40Block, listSignature: [UInt8], actualTime: SignedTime?, startTime: SignedTime?,
        actualStatusWord: UInt64, startStatusWord: UInt64
    ) {
        self.kind = kind
        self.block = block
        self.listSignature = listSignature
        self.actualTime = actualTime
        self.startTime = startTime
        self.actualStatusWord = actualStatusWord
        self.startStatusWord = startStatusWord
    }

    /// The meter's server id as lower-case hex, the meter serial of the common record.
    public var serverIDHex: String { Hex.encode(block.serverID) }
    /// The actual register's OBIS code in `A-B:C.D.E*F` notation (normally `1-0:1.8.0*255`).
    public var actualOBISText: String { OBISCode.text(block.actual.obis) }
    /// The start register's OBIS code in `A-B:C.D.E*F` notation (normally `1-0:1.8.0*128`).
    public var startOBISText: String { OBISCode.text(block.start.obis) }
    /// The actual register's reading as an exact decimal in its unit (value × 10^scaler).
    public var actualReading: DecimalText? { DecimalText(integer: block.actual.value, scaler: block.actual.scaler) }
    /// The start register's reading as an exact decimal in its unit (value × 10^scaler).
    public var startReading: DecimalText? { DecimalText(integer: block.start.value, scaler: block.start.scaler) }
}
