/// The EDL40 SML telegram decoder (variant A) as a registry entry.
struct EDL40SMLFormatDecoder: MeterFormatDecoder {
    var format: MeterFormat { .edl40SML }
    var encodingMethods: [String] { ["edl40 e-mobility extension", "edl40", "sml_edl40_p", "edl_40_p"] }

    /// An SML file that is not an ISA EDL40P telegram (the ISA decoder is asked first, but the
    /// check is repeated so that the answer does not depend on the registry order).
    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        SMLTransport.startsFrame(bytes) && !ISAEDL40Decoder.hasISAListName(bytes)
    }

    func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        [try EDL40SMLDecoder.decode(bytes, context: context).1]
    }
}

/// The prebuilt-block `<signedMeterValue>` decoder (variant B) as a registry entry.
struct EDL40SignatureOnlyFormatDecoder: MeterFormatDecoder {
    var format: MeterFormat { .edl40Signature }
    var encodingMethods: [String] { ["edl", "edl_40_sig", "edl40 signature only", "edl40 e-mobility extension"] }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        EDL40SignatureOnlyDecoder.recognises(bytes)
    }

    func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        [try EDL40SignatureOnlyDecoder.decode(bytes, context: context).1]
    }
}
