/// Reads S.A.F.E. values documents (root `<values>`, with or without a namespace) into
/// verification units.
///
/// Grouping follows the reference software's transactions where the document uses them, and the
/// document otherwise: when it holds two or more `transactionId`s and every one of them marks a
/// begin or end (`Transaction.Begin` / `Transaction.End`), each transaction is one unit (values
/// without an id form one more); in every other case all values form one unit, in document order —
/// a file of Alfen lines or of numbered but context-less values is one session, whose begin, end
/// and intermediate readings the records themselves name. A value's nature comes from its context
/// when that is `Transaction.Begin` or `Transaction.End`; otherwise verification infers it from
/// the readings of its decoded record.
///
/// Each value keeps its own `<publicKey>` (`SignedValue.publicKey`): values of one transaction
/// whose keys differ stay one session, which then fails `public_key`.
public enum SAFEValuesReader {
    /// Whether the bytes are an XML document whose root element is `values` (any namespace).
    public static func recognises(_ bytes: [UInt8]) -> Bool {
        guard XMLReader.looksLikeXML(bytes), let root = XMLReader.rootName(bytes) else { return false }
        return root.split(separator: ":").last.map(String.init) == "values"
    }

    /// Every `<value>` of a document, in document order.
    public static func values(_ input: [UInt8]) throws(InputError) -> [SAFEValue] {
        // XML's end-of-line handling comes before parsing: a carriage return written as `&#13;`
        // stays one, a raw one becomes a line feed.
        let bytes = normalisedLineEnds(input)
        let root: XMLElement
        do { root = try XMLReader.parse(bytes) } catch {
            throw InputError(
                .safeUnreadable(error.reason), offset: error.offset, line: error.line,
                column: error.column)
        }
        guard root.localName == "values" else {
            throw InputError(.safeRoot(root.name), offset: root.offset)
        }
        let elements = root.children("value")
        guard !elements.isEmpty else {
            throw InputError(.safeNoValue, offset: root.offset)
        }
        var values: [SAFEValue] = []
        var lines = LineCounter(bytes: bytes)
        for (position, element) in elements.enumerated() {
            let line = lines.line(at: element.offset)
            func fail(_ problem: InputProblem.SAFEValueProblem) -> InputError {
                InputError(.safeValue(position + 1, problem), offset: element.offset, line: line, column: nil)
            }
            let signed = element.children("signedData")
            let encoded = element.children("encodedData")
            guard signed.count + encoded.count == 1, let data = signed.first ?? encoded.first else {
                throw fail(
                    signed.isEmpty && encoded.isEmpty ? .noData : .severalData)
            }
            let text = data.text.trimmingCharacters(in: " \t\r\n")
            guard !text.isEmpty else { throw fail(.emptyData(String(data.localName))) }
            let keys = element.children("publicKey")
            guard keys.count <= 1 else { throw fail(.severalKeys) }
            let keyText = keys.first.map { String($0.text.filter { !" \t\r\n".contains($0) }) }
            values.append(
                SAFEValue(
                    transactionID: nonEmpty(element.attribute("transactionId")),
                    context: nonEmpty(element.attribute("context")),
                    data: text, format: nonEmpty(data.attribute("format")),
                    encoding: nonEmpty(data.attribute("encoding")),
                    isSealed: !encoded.isEmpty, publicKey: keyText.flatMap { $0.isEmpty ? nil : $0 },
                    publicKeyEncoding: keys.first.flatMap { nonEmpty($0.attribute("encoding")) }, line: line))
        }
        return values
    }

    /// The units of a document: each a SignedData and the line its first value starts on.
    public static func units(_ bytes: [UInt8]) throws(InputError) -> [(signedData: SignedData, line: Int)] {
        let all = try values(bytes)
        return groups(all).map { group in
            (signedData(group), group.first?.line ?? 1)
        }
    }

    /// One group per transaction when the document uses transactions, else one group.
    static func groups(_ values: [SAFEValue]) -> [[SAFEValue]] {
        var order: [String] = []
        var byID: [String: [SAFEValue]] = [:]
        var loose: [SAFEValue] = []
        for value in values {
            guard let id = value.transactionID else {
                loose.append(value)
                continue
            }
            if byID[id] == nil { order.append(id) }
            byID[id, default: []].append(value)
        }
        let transactions = order.compactMap { byID[$0] }
        let usesTransactions =
            transactions.count >= 2 && transactions.allSatisfy { group in group.contains { $0.contextNature != nil } }
        if usesTransactions { return transactions + (loose.isEmpty ? [] : batch(loose)) }
        return transactions.isEmpty ? batch(values) : [values]
    }

    /// Values without a transaction: one session, unless every one of them is a whole session by
    /// itself (its record holds a begin and an end reading, like a file of KEBA records) — then each
    /// is its own unit, since pairing one record's begin with another's end would be meaningless.
    static func batch(_ values: [SAFEValue]) -> [[SAFEValue]] {
        let complete =
            values.count >= 2
            && values.allSatisfy { value in
                let types = SignedValueDecoding.readingTypes(ofText: value.data)
                return types.contains(.begin) && types.contains(.end)
            }
        return complete ? values.map { [$0] } : [values]
    }

    /// The SignedData of one group: its values with their natures, and the key they share.
    static func signedData(_ group: [SAFEValue]) -> SignedData {
        // The format attribute is a hint for ECDSA records only: an RSA-sealed value is no record of
        // its format and must not be reported as a malformed one.
        let formats = Set(group.compactMap { $0.format?.uppercased() })
        let sealed = group.contains(where: \.isSealed)
        let method = formats.count == 1 && !sealed ? formats.first.flatMap(encodingMethod) : nil
        let values = group.map { value in
            SignedValue(
                nature: value.contextNature, plainData: nil, signedData: value.data,
                publicKey: value.publicKey)
        }
        // Each value carries its own <publicKey>; values that differ fail `public_key` in one session.
        return SignedData(encodingMethod: method, publicKey: nil, signedValues: values)
    }

    /// The OCPI encoding method a S.A.F.E. format name stands for, when the registry knows one.
    static func encodingMethod(_ format: String) -> String? {
        FormatRegistry.encodingMethod(forSAFEFormat: format)
    }

    /// XML's end-of-line handling: CR LF and a lone CR become LF.
    static func normalisedLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var previousCR = false
        for byte in bytes {
            if byte == 0x0D {
                out.append(0x0A)
                previousCR = true
                continue
            }
            if byte == 0x0A && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(byte)
        }
        return out
    }

    static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: " \t\r\n"), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// Line numbers of increasing offsets, counted in one pass.
    struct LineCounter {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        mutating func line(at offset: Int) -> Int {
            let end = max(index, min(offset, bytes.count))
            while index < end {
                if bytes[index] == 0x0A { line += 1 }
                index += 1
            }
            return line
        }
    }
}
