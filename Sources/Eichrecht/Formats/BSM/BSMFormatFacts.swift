/// BSM-WS36A as a registry entry. A signed value holding a whole container yields one
/// record per snapshot. OCPI names no `encoding_method` for the format; the names below are
/// accepted as hints.
extension BSMDecoder {
    var format: MeterFormat { .bsmWS36A }
    var encodingMethods: [String] { ["bsm-ws36a", "bsm-ws36a-json", "bsm", "bauer bsm-ws36a"] }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { Self.recognises(bytes) }

    /// A snapshot signs its type (begin, end, …); a value holding a whole container carries several
    /// types under one OCPI nature, which can then only be a hint.
    func signsNature(recordCount: Int) -> Bool { recordCount == 1 }

    /// One signed value per snapshot.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        Self.splitSnapshots(bytes)?.map { $0[...] } ?? []
    }

    func records(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        try Self.decode(bytes).map { $0.signedRecord() }
    }
}
