import Foundation

// libFuzzer entry point for SML telegrams (EDL40, EDL40+, EMH EMOC, ISA EDL40P): the input is the
// unescaped message bytes of an SML file. The harness recomputes every message checksum and the
// file checksum (SMLSealing) before decoding, so mutations get past the CRC-16/X-25 transport check
// and reach the value decoding (scalers, times, lengths). Built by `Scripts/fuzz.sh [SECONDS] sml`.

/// One fuzz input (called by `eichrecht_fuzz_run`, Fuzz/FuzzSupport.swift).
func fuzzOne(_ payload: [UInt8]) -> CInt {
    let telegram = SMLSealing.sealed(payload)
    for zone in ["Europe/Berlin", "UTC"] {
        let context = DecodingContext(meterTimeZone: TimeZone(identifier: zone) ?? .gmt)
        _ = try? EDL40SMLDecoder.decode(telegram, context: context)
        _ = try? ISAEDL40Decoder.decode(telegram, context: context)
    }
    // The whole document with every writer and the S.A.F.E. export (binary; the hex text a CDR
    // carries decodes to the same bytes, so it is left to the verifier harness to keep runs fast).
    exerciseDocument(telegram)
    return 0
}
