import Foundation

/// Decodes the prebuilt EDL40 block in `<signedMeterValue>` XML (variant B, "signature only"), the
/// OCPP 2.0 (2018) `SignedMeterValueType` shape that eBee/Bender controllers forward:
///
/// ```xml
/// <signedMeterValue>
///   <publicKey encoding="base64">…48- or 64-byte X‖Y…</publicKey>
///   <meterValueSignature encoding="base64">…r‖s (+ 2 logbook bytes)…</meterValueSignature>
///   <signatureMethod>ECDSA192SHA256</signatureMethod>
///   <encodingMethod>EDL</encodingMethod>
///   <encodedMeterValue encoding="base64">…the 320-byte block…</encodedMeterValue>
/// </signedMeterValue>
/// ```
///
/// The block is verified as it is; it is decoded only to show and cross-check its fields. Its times
/// are local wall-clock times without offset, so they are converted with the meter's time zone.
struct EDL40SignatureOnlyDecoder: MeterFormatDecoder {
    static let rootName = "signedMeterValue"

    /// Whether the bytes are a `<signedMeterValue>` document, plain or XML-escaped once
    /// (`&lt;signedMeterValue&gt;…`, as it arrives inside another XML document).
    static func recognises(_ bytes: ArraySlice<UInt8>) -> Bool {
        let trimmed = bytes.drop(while: JSONScanner.isWhitespace)
        let escaped = trimmed.starts(with: Array("&lt;".utf8))
        guard escaped || XMLReader.looksLikeXML(trimmed) else { return false }
        var head = Array(trimmed.prefix(4096))
        if escaped {
            // Unescape whole entities only: cut after the last ';' of the prefix.
            if let last = head.lastIndex(of: UInt8(ascii: ";")) { head = Array(head[...last]) }
            guard let plain = unescaped(head) else { return false }
            head = plain
        }
        guard XMLReader.looksLikeXML(head), let name = XMLReader.rootName(head) else { return false }
        return name.split(separator: ":").last.map(String.init) == rootName
    }

    /// Decodes one `<signedMeterValue>` document, plain or entity-escaped once: the 320-byte block as
    /// it is, the signature and the embedded key, if any.
    static func decode(_ input: [UInt8], context: DecodingContext) throws(FormatError) -> (
        EDL40Record, SignedRecord
    ) {
        let format = MeterFormat.edl40Signature
        var bytes = input
        var deviations: [Deviation] = []
        if input.drop(while: JSONScanner.isWhitespace).starts(with: Array("&lt;".utf8)) {
            guard let plain = unescaped(input) else { throw FormatError(format, .malformedEscapedXML) }
            bytes = plain
            deviations.append(.xmlEntityEscaped)
        }
        let root: XMLElement
        do { root = try XMLReader.parse(bytes) } catch {
            throw FormatError(format, .malformedXML(ParserFault(error)), offset: error.offset)
        }
        guard root.localName == Substring(rootName) else {
            throw FormatError(format, .wrongRoot(found: root.name, expected: [rootName]), offset: root.offset)
        }
        let blockBytes = try field(root, "encodedMeterValue", required: true) ?? []
        let signatureBytes = try field(root, "meterValueSignature", required: true) ?? []
        let key = try field(root, "publicKey", required: false)
        let (block, blockDeviations) = try EDL40Block.read(blockBytes)
        deviations += blockDeviations
        guard let signature = EDL40Signature(signatureBytes, lengths: .any) else {
            throw FormatError(
                format,
                .badLength(
                    field: "<meterValueSignature>", expected: EDL40Signature.expected(.any),
                    actual: signatureBytes.count),
                offset: root.child("meterValueSignature")?.offset)
        }
        if let logbook = signature.logbook, logbook != block.logbook {
            deviations.append(.logbookBytesDiffer(signature: Hex.encode(logbook), container: Hex.encode(block.logbook)))
        }
        let method = root.child("signatureMethod")?.trimmedText
        switch method?.uppercased() {
        case nil, "":
            deviations.append(.signatureMethodMissing)
        case "ECDSA192SHA256" where signature.curve == .prime192v1,
            "ECDSA256SHA256" where signature.curve == .prime256v1:
            break
        case let other?:
            deviations.append(
                .signatureMethodMismatch(
                    method: other, bytes: signature.bytes.count, curve: signature.curve.description))
        }
        if let encoding = root.child("encodingMethod")?.trimmedText, encoding.uppercased() != "EDL" {
            deviations.append(.encodingMethodNotEDL(encoding))
        }
        let time = EDL40Time.local(Int64(block.localTime), zone: context.meterTimeZone)
        let contractTime = EDL40Time.local(Int64(block.contractTime), zone: context.meterTimeZone)
        deviations += [time.note, contractTime.note].compactMap { $0 }
        let record = EDL40Record(
            container: .signatureOnly, block: block, signature: signatureBytes, curve: signature.curve,
            publicKey: key, time: time.time, contractTime: block.contractTime == 0 ? nil : contractTime.time)
        var attributes = [Attribute(.meterTimeZone, context.meterTimeZone.identifier)]
        if let method, !method.isEmpty { attributes.append(Attribute(.signatureMethod, method)) }
        return (record, record.signedRecord(format: format, deviations: deviations, attributes: attributes))
    }

    /// The bytes of a child element in the encoding its `encoding` attribute names (base64 when
    /// absent; `hex`, `base32` and `plain` are also read). Whitespace inside the text is ignored.
    static func field(_ root: XMLElement, _ name: String, required: Bool) throws(FormatError) -> [UInt8]? {
        let format = MeterFormat.edl40Signature
        guard let element = root.child(name) else {
            if required { throw FormatError(format, .missingField("<\(name)>"), offset: root.offset) }
            return nil
        }
        let text = String(element.text.unicodeScalars.filter { !$0.properties.isWhitespace })
        if text.isEmpty {
            if required { throw FormatError(format, .emptyField("<\(name)>"), offset: element.offset) }
            return nil
        }
        let encoding = element.attribute("encoding")?.lowercased() ?? "base64"
        let decoded: [UInt8]?
        switch encoding {
        case "base64": decoded = Base64.decode(text)
        case "hex", "base16": decoded = Hex.decode(text)
        case "base32": decoded = Base32.decode(text)
        case "plain": decoded = Array(text.utf8)
        default:
            throw FormatError(format, .unknownEncoding(field: "<\(name)>", encoding: encoding), offset: element.offset)
        }
        guard let decoded, !decoded.isEmpty else {
            throw FormatError(
                format, .invalidValue(field: "<\(name)>", value: nil, expected: .encoded(encoding), found: nil),
                offset: element.offset)
        }
        return decoded
    }

    /// Resolves the five predefined XML entities once (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;`);
    /// `nil` for any other `&` sequence.
    static func unescaped(_ bytes: [UInt8]) -> [UInt8]? {
        let entities: [(String, UInt8)] = [
            ("&lt;", UInt8(ascii: "<")), ("&gt;", UInt8(ascii: ">")), ("&amp;", UInt8(ascii: "&")),
            ("&quot;", UInt8(ascii: "\"")), ("&apos;", UInt8(ascii: "'")),
        ]
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "&") else {
                out.append(bytes[index])
                index += 1
                continue
            }
            guard
                let (entity, byte) = entities.first(where: { entity, _ in
                    bytes[index...].starts(with: Array(entity.utf8))
                })
            else { return nil }
            out.append(byte)
            index += entity.utf8.count
        }
        return out
    }
}
