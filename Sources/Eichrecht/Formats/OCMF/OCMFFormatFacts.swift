import Foundation

/// OCMF as a registry entry: the format's facts beside its decoder.
extension OCMFDecoder {
    var format: MeterFormat { .ocmf }
    var encodingMethods: [String] { ["ocmf"] }
    var safeFormatName: String { "OCMF" }
    var ocpiEncodingMethod: String? { "OCMF" }

    func recognises(_ bytes: ArraySlice<UInt8>) -> Bool { Self.recognises(bytes) }

    func splitSignedValues(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] { Self.splitRecords(bytes) }

    /// One `<value>` per record of a file of OCMF records.
    func exportPieces(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let pieces = Self.splitRecords(bytes)
        return pieces.isEmpty ? [bytes[...]] : pieces
    }

    func records(_ bytes: [UInt8], context: DecodingContext) throws(FormatError) -> [SignedRecord] {
        let pieces = Self.splitRecords(bytes)
        guard !pieces.isEmpty else { return [try Self.decode(bytes[...]).1] }
        var records: [SignedRecord] = []
        for piece in pieces { records.append(try Self.decode(piece).1) }
        return records
    }

    /// OCMF 1.0 signed the payload with optional whitespace removed; later versions sign it as sent.
    func alternativeSignedBytes(_ record: SignedRecord) -> [AlternativeSignedBytes] {
        guard let compact = JSONWhitespace.removed(from: record.signedBytes) else { return [] }
        return [AlternativeSignedBytes(bytes: compact, rule: .ocmfWhitespaceRemoved)]
    }

    /// OCMF split across the two fields: the payload JSON in `plain_data`, the signature section
    /// (plain or base64) in `signed_data`.
    func reassembled(plainData: String, signedData: String) -> [UInt8]? {
        let plain = plainData.trimmingCharacters(in: " \t\r\n")
        let signed = signedData.trimmingCharacters(in: " \t\r\n")
        guard plain.hasPrefix("{"), !signed.isEmpty else { return nil }
        var signature: String?
        if signed.hasPrefix("{") {
            signature = signed
        } else if let bytes = Base64.decode(signed), let text = String(validating: bytes, as: UTF8.self) {
            let trimmed = text.trimmingCharacters(in: " \t\r\n")
            if trimmed.hasPrefix("{") { signature = trimmed }
        }
        guard let signature, signature.contains("\"SD\"") else { return nil }
        return Array("OCMF|\(plain)|\(signature)".utf8)
    }
}
