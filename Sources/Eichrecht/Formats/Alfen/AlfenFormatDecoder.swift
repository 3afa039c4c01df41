/// The Alfen decoder as a registry entry. A signed value may hold several lines (one per line or
/// separated by whitespace); each becomes one record.
struct AlfenFormatDecoder: MeterFormatDecoder {
    var format: MeterFormat { .alfen }
    var encodingMethods: [String] { ["alfen eichrecht", "alfen"] }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        AlfenDecoder.recognises(bytes)
    }

    /// One signed value per line.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] { AlfenDecoder.splitLines(bytes) }

    func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        let lines = AlfenDecoder.splitLines(bytes)
        guard !lines.isEmpty else { return [try AlfenDecoder.decode(bytes[...]).1] }
        var records: [SignedRecord] = []
        for line in lines { records.append(try AlfenDecoder.decode(line).1) }
        return records
    }
}
