// libFuzzer entry point: any bytes as a whole input document (CDR JSON, NDJSON, S.A.F.E. XML, raw
// records, …). Built by `Scripts/fuzz.sh [SECONDS] verifier` together with the library sources,
// Fuzz/FuzzSupport.swift and the C entry point Fuzz/FuzzEntry.c; a crash, trap or hang is a bug.

/// One fuzz input (called by `eichrecht_fuzz_run`, Fuzz/FuzzSupport.swift).
func fuzzOne(_ bytes: [UInt8]) -> CInt {
    // Every path of a whole document: verification, every writer in both languages, S.A.F.E. export.
    exerciseDocument(bytes)
    // The same bytes as one OCPI signed value in each text transport, so raw records reach the
    // decoders also as the CDR path carries them.
    for text in [String(decoding: bytes, as: UTF8.self), Base64.encode(bytes), Hex.encode(bytes)] {
        let report = Verifier().verify(
            signedData: SignedData(signedValues: [SignedValue(nature: "End", signedData: text)]))
        for language in Language.allCases {
            _ = ReportJSONWriter(language: language).encode(report)
            _ = TextRenderer(language: language).render(report)
        }
    }
    // The lower layers on the same bytes.
    _ = try? OCMFDecoder.decode(bytes[...])
    _ = try? AlfenDecoder.decode(bytes[...])
    _ = try? JSONParser.parse(bytes)
    _ = try? XMLReader.parse(bytes)
    _ = try? SMLFile.read(bytes)
    _ = try? SAFEValuesReader.units(bytes)
    for decoder in FormatRegistry.decoders where decoder.recognises(bytes[...]) {
        _ = try? decoder.records(bytes, context: DecodingContext(meterTimeZone: .gmt))
        _ = decoder.splitSignedValues(bytes)
    }
    _ = ECDSASignature.parse(bytes, curve: .prime256v1)
    _ = PublicKey.parse(bytes, curve: nil)
    _ = KeyInput(text: String(decoding: bytes, as: UTF8.self)).publicKey(for: .prime192v1)
    return 0
}
