/// How a signed value's text was turned into the meter's bytes.
public enum Transport: String, Sendable, Hashable, Codable {
    /// The text itself is the record.
    case plain
    /// The text is base64 of the record's bytes.
    case base64
    /// The text is hex of the record's bytes.
    case hex
    /// The text is base32 of the record's bytes.
    case base32
    /// A record cut in two (OCMF: payload in `plain_data`, signature section in `signed_data`).
    case reassembled

    /// The text encodings content detection tries after the text itself, in this order (a hex
    /// string is also valid base64, so "decodes" alone is not enough: the format must recognise it).
    static let encodings: [Transport] = [.base64, .hex, .base32]

    /// The bytes `utf8` stands for in this transport, or `nil` when the text is not in it.
    func decode(_ utf8: [UInt8]) -> [UInt8]? {
        let bytes: [UInt8]?
        switch self {
        case .plain: bytes = utf8
        case .base64: bytes = Base64.decode(bytes: utf8)
        case .hex: bytes = Hex.decode(String(decoding: utf8, as: UTF8.self), lenient: true)
        case .base32:
            bytes = Base32.decode(String(decoding: utf8.filter { !JSONScanner.isWhitespace($0) }, as: UTF8.self))
        case .reassembled: bytes = nil
        }
        return bytes.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The first reading of the bytes that one of `decoders` recognises: the bytes themselves, then
    /// their base64, hex and base32 decodings. Decodings are computed only as far as needed.
    static func firstRecognised(
        _ utf8: [UInt8], among decoders: [any MeterFormatDecoder] = FormatRegistry.decoders
    ) -> (transport: Transport, bytes: [UInt8], decoder: any MeterFormatDecoder)? {
        if let decoder = FormatRegistry.decoder(recognising: utf8[...], among: decoders) {
            return (.plain, utf8, decoder)
        }
        for transport in encodings {
            if let bytes = transport.decode(utf8),
                let decoder = FormatRegistry.decoder(recognising: bytes[...], among: decoders)
            {
                return (transport, bytes, decoder)
            }
        }
        return nil
    }
}
