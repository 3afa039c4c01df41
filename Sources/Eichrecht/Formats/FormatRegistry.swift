/// Every format decoder, in one list: the order content detection tries them.
enum FormatRegistry {
    static let decoders: [any MeterFormatDecoder] = [
        OCMFDecoder(), AlfenDecoder(), PCDFDecoder(), BSMDecoder(), ISAEDL40Decoder(), EDL40SMLDecoder(),
        EDL40SignatureOnlyDecoder(), MennekesDecoder(), EMHChargeITDecoder(),
    ]

    /// OCPI encoding methods of formats that exist in the field but are not decoded yet.
    static let unsupportedEncodingMethods: [String: String] = [:]

    /// The decoder of a format.
    static func decoder(for format: MeterFormat) -> (any MeterFormatDecoder)? {
        decoders.first { $0.format == format }
    }

    /// The format an OCPI `encoding_method` names, if we decode it.
    static func decoder(forEncodingMethod method: String?) -> (any MeterFormatDecoder)? {
        guard let key = method?.trimmingCharacters(in: " ").lowercased() else { return nil }
        // A name several decoders accept (a family) belongs first to the decoder it is the main name of.
        return decoders.first { $0.encodingMethods.first == key } ?? decoders.first { $0.encodingMethods.contains(key) }
    }

    /// Every format an OCPI `encoding_method` may stand for: one name can cover a family
    /// (`EDL40 E-Mobility Extension` arrives as SML telegrams, prebuilt blocks or ISA telegrams).
    static func formats(forEncodingMethod method: String?) -> Set<MeterFormat> {
        guard let key = method?.trimmingCharacters(in: " ").lowercased() else { return [] }
        return Set(decoders.filter { $0.encodingMethods.contains(key) }.map(\.format))
    }

    /// The main OCPI encoding method of the format the reference software calls `safeName`
    /// (S.A.F.E. `signedData@format`), when we decode it.
    static func encodingMethod(forSAFEFormat safeName: String) -> String? {
        let method = decoders.first { $0.safeFormatName == safeName }?.ocpiEncodingMethod ?? safeName
        return decoder(forEncodingMethod: method) != nil ? method : nil
    }

    /// The decoder that recognises the bytes.
    static func decoder(recognising bytes: ArraySlice<UInt8>) -> (any MeterFormatDecoder)? {
        decoder(recognising: bytes, among: decoders)
    }

    /// The first of `decoders` that recognises the bytes.
    static func decoder(
        recognising bytes: ArraySlice<UInt8>, among decoders: [any MeterFormatDecoder]
    ) -> (any MeterFormatDecoder)? {
        decoders.first { $0.recognises(bytes) }
    }
}
