/// The EMH chargeIT decoder as a registry entry: every signed value of the container is one record.
struct EMHChargeITFormatDecoder: MeterFormatDecoder {
    var format: MeterFormat { .emhChargeIT }
    var encodingMethods: [String] { ["emhcrypt01", "emh chargeit", "emh"] }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        EMHChargeITDecoder.recognises(bytes)
    }

    /// One signed value per meter reading of the container.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        EMHChargeITDecoder.splitValues(bytes)?.map { $0[...] } ?? []
    }

    /// The container's order: first Start, last End, Intermediate between (as `decode` reads a
    /// whole container), so a raw file cut into single values keeps its begin and end.
    func naturesByOrder(ofPieces count: Int) -> [String]? {
        guard count >= 2 else { return nil }
        return (0..<count).map { $0 == 0 ? "Start" : $0 == count - 1 ? "End" : "Intermediate" }
    }

    func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        try EMHChargeITDecoder.decode(bytes).map(\.1)
    }
}
