/// The EDL40 SML telegram (variant A) as a registry entry.
extension EDL40SMLDecoder {
    var format: MeterFormat { .edl40SML }
    var encodingMethods: [String] { ["edl40 e-mobility extension", "edl40", "sml_edl40_p", "edl_40_p"] }
    var safeFormatName: String { "EDL_40_P" }
    var exportedKeyShape: ExportedKeyShape { .rawPoint }

    /// An SML file that is not an ISA EDL40P telegram (the ISA decoder is asked first, but the
    /// check is repeated so that the answer does not depend on the registry order).
    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        SMLTransport.startsFrame(bytes) && !ISAEDL40Decoder.hasISAListName(bytes)
    }

    func records(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        [try Self.decode(bytes, context: context).1]
    }
}

/// The prebuilt-block `<signedMeterValue>` (variant B) as a registry entry.
extension EDL40SignatureOnlyDecoder {
    var format: MeterFormat { .edl40Signature }
    var encodingMethods: [String] { ["edl", "edl_40_sig", "edl40 signature only", "edl40 e-mobility extension"] }
    var safeFormatName: String { "EDL_40_SIG" }
    var exportedKeyShape: ExportedKeyShape { .rawPoint }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { Self.recognises(bytes) }

    func records(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        [try Self.decode(bytes, context: context).1]
    }
}
