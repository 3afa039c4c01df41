/// Alfen as a registry entry. A signed value may hold several lines (one per line or separated by
/// whitespace); each becomes one record.
extension AlfenDecoder {
    var format: MeterFormat { .alfen }
    var encodingMethods: [String] { ["alfen eichrecht", "alfen"] }
    var safeFormatName: String { "ALFEN" }
    var ocpiEncodingMethod: String? { "Alfen Eichrecht" }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { Self.recognises(bytes) }

    /// One signed value per line.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] { Self.splitLines(bytes) }

    /// One `<value>` per line.
    func exportPieces(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let lines = Self.splitLines(bytes)
        return lines.isEmpty ? [bytes[...]] : lines
    }

    /// Every line signs whether it is a start or a stop reading.
    func signsNature(recordCount: Int) -> Bool { true }

    func records(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        let lines = Self.splitLines(bytes)
        guard !lines.isEmpty else { return [try Self.decode(bytes[...]).1] }
        var records: [SignedRecord] = []
        for line in lines { records.append(try Self.decode(line).1) }
        return records
    }
}
