import Foundation

/// Writes signed data as a S.A.F.E. values document, the file the S.A.F.E. Transparenzsoftware
/// opens, so a driver or an auditor can check our verdict with the reference software.
///
/// Each unit (a CDR's `signed_data`, a SignedData, …) becomes one transaction (`transactionId` 1,
/// 2, …); each signed record becomes one `<value>` whose `context` is `Transaction.Begin` for the
/// nature Start and `Transaction.End` for End. The reference software reads OCMF, Alfen, PCDF and
/// the XML formats as text and guesses the encoding of SML itself, so text records are written
/// decoded (`encoding="plain"`), binary ones as hex. The key is written in the shape the reference
/// software compares: a record that carries its own key gets that key's bytes when the unit's key
/// is the same key (and the unit's key otherwise, so the mismatch shows); OCMF gets the hex DER
/// SubjectPublicKeyInfo; SML formats get the raw X‖Y point.
public struct SAFEXMLWriter: Sendable {
    /// One unit to write: an optional label (the CDR id), its signed data and its values as
    /// verification decoded them (the writer never decodes again).
    public struct Unit: Sendable {
        /// The unit's label, written as an XML comment before its values.
        public var label: String?
        /// The signed values as sent, with the unit's key.
        public var signedData: SignedData
        /// The signed values as decoded, in `signed_values` order.
        var values: [DecodedValue]

        /// A unit from its label and a verified unit; `nil` when it carries no signed data.
        public init?(label: String? = nil, verified: VerifiedUnit) {
            guard let signedData = verified.signedData else { return nil }
            self.label = label
            self.signedData = signedData
            self.values = verified.values
        }
    }

    /// A key to write for units that carry none (the CLI's `--key`).
    public var fallbackKey: KeyInput?

    /// A writer that writes `fallbackKey` for units that carry no key.
    public init(fallbackKey: KeyInput? = nil) {
        self.fallbackKey = fallbackKey
    }

    /// The document (UTF-8) for the units.
    public func document(_ units: [Unit]) -> [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<values>\n"
        for (index, unit) in units.enumerated() {
            if let label = unit.label {
                out += "  <!-- \(SAFEXMLWriter.comment(label)) -->\n"
            }
            for value in values(unit) {
                out += "  <value transactionId=\"\(index + 1)\""
                if let context = value.context {
                    out += " context=\"\(SAFEXMLWriter.escape(context, attribute: true))\""
                }
                out += ">\n"
                if let key = value.publicKey {
                    out += "    <publicKey encoding=\"\(key.encoding)\">\(SAFEXMLWriter.escape(key.text))</publicKey>\n"
                }
                out += "    <signedData"
                if let format = value.format { out += " format=\"\(format)\"" }
                out += " encoding=\"\(value.encoding)\">\(SAFEXMLWriter.escape(value.data))</signedData>\n"
                out += "  </value>\n"
            }
        }
        out += "</values>\n"
        return Array(out.utf8)
    }

    /// One `<value>` to write.
    struct Value {
        var context: String?
        var format: String?
        var encoding: String
        var data: String
        var publicKey: (text: String, encoding: String)?
    }

    /// The values of one unit: one per record text, in the unit's order.
    func values(_ unit: Unit) -> [Value] {
        let signedData = unit.signedData
        let unitKey = signedData.publicKey.flatMap(KeyInput.nonEmpty) ?? fallbackKey
        var result: [Value] = []
        for decoded in unit.values {
            let sent =
                signedData.signedValues.indices.contains(decoded.index)
                ? signedData.signedValues[decoded.index] : SignedValue()
            let context: String?
            switch decoded.nature {
            case .start: context = SAFEValue.beginContext
            case .end: context = SAFEValue.endContext
            case .intermediate, .other: context = nil
            }
            // A value's own key (S.A.F.E. or OCPP input) wins over the unit's.
            let key = keyText(sent.publicKey.flatMap(KeyInput.nonEmpty) ?? unitKey, record: decoded.records.first)
            let format = decoded.format.flatMap(FormatRegistry.decoder(for:))?.safeFormatName
            for piece in SAFEXMLWriter.texts(decoded, sent: sent) {
                result.append(
                    Value(context: context, format: format, encoding: piece.encoding, data: piece.text, publicKey: key))
            }
        }
        return result
    }

