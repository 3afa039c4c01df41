/// The EMH chargeIT decoder as a registry entry: every signed value of the container is one record.
struct EMHChargeITFormatDecoder: MeterFormatDecoder {
    var format: MeterFormat { .emhChargeIT }
    var encodingMethods: [String] { ["emhcrypt01", "emh chargeit", "emh"] }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        EMHChargeITDecoder.recognises(bytes)
    }

    func decode(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        try EMHChargeITDecoder.decode(bytes).map(\.1)
    }
}
