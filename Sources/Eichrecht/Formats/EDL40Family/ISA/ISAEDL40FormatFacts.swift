/// ISA EDL40P as a registry entry: an SML file whose list name is `81 80 81 62 nn FF`.
extension ISAEDL40Decoder {
    var format: MeterFormat { .isaEDL40 }
    var encodingMethods: [String] { ["isa_edl_40_p", "isa edl40p", "isa edl40", "edl40 e-mobility extension"] }
    var safeFormatName: String { "ISA_EDL_40_P" }
    var exportedKeyShape: ExportedKeyShape { .rawPoint }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { Self.hasISAListName(bytes) }

    /// The telegram's list name says whether it is a begin, an end or an intermediate reading.
    func signsNature(recordCount: Int) -> Bool { true }

    func records(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        [try Self.decode(bytes, context: context).1]
    }
}
