/// Mennekes EDL40 XML as a registry entry: every measurement of the document is one record.
extension MennekesDecoder {
    var format: MeterFormat { .mennekes }
    var encodingMethods: [String] { ["edl40 mennekes", "edl_40_mennekes", "mennekes"] }
    var safeFormatName: String { "EDL_40_MENNEKES" }
    var ocpiEncodingMethod: String? { "EDL40 Mennekes" }
    var exportedKeyShape: ExportedKeyShape { .rawPoint }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { Self.recognises(bytes) }

    /// One signed value per measurement.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        Self.splitMeasurements(bytes)?.map { $0[...] } ?? []
    }

    func records(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        try Self.decode(bytes, context: context).map(\.1)
    }
}