    /// The record texts of a decoded value: decoded text for text formats (one per OCMF record or
    /// Alfen line), upper-case hex for binary ones, the value as sent when nothing recognised it.
    static func texts(_ decoded: DecodedValue, sent: SignedValue) -> [(text: String, encoding: String)] {
        guard let bytes = decoded.bytes, let decoder = decoded.format.flatMap(FormatRegistry.decoder(for:)) else {
            let fields = [sent.signedData, sent.plainData].compactMap { $0?.trimmingCharacters(in: " \t\r\n") }
            return fields.first { !$0.isEmpty }.map { [($0, "plain")] } ?? []
        }
        if decoded.transport == .reassembled { return [(String(decoding: bytes, as: UTF8.self), "plain")] }
        // STX/ETX framing (PCDF) is not XML text; the reference software cuts it off anyway.
        var body = bytes[...]
        while let first = body.first, first == 0x02 || JSONScanner.isWhitespace(first) { body = body.dropFirst() }
        while let last = body.last, last == 0x03 || JSONScanner.isWhitespace(last) { body = body.dropLast() }
        // Bytes that are not text (SML, a non-UTF-8 OCMF file) are exported exactly, as hex.
        guard let text = String(validating: body, as: UTF8.self), isText(body) else {
            return [(Hex.encode(bytes, uppercase: true), "hex")]
        }
        let pieces = decoder.exportPieces(bytes)
        if pieces.count > 1 {
            return pieces.map { (String(decoding: $0, as: UTF8.self).trimmingCharacters(in: " \t\r\n"), "plain") }
        }
        return [(text, "plain")]
    }

    /// The key to write for a record (see the type's documentation), or `nil` for none.
    func keyText(_ unitKey: KeyInput?, record: SignedRecord?) -> (text: String, encoding: String)? {
        let curve = record?.algorithm?.curve
        let embedded = record?.embeddedKey.flatMap { try? $0.publicKey(for: curve).get() }
        guard let unitKey else { return nil }
        guard case .success(let key) = unitKey.publicKey(for: curve) else {
            // Undecodable here: hand it over as written and let the reference software try.
            return (unitKey.description, "plain")
        }
        if let embeddedInput = record?.embeddedKey, let embedded, embedded == key,
            case .bytes(let bytes) = embeddedInput.representation
        {
            return (Hex.encode(bytes, uppercase: true), "hex")
        }
        if let embedded, embedded == key, case .text(let text)? = record?.embeddedKey?.representation {
            return (text, "plain")
        }
        switch record.flatMap({ FormatRegistry.decoder(for: $0.format) })?.exportedKeyShape {
        case .rawPoint?: return (Hex.encode(key.point.dropFirst(), uppercase: true), "hex")
        case .subjectPublicKeyInfo?, nil: return (Hex.encode(key.spkiDER, uppercase: true), "hex")
        }
    }

    /// Whether decoded bytes are text the reference software reads as such: printable characters,
    /// tabs and line ends (OCMF, Alfen, PCDF, XML, JSON); SML is binary.
    static func isText(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { ($0 >= 0x20 && $0 != 0x7F) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// XML text (or attribute) escaping.
    static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            // A carriage return survives XML's line-end normalisation only as a reference.
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Text safe inside an XML comment.
    static func comment(_ text: String) -> String {
        var cleaned = text.replacingOccurrences(of: "--", with: "- -")
        if cleaned.hasSuffix("-") { cleaned += " " }
        return cleaned
    }
}
