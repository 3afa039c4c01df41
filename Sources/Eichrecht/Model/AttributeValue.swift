/// A signed field's value as reports show it: meter data as written, or a typed value whose words
/// come from the catalogue (so that no English word reaches a German report).
public enum AttributeValue: Worded, Hashable, Codable {
    /// Meter data as written (or as bytes in hex, numbers as digits): the same in every language.
    case text(String)
    /// A text field the meter left empty.
    case empty
    /// No value signed (an empty contract id).
    case none
    /// A checksum (as hex) that was checked and holds.
    case verifiedChecksum(String)
    /// How many checksums were checked and hold.
    case verifiedCount(Int)
    /// A number as written whose DLMS unit code no symbol names.
    case unitCode(value: String, code: UInt8)
    /// An Alfen line type code and what it stands for.
    case alfenLineType(code: String, AlfenRecord.LineType)
    /// A half of the Alfen status word: its documented conditions and undocumented bits (0–15).
    case alfenStatus(half: UInt16, conditions: [AlfenCondition], undocumentedBits: [Int])
    /// A BSM-WS36A snapshot type (`Typ`), as signed; `nil` when absent.
    case bsmSnapshotType(Int64?)
    /// An EDL40 block's local seconds: a wall-clock time, or a count when the clock was not set.
    case edl40LocalTime(UInt32)
    /// An SML time as written in the telegram.
    case smlTime(SMLTimeValue)
    /// An ISA EDL40P telegram kind (`START`, `UPDATE`, `STOP`) and its list name in hex.
    case isaTelegram(kind: String, listName: String)
    /// A PCDF identification: the tag and its type (the type's name, else its code).
    case pcdfIdentification(tag: String, typeName: String?, typeCode: String)
    /// The PCDF meter type code (`DT`).
    case pcdfMeterType(String)
    /// The EDL40 container the block arrived in.
    case edl40Container(EDL40Record.Container)
}

/// An SML time as the telegram writes it (the report's copy of `SMLTime`).
public enum SMLTimeValue: Sendable, Hashable, Codable {
    case secondsIndex(UInt64)
    case timestamp(UInt64)
    case localTimestamp(timestamp: UInt64, localOffsetMinutes: Int64, seasonOffsetMinutes: Int64)
}

extension Attribute {
    /// A field whose value is meter data as written.
    public init(_ label: AttributeLabel, _ text: String) { self.init(label, AttributeValue.text(text)) }
}
