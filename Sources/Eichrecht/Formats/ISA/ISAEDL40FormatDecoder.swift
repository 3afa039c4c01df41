/// The ISA EDL40P decoder as a registry entry: an SML file whose list name is `81 80 81 62 nn FF`.
struct ISAEDL40FormatDecoder: MeterFormatDecoder {
    var format: MeterFormat { .isaEDL40 }
    var encodingMethods: [String] { ["isa_edl_40_p", "isa edl40p", "isa edl40", "edl40 e-mobility extension"] }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        ISAEDL40Decoder.hasISAListName(bytes)
    }

    func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        [try ISAEDL40Decoder.decode(bytes, context: context).1]
    }
}
