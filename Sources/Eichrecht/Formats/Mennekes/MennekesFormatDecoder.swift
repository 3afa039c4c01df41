/// The Mennekes decoder as a registry entry: every measurement of the document is one record.
struct MennekesFormatDecoder: MeterFormatDecoder {
    var format: MeterFormat { .mennekes }
    var encodingMethods: [String] { ["edl40 mennekes", "edl_40_mennekes", "mennekes"] }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        MennekesDecoder.recognises(bytes)
    }

    /// One signed value per measurement.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        MennekesDecoder.splitMeasurements(bytes)?.map { $0[...] } ?? []
    }

    func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        try MennekesDecoder.decode(bytes, context: context).map(\.1)
    }
}
