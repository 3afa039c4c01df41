/// EMH EDL40 values in the chargeIT container as a registry entry: every signed value of the
/// container is one record.
extension EMHChargeITDecoder {
    var format: MeterFormat { .emhChargeIT }
    var encodingMethods: [String] { ["emhcrypt01", "emh chargeit", "emh"] }
    var exportedKeyShape: ExportedKeyShape { .rawPoint }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { Self.recognises(bytes) }

    /// One signed value per meter reading of the container.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        Self.splitValues(bytes)?.map { $0[...] } ?? []
    }

    /// The container's order: first Start, last End, Intermediate between (as `records` reads a
    /// whole container), so a raw file cut into single values keeps its begin and end.
    func naturesByOrder(ofPieces count: Int) -> [String]? {
        guard count >= 2 else { return nil }
        return (0..<count).map { $0 == 0 ? "Start" : $0 == count - 1 ? "End" : "Intermediate" }
    }

    func records(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        try Self.decode(bytes).map(\.1)
    }
}
