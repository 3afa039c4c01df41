// libFuzzer entry point: any bytes as a whole input document (CDR JSON, NDJSON, raw records, …).
// Built by Scripts/fuzz.sh together with the library sources; a crash, trap or hang is a bug.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzVerifier(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let reports = try? Verifier().verify(document: bytes) {
        for report in reports {
            _ = ReportJSONWriter().encode(report)
            _ = TextRenderer(language: .de).render(report)
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
        _ = try? decoder.decode(bytes, context: DecodingContext())
    }
    _ = ECDSASignature.parse(bytes, curve: .prime256v1)
    _ = PublicKey.parse(bytes, curve: nil)
    _ = KeyInput(text: String(decoding: bytes, as: UTF8.self)).publicKey(for: .prime192v1)
    return 0
}
