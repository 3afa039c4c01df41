/// The BSM-WS36A decoder as a registry entry. A signed value holding a whole container yields one
/// record per snapshot. OCPI names no `encoding_method` for the format; the names below are
/// accepted as hints.
struct BSMFormatDecoder: MeterFormatDecoder {
    var format: MeterFormat { .bsmWS36A }
    var encodingMethods: [String] { ["bsm-ws36a", "bsm-ws36a-json", "bsm", "bauer bsm-ws36a"] }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        BSMDecoder.recognises(bytes)
    }

    /// One signed value per snapshot.
    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        BSMDecoder.splitSnapshots(bytes)?.map { $0[...] } ?? []
    }

    func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        let snapshots = try BSMDecoder.decode(bytes)
        return snapshots.map { snapshot in
            var record = snapshot.signedRecord()
            // A value holding a whole container carries several snapshot types under one OCPI
            // nature; the nature can then only be a hint.
            if snapshots.count > 1 { record.natureIsSigned = false }
            return record
        }
    }
}
