/// Reads the 82-byte Alfen dataset (field 5 of the line) into its fields.
///
/// The layout is fixed: every field has its offset and length, integers are little-endian. The
/// caller has already required exactly 82 bytes; the reader still checks every read, so a wrong
/// length can only ever produce a `FormatError`, never a trap.
enum AlfenDataset {
    static let length = 82

    /// The dataset's fields; `type`, `blobVersion`, key, dataset and signature come from the line.
    struct Fields {
        var adapterID: [UInt8]
        var adapterFirmware: [UInt8]
        var adapterFirmwareChecksum: [UInt8]
        var meterID: [UInt8]
        var status: UInt32
        var secondIndex: UInt32
        var timestamp: UInt32
        var obis: [UInt8]
        var unitCode: UInt8
        var scaler: Int8
        var value: Int64
        var uidBytes: [UInt8]
        var sessionID: UInt32
        var pagination: UInt32
    }

    /// Decodes the fields. Offsets in errors are dataset offsets.
    static func read(_ bytes: [UInt8]) throws(FormatError) -> Fields {
        guard bytes.count == length else {
            throw FormatError(.alfen, .alfenFieldLength(.dataset, actual: bytes.count, expected: length))
        }
        var reader = Reader(bytes: bytes)
        return Fields(
            adapterID: try reader.take(10, .adapterID),
            adapterFirmware: try reader.take(4, .adapterFirmwareVersion),
            adapterFirmwareChecksum: try reader.take(2, .adapterFirmwareChecksum),
            meterID: try reader.take(10, .meterID),
            status: UInt32(truncatingIfNeeded: try reader.littleEndian(4, .status)),
            secondIndex: UInt32(truncatingIfNeeded: try reader.littleEndian(4, .secondIndex)),
            timestamp: UInt32(truncatingIfNeeded: try reader.littleEndian(4, .timestamp)),
            obis: try reader.take(6, .obisCode),
            unitCode: UInt8(truncatingIfNeeded: try reader.littleEndian(1, .unit)),
            scaler: Int8(bitPattern: UInt8(truncatingIfNeeded: try reader.littleEndian(1, .scaler))),
            value: Int64(bitPattern: try reader.littleEndian(8, .meterValue)),
            uidBytes: try reader.take(20, .uid),
            sessionID: UInt32(truncatingIfNeeded: try reader.littleEndian(4, .sessionID)),
            pagination: UInt32(truncatingIfNeeded: try reader.littleEndian(4, .pagination)))
    }

    /// A cursor over the dataset that checks every read against the end.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func take(_ count: Int, _ field: AttributeLabel) throws(FormatError) -> [UInt8] {
            guard count >= 0, bytes.count - offset >= count else {
                throw FormatError(.alfen, .endsInside(field: field, offset: offset), offset: offset)
            }
            defer { offset += count }
            return Array(bytes[offset..<(offset + count)])
        }

        /// An unsigned little-endian integer of up to 8 bytes.
        mutating func littleEndian(_ count: Int, _ field: AttributeLabel) throws(FormatError) -> UInt64 {
            let raw = try take(min(count, 8), field)
            return raw.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
    }
}
