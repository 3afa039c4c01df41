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
    /// One unit to write: an optional label (the CDR id) and its signed data.
    public struct Unit: Sendable {
        /// The unit's label, written as an XML comment before its values.
        public var label: String?
        /// The signed values to write, with the unit's key.
        public var signedData: SignedData

        /// A unit from its label and signed data.
        public init(label: String? = nil, signedData: SignedData) {
            self.label = label
            self.signedData = signedData
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
            for value in values(unit.signedData) {
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
    func values(_ signedData: SignedData) -> [Value] {
        let unitKey = signedData.publicKey.flatMap(KeyInput.nonEmpty) ?? fallbackKey
        var result: [Value] = []
        for (index, value) in signedData.signedValues.enumerated() {
            let decoded = ValueDecoder.decode(value, index: index, encodingMethod: signedData.encodingMethod)
            let context: String?
            switch value.kind {
            case .start: context = SAFEValue.beginContext
            case .end: context = SAFEValue.endContext
            case .intermediate, .other: context = nil
            }
            // A value's own key (S.A.F.E. or OCPP input) wins over the unit's.
            let key = keyText(value.publicKey.flatMap(KeyInput.nonEmpty) ?? unitKey, record: decoded.records.first)
            let pieces = SAFEXMLWriter.texts(value, encodingMethod: signedData.encodingMethod)
            for piece in pieces {
                result.append(
                    Value(
                        context: context, format: decoded.format.flatMap(SAFEXMLWriter.formatName),
                        encoding: piece.encoding, data: piece.text, publicKey: key))
            }
        }
        return result
    }

    /// The record texts of a signed value: decoded text for text formats (one per OCMF record or
    /// Alfen line), upper-case hex for binary ones, the value as sent when nothing recognises it.
    static func texts(_ value: SignedValue, encodingMethod: String?) -> [(text: String, encoding: String)] {
        if let reassembled = ValueDecoder.reassembleOCMF(value) {
            return [(String(decoding: reassembled, as: UTF8.self), "plain")]
        }
        let fields = [value.signedData, value.plainData].compactMap { $0?.trimmingCharacters(in: " \t\r\n") }
            .filter { !$0.isEmpty }
        // Bytes that are not text (a non-UTF-8 OCMF file) are exported exactly, as hex.
        let received = value.signedBytes.map { [$0] } ?? []
        for field in received + fields.map({ Array($0.utf8) }) {
            guard let (_, bytes, decoder) = ValueDecoder.firstRecognised(field) else { continue }
            // STX/ETX framing (PCDF) is not XML text; the reference software cuts it off anyway.
            var body = bytes[...]
            while let first = body.first, first == 0x02 || JSONScanner.isWhitespace(first) { body = body.dropFirst() }
            while let last = body.last, last == 0x03 || JSONScanner.isWhitespace(last) { body = body.dropLast() }
            guard let text = String(validating: body, as: UTF8.self), isText(body) else {
                return [(Hex.encode(bytes, uppercase: true), "hex")]
            }
            let pieces: [ArraySlice<UInt8>]
            switch decoder.format {
            case .ocmf: pieces = OCMFDecoder.splitRecords(bytes)
            case .alfen: pieces = AlfenDecoder.splitLines(bytes)
            default: pieces = []
            }
            if pieces.count > 1 {
                return pieces.map { (String(decoding: $0, as: UTF8.self).trimmingCharacters(in: " \t\r\n"), "plain") }
            }
            return [(text, "plain")]
        }
        return fields.first.map { [($0, "plain")] } ?? []
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
        switch record?.format {
        case .edl40SML?, .edl40Signature?, .isaEDL40?, .mennekes?, .emhChargeIT?:
            return (Hex.encode(key.point.dropFirst(), uppercase: true), "hex")
        default:
            return (Hex.encode(key.spkiDER, uppercase: true), "hex")
        }
    }

    /// The reference software's name of a format (`signedData@format`).
    static func formatName(_ format: MeterFormat) -> String? {
        switch format {
        case .ocmf: "OCMF"
        case .alfen: "ALFEN"
        case .pcdf: "PCDF"
        case .isaEDL40: "ISA_EDL_40_P"
        case .edl40SML: "EDL_40_P"
        case .edl40Signature: "EDL_40_SIG"
        case .mennekes: "EDL_40_MENNEKES"
        case .bsmWS36A, .emhChargeIT: format.rawValue
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
