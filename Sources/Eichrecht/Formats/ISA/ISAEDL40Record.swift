/// One Isabellenhütte EDL40P telegram: the signed block and what the telegram said around it.
///
/// The list name tells what the telegram is for (`81 80 81 62 nn FF`: 00 = START, 01 = UPDATE,
/// 02 = STOP) and is itself signed (block bytes 268–273), so the reading types are the meter's own.
public struct ISAEDL40Record: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable, Codable {
        case start = 0
        case update = 1
        case stop = 2

        public var name: String {
            switch self {
            case .start: "START"
            case .update: "UPDATE"
            case .stop: "STOP"
            }
        }
    }

    public var kind: Kind
    public var block: ISAEDL40Block
    /// The list signature as transmitted: r‖s (64 bytes) and the two log-entry bytes.
    public var listSignature: [UInt8]
    public var actualTime: SignedTime?
    public var startTime: SignedTime?
    /// The full 64-bit status words (the block keeps their low bytes).
    public var actualStatusWord: UInt64
    public var startStatusWord: UInt64

    public init(
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

    public var serverIDHex: String { Hex.encode(block.serverID) }
    public var actualOBISText: String { OBISCode.text(block.actual.obis) }
    public var startOBISText: String { OBISCode.text(block.start.obis) }
    public var actualReading: DecimalText { DecimalText(integer: block.actual.value, scaler: block.actual.scaler) }
    public var startReading: DecimalText { DecimalText(integer: block.start.value, scaler: block.start.scaler) }
}
